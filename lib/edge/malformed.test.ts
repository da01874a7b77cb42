import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionKind, refuseActionBody, refuseActionId, refuseActionOrigin, refuseDeclaredActionSize } from "./malformed";

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe("actionKind", () => {
  const multipart = new Headers({ "content-type": "multipart/form-data; boundary=x" });

  it("is fetch for a POST with a Next-Action header, anywhere", () => {
    expect(actionKind("POST", "/sign-in", new Headers({ "next-action": "abc" }))).toBe("fetch");
    expect(actionKind("GET", "/sign-in", new Headers({ "next-action": "abc" }))).toBeNull();
  });

  it("is form for a multipart POST to a page, not to a route handler", () => {
    expect(actionKind("POST", "/apps/x/credentials", multipart)).toBe("form");
    expect(actionKind("POST", "/indeed/sign-in", multipart)).toBe("form");
    for (const path of ["/indeed/oauth/v2/tokens", "/api/auth/callback/credentials", "/indeed/consent/submit", "/indeed/v2/api/userinfo", "/seek/auth/token"]) {
      expect(actionKind("POST", path, multipart), path).toBeNull();
    }
    expect(actionKind("POST", "/sign-in", new Headers({ "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
  });
});

describe("refuseActionId", () => {
  it("wants the 42 hexadecimal characters Next.js generates", () => {
    expect(refuseActionId(new Headers({ "next-action": "60fb5ba4b6d7c3c8a26bbd6f5c4da2b6e73eadce37" }))).toBeNull();
    for (const id of ["abc", "", "x".repeat(42), "60fb5ba4b6d7c3c8a26bbd6f5c4da2b6e73eadce3700"]) {
      expect(refuseActionId(new Headers({ "next-action": id }))?.status, id).toBe(400);
    }
  });
});

describe("refuseActionOrigin", () => {
  const at = (origin: string | null, host = "console.example", forwarded?: string) => {
    const headers = new Headers({ host });
    if (origin !== null) headers.set("origin", origin);
    if (forwarded) headers.set("x-forwarded-host", forwarded);
    return refuseActionOrigin(headers);
  };

  it("lets through the same host, or no Origin at all", () => {
    expect(at("https://console.example")).toBeNull();
    expect(at("http://localhost:3000", "localhost:3000")).toBeNull();
    expect(at(null)).toBeNull();
    expect(at("https://console.example", "10.0.0.5:3000", "console.example")).toBeNull();
  });

  it("refuses another host or port, and what does not parse", () => {
    expect(at("https://evil.example")?.status).toBe(403);
    expect(at("http://localhost:1", "localhost:3000")?.status).toBe(403);
    expect(at("null")?.status).toBe(403);
    expect(at("not a url")?.status).toBe(403);
    expect(at("https://console.example", "10.0.0.5:3000", "evil.example")?.status).toBe(403);
  });
});

describe("refuseDeclaredActionSize", () => {
  it("refuses a declared body over 1 MB with 413, and a malformed length with 400", () => {
    expect(refuseDeclaredActionSize(new Headers({ "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }))?.status).toBe(413);
    expect(refuseDeclaredActionSize(new Headers({ "content-length": String(ACTION_BODY_LIMIT_BYTES) }))).toBeNull();
    expect(refuseDeclaredActionSize(new Headers({ "content-length": "12abc" }))?.status).toBe(400);
    expect(refuseDeclaredActionSize(new Headers())).toBeNull();
  });
});

describe("refuseActionBody", () => {
  const text = new Headers({ "content-type": "text/plain;charset=UTF-8" });

  it("accepts an argument list, or multipart form data", async () => {
    expect(await refuseActionBody(text, bytes('[{},"x"]'))).toBeNull();
    expect(await refuseActionBody(text, bytes("[]"))).toBeNull();
    const form = new FormData();
    form.set("1_email", "a@example.com");
    const encoded = new Response(form);
    const headers = new Headers({ "content-type": encoded.headers.get("content-type")! });
    expect(await refuseActionBody(headers, await encoded.arrayBuffer())).toBeNull();
  });

  it("keeps the boundary's case, as Chromium's WebKitFormBoundary… needs", async () => {
    const boundary = "----WebKitFormBoundaryAbCdEf0123";
    const headers = new Headers({ "content-type": `multipart/form-data; boundary=${boundary}` });
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="1_email"\r\n\r\na@example.com\r\n--${boundary}--\r\n`;
    expect(await refuseActionBody(headers, bytes(body))).toBeNull();
  });

  it("refuses an empty body, garbage, JSON that is no list, invalid UTF-8 and broken multipart", async () => {
    expect((await refuseActionBody(text, bytes("")))?.status).toBe(400);
    expect((await refuseActionBody(text, bytes("garbage")))?.status).toBe(400);
    expect((await refuseActionBody(text, bytes('{"a":1}')))?.status).toBe(400);
    expect((await refuseActionBody(text, new Uint8Array([0x5b, 0xff, 0x5d]).buffer))?.status).toBe(400);
    const multipart = new Headers({ "content-type": "multipart/form-data; boundary=abc" });
    expect((await refuseActionBody(multipart, bytes("--nope\r\ngarbage")))?.status).toBe(400);
  });

  it("refuses a body over 1 MB with 413 even when no length was declared", async () => {
    expect((await refuseActionBody(text, new ArrayBuffer(ACTION_BODY_LIMIT_BYTES + 1)))?.status).toBe(413);
  });
});
