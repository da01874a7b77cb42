import { describe, expect, it } from "vitest";
import { chunkedUpload, pulledAtMost, streamedPost } from "../testing/chunked-upload";
import { bearerToken } from "./bearer";
import { MAX_FORM_BYTES, readForm } from "./http";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("a token request's body", () => {
  it("stops reading a chunked body past the limit, as invalid_request", async () => {
    const { stream, state } = chunkedUpload(4 * 1024 * 1024);
    await expect(readForm(streamedPost("http://x/token", stream, FORM))).rejects.toMatchObject({
      error: "invalid_request",
      status: 400,
    });
    expect(state.pulled).toBeLessThanOrEqual(pulledAtMost(MAX_FORM_BYTES));
    expect(state.cancelled).toBe(true);
  });

  it("refuses percent-escapes that are not UTF-8 rather than replacing them", async () => {
    const request = new Request("http://x/token", { method: "POST", headers: FORM, body: "grant_type=client_credentials&client_id=%FF" });
    await expect(readForm(request)).rejects.toMatchObject({ error: "invalid_request" });
  });
});

describe("a bearer token in a form body", () => {
  it("stops reading a chunked body past the limit, as invalid_request", async () => {
    const { stream, state } = chunkedUpload(4 * 1024 * 1024);
    await expect(bearerToken(streamedPost("http://x/userinfo", stream, FORM))).rejects.toMatchObject({ error: "invalid_request" });
    expect(state.pulled).toBeLessThanOrEqual(pulledAtMost(MAX_FORM_BYTES));
    expect(state.cancelled).toBe(true);
  });

  it("reads access_token from a small body", async () => {
    const request = new Request("http://x/userinfo", { method: "POST", headers: FORM, body: "access_token=abc.def" });
    expect(await bearerToken(request)).toBe("abc.def");
  });
});
