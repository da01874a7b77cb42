import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_URIS, validateRedirectUri } from "./redirect-uri";

const ACCEPTED = [
  "https://example.com/callback",
  "https://example.com",
  "https://app.example.com:8443/oauth/callback?tenant=acme",
  "https://EXAMPLE.com/Callback",
  "https://203.0.113.7/cb",
  "https://xn--bcher-kva.example/cb",
  "https://example.com/path%20with%20encoded%20space",
  "http://localhost:8976/callback",
  "http://localhost/cb",
  "http://127.0.0.1:3000/oauth/callback",
  "http://[::1]:8080/cb",
  `https://example.com/${"a".repeat(2048 - "https://example.com/".length)}`,
];

const REFUSED: [string, RegExp][] = [
  ["", /Enter a URL/],
  ["example.com/callback", /absolute URL/],
  ["/callback", /absolute URL/],
  ["https:example.com/cb", /starts with https:\/\//],
  ["https:/example.com/cb", /starts with https:\/\//],
  ["http://example.com/callback", /Use https:\/\/.*localhost/],
  ["http://localhost.evil.example/cb", /Use https:\/\//],
  ["http://127.0.0.1.nip.io/cb", /Use https:\/\//],
  ["http://10.0.0.1/cb", /Use https:\/\//],
  ["ftp://example.com/cb", /ftp: URLs cannot/],
  ["javascript:alert(1)", /javascript: URLs cannot/],
  ["JavaScript:alert(1)", /javascript: URLs cannot/],
  ["JAVASCRIPT://example.com/%0Aalert(1)", /javascript: URLs cannot/],
  ["data:text/html,<script>alert(1)</script>", /data: URLs cannot/],
  ["DATA:text/html;base64,PHNjcmlwdD4=", /data: URLs cannot/],
  ["file:///etc/passwd", /file: URLs cannot/],
  ["FILE://server/share", /file: URLs cannot/],
  ["HTTPS://example.com/cb", /lower case/],
  ["https://example.com/cb#section", /fragment/],
  ["https://example.com/cb#", /fragment/],
  ["https://*.example.com/cb", /wildcards/],
  ["https://example.com/*", /wildcards/],
  ["https://user@example.com/cb", /user name or password/],
  ["https://user:pass@example.com/cb", /user name or password/],
  ["https://example.com@evil.example/cb", /user name or password/],
  ["https://example.com\\@evil.example/cb", /backslashes/],
  ["https://example.com/ cb", /whitespace/],
  [" https://example.com/cb", /whitespace/],
  ["https://example.com/cb ", /whitespace/],
  ["https://example.com/cb\t", /control characters/],
  ["https://example.com/\ncb", /control characters/],
  ["https://example.com/cb\u0000", /control characters/],
  ["https://example.com/cb\u0085", /control characters/],
  ["https://example.com/cb\u00a0", /whitespace/],
  ["https://example.com/cb\u2028", /whitespace/],
  ["https://", /host name/],
  ["https:///cb", /host name/],
  ["https://exa mple.com", /whitespace/],
  ["https://[::1/cb", /not a valid URL/],
  [`https://example.com/${"a".repeat(2049 - "https://example.com/".length)}`, /at most 2,048 characters/],
];

describe("redirect URL rules", () => {
  it.each(ACCEPTED)("accepts %s, unchanged", (uri) => {
    expect(validateRedirectUri(uri)).toEqual({ ok: true, uri });
  });

  it.each(REFUSED)("refuses %j", (uri, reason) => {
    const verdict = validateRedirectUri(uri);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it("refuses an exact duplicate but not a URL that merely looks alike", () => {
    const existing = ["https://example.com/cb"];
    expect(validateRedirectUri("https://example.com/cb", existing)).toEqual({
      ok: false,
      reason: "This URL is already on the allowlist.",
    });
    expect(validateRedirectUri("https://example.com/cb/", existing)).toEqual({ ok: true, uri: "https://example.com/cb/" });
  });

  it(`refuses a URL beyond the ${MAX_REDIRECT_URIS}th`, () => {
    const four = Array.from({ length: MAX_REDIRECT_URIS - 1 }, (_, i) => `https://example.com/${i}`);
    expect(validateRedirectUri("https://example.com/new", four).ok).toBe(true);
    const five = [...four, "https://example.com/4"];
    expect(validateRedirectUri("https://example.com/new", five)).toEqual({
      ok: false,
      reason: `A client can have at most ${MAX_REDIRECT_URIS} redirect URLs. Delete one first.`,
    });
  });
});
