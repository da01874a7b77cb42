import { describe, expect, it } from "vitest";
import { chunkedUpload, pulledAtMost, UPLOAD_CHUNK_BYTES as CHUNK } from "../testing/chunked-upload";
import { BodyError, isWellFormedUrlEncoding, readBytes, readJson, readText, readUrlEncoded } from "./read-body";

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/endpoint", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BodyError);
  return error as BodyError;
}

describe("readBytes", () => {
  it("stops reading a chunked body as soon as it passes the limit, and cancels the upload", async () => {
    const { stream, state } = chunkedUpload(4 * 1024 * 1024);
    const error = await problemOf(readBytes(post(stream), { maxBytes: 16 * 1024 }));
    expect(error.problem).toBe("too-large");
    expect(error.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(pulledAtMost(16 * 1024));
    expect(state.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the limit without reading any of the body", async () => {
    const { stream, state } = chunkedUpload(64 * 1024);
    const request = post(stream, { "content-length": String(64 * 1024) });
    const error = await problemOf(readBytes(request, { maxBytes: 16 * 1024 }));
    expect(error.problem).toBe("too-large");
    expect(state.pulled).toBeLessThanOrEqual(CHUNK);
    expect(state.cancelled).toBe(true);
  });

  it("reads a chunked body of exactly the limit whole", async () => {
    const { stream } = chunkedUpload(16 * 1024);
    const bytes = await readBytes(post(stream), { maxBytes: 16 * 1024 });
    expect(bytes.byteLength).toBe(16 * 1024);
    expect(bytes.every((b) => b === 0x61)).toBe(true);
  });

  it("reads a missing body as empty", async () => {
    const request = new Request("http://localhost/endpoint", { method: "POST" });
    expect((await readBytes(request, { maxBytes: 10 })).byteLength).toBe(0);
  });

  it("refuses a Content-Length that is not a number", async () => {
    const error = await problemOf(readBytes(post("a=b", { "content-length": "3, 3" }), { maxBytes: 10 }));
    expect(error.problem).toBe("malformed");
  });
});

describe("readUrlEncoded", () => {
  const form = { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" };

  it("parses a form body", async () => {
    const params = await readUrlEncoded(post("grant_type=client_credentials&scope=a+b&x=%C3%A9", form), { maxBytes: 100 });
    expect(params.get("grant_type")).toBe("client_credentials");
    expect(params.get("scope")).toBe("a b");
    expect(params.get("x")).toBe("é");
  });

  it("refuses escapes that are not UTF-8 instead of replacing them", async () => {
    const error = await problemOf(readUrlEncoded(post("state=%FF", form), { maxBytes: 100 }));
    expect(error.problem).toBe("malformed");
    expect(error.status).toBe(400);
  });

  it("refuses raw bytes that are not UTF-8", async () => {
    const error = await problemOf(readUrlEncoded(post(new Uint8Array([0x61, 0x3d, 0xff]), form), { maxBytes: 100 }));
    expect(error.problem).toBe("malformed");
  });

  it("refuses another media type without reading the body", async () => {
    const { stream, state } = chunkedUpload(64 * 1024);
    const error = await problemOf(readUrlEncoded(post(stream, { "content-type": "text/plain" }), { maxBytes: 100 }));
    expect(error.problem).toBe("unsupported-media-type");
    expect(error.status).toBe(415);
    expect(state.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("stops reading a chunked form body past the limit", async () => {
    const { stream, state } = chunkedUpload(4 * 1024 * 1024);
    const error = await problemOf(readUrlEncoded(post(stream, form), { maxBytes: 8 * 1024 }));
    expect(error.problem).toBe("too-large");
    expect(state.pulled).toBeLessThanOrEqual(pulledAtMost(8 * 1024));
  });
});

describe("readJson", () => {
  const json = { "content-type": "application/json" };

  it("parses a JSON body, also under a +json media type", async () => {
    expect(await readJson(post('{"grant_type":"x"}', json), { maxBytes: 100 })).toEqual({ grant_type: "x" });
    expect(await readJson(post("[1]", { "content-type": "application/graphql-response+json" }), { maxBytes: 100 })).toEqual([1]);
  });

  it("refuses JSON that does not parse", async () => {
    const error = await problemOf(readJson(post("{", json), { maxBytes: 100 }));
    expect(error.problem).toBe("malformed");
  });

  it("refuses a form body", async () => {
    const error = await problemOf(readJson(post("a=b", { "content-type": "application/x-www-form-urlencoded" }), { maxBytes: 100 }));
    expect(error.problem).toBe("unsupported-media-type");
  });

  it("stops reading a chunked JSON body past the limit", async () => {
    const { stream, state } = chunkedUpload(4 * 1024 * 1024, 0x20);
    const error = await problemOf(readJson(post(stream, json), { maxBytes: 32 * 1024 }));
    expect(error.problem).toBe("too-large");
    expect(state.pulled).toBeLessThanOrEqual(pulledAtMost(32 * 1024));
  });
});

describe("readText", () => {
  it("keeps a byte order mark and refuses invalid UTF-8", async () => {
    expect(await readText(post("\uFEFFa"), { maxBytes: 10 })).toBe("\uFEFFa");
    const error = await problemOf(readText(post(new Uint8Array([0xc3])), { maxBytes: 10 }));
    expect(error.problem).toBe("malformed");
  });
});

describe("isWellFormedUrlEncoding", () => {
  it("accepts complete UTF-8 escapes and refuses lone or invalid ones", () => {
    expect(isWellFormedUrlEncoding("a=%E2%82%AC&b=c+d")).toBe(true);
    expect(isWellFormedUrlEncoding("a=%")).toBe(false);
    expect(isWellFormedUrlEncoding("a=%zz")).toBe(false);
    expect(isWellFormedUrlEncoding("a=%C3")).toBe(false);
  });
});
