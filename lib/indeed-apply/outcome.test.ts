import { describe, expect, it } from "vitest";
import type { OutboundResult } from "../outbound/outbound-fetch";
import { parseCapturedRequest } from "./captured-request";
import { interpret, isExpected } from "./outcome";

function answer(status: number, redirectTo: string | null = null): OutboundResult {
  const body = new Uint8Array();
  return { ok: true, status, headers: [], body, truncated: false, redirectTo, remoteAddress: "127.0.0.1", durationMs: 3, text: () => "" };
}

describe("what an endpoint's answer means", () => {
  it("reads 200, 409 and 410 as Indeed does", () => {
    expect(interpret(answer(200), "signed")).toMatchObject({ outcome: "accepted", status: 200 });
    expect(interpret(answer(409), "signed")).toMatchObject({ outcome: "duplicate" });
    expect(interpret(answer(410), "signed")).toMatchObject({ outcome: "expired" });
    expect(isExpected("signed", interpret(answer(200), "signed"))).toBe(true);
  });

  it("expects 409 for a repeat and calls a second 200 wrong", () => {
    expect(isExpected("repeat", interpret(answer(409), "repeat"))).toBe(true);
    const again = interpret(answer(200), "repeat");
    expect(isExpected("repeat", again)).toBe(false);
    expect(again.message).toContain("should be answered 409");
  });

  it("treats a redirect and any other status as integration errors", () => {
    const redirect = interpret(answer(302, "https://other.example.com/apply"), "signed");
    expect(redirect).toMatchObject({ outcome: "redirect", status: 302 });
    expect(redirect.message).toContain("Indeed does not follow redirects");
    expect(isExpected("signed", redirect)).toBe(false);
    expect(interpret(answer(500), "signed")).toMatchObject({ outcome: "unexpected_status" });
    expect(interpret(answer(201), "signed")).toMatchObject({ outcome: "unexpected_status" });
  });

  it("expects a forged application to be refused with a 4xx", () => {
    expect(interpret(answer(401), "forged")).toMatchObject({ outcome: "refused" });
    expect(isExpected("forged", interpret(answer(403), "forged"))).toBe(true);
    expect(isExpected("forged", interpret(answer(200), "forged"))).toBe(false);
    expect(isExpected("forged", interpret(answer(409), "forged"))).toBe(false);
  });

  it("names failures to connect", () => {
    for (const [kind, outcome] of [
      ["timeout", "timeout"],
      ["tls", "tls"],
      ["refused", "connection"],
      ["dns", "connection"],
      ["blocked_address", "blocked"],
    ] as const) {
      expect(interpret({ ok: false, kind, message: "m", durationMs: 1 }, "signed")).toMatchObject({ outcome, status: null });
    }
  });
});

describe("a captured request", () => {
  it("yields the body exactly as pasted and the signature header", () => {
    const raw = 'POST /apply HTTP/1.1\r\nHost: ats.example.com\r\nx-indeed-signature: abc=\r\nContent-Type: application/json\r\n\r\n{"a":\r\n1}';
    expect(parseCapturedRequest(raw)).toEqual({ body: '{"a":\r\n1}', signature: "abc=" });
    expect(parseCapturedRequest('POST /apply\nContent-Type: application/json\n\n{"b":2}')).toEqual({ body: '{"b":2}', signature: null });
  });

  it("is refused when it is not a request", () => {
    expect(parseCapturedRequest('{"a":1}')).toBeNull();
    expect(parseCapturedRequest("hello\n\nworld")).toBeNull();
  });
});
