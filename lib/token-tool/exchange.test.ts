import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { maskExchange, maskToken, shellQuote, toCurl, type Exchange, type KnownValue } from "./exchange";

const SECRET = "s3cr3t-VALUE-0123456789abcdef";
const TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhcHA6eCJ9.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";
const known: KnownValue[] = [
  { value: SECRET, kind: "secret", variable: "CLIENT_SECRET", shown: "the secret “ci”" },
  { value: TOKEN, kind: "token", variable: "ACCESS_TOKEN" },
];
const basic = `Basic ${Buffer.from(`client-1:${SECRET}`).toString("base64")}`;

/** What /bin/sh makes of a command line: each argument on its own, NUL-separated. */
function shellArgs(command: string, env: Record<string, string> = {}): string[] {
  const script = command.replace(/^curl /, "printf '%s\\0' ");
  return execFileSync("/bin/sh", ["-c", script], { env: { ...process.env, ...env } })
    .toString("utf8")
    .split("\0")
    .slice(0, -1);
}

describe("shellQuote", () => {
  it("survives quotes, newlines and unicode through a real shell", () => {
    for (const value of ["it's", "a'b'c", "line one\nline two", "emoji 🎉 and ünïcödé", "$HOME `id` \\n", ""]) {
      expect(shellArgs(`curl ${shellQuote(value)}`)).toEqual([value]);
    }
  });
});

describe("toCurl", () => {
  it("writes secrets and tokens as variables, never their values", () => {
    const curl = toCurl(
      {
        method: "POST",
        url: "https://apis.indeed.com/oauth/v2/tokens",
        headers: [
          ["content-type", "application/x-www-form-urlencoded"],
          ["authorization", basic],
        ],
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "employer_access", client_secret: SECRET }).toString(),
      },
      known,
    );
    expect(curl).not.toContain(SECRET);
    expect(curl).toContain(`--user 'client-1:'"$CLIENT_SECRET"`);
    expect(curl).toContain(`--data-urlencode 'client_secret='"$CLIENT_SECRET"`);
    const args = shellArgs(curl, { CLIENT_SECRET: SECRET });
    expect(args).toContain(`client-1:${SECRET}`);
    expect(args).toContain(`client_secret=${SECRET}`);
    expect(args).toContain("grant_type=client_credentials");
  });

  it("quotes a JSON body with quotes, newlines and unicode exactly", () => {
    const body = JSON.stringify({ query: "query { self { name } }\n# it's “quoted” 🎉" });
    const curl = toCurl(
      { method: "POST", url: "https://graphql.seek.com/graphql", headers: [["authorization", `Bearer ${TOKEN}`], ["content-type", "application/json"]], body },
      known,
    );
    expect(curl).not.toContain(TOKEN);
    const args = shellArgs(curl, { ACCESS_TOKEN: TOKEN });
    expect(args).toContain(body);
    expect(args).toContain(`authorization: Bearer ${TOKEN}`);
  });
});

describe("maskExchange", () => {
  const raw: Exchange = {
    label: "Token request",
    request: {
      method: "POST",
      url: `https://example.test/v2/api/userinfo?access_token=${TOKEN}`,
      headers: [
        ["authorization", basic],
        ["content-type", "application/x-www-form-urlencoded"],
      ],
      body: `grant_type=refresh_token&refresh_token=unknown-refresh-token-value-1234&client_secret=${encodeURIComponent(SECRET)}`,
    },
    response: {
      status: 200,
      headers: [["content-type", "application/json"]],
      body: JSON.stringify({ access_token: TOKEN, id_token: "another.jwt.value-that-is-long-enough", token_type: "bearer", note: `echo ${SECRET}` }),
    },
    durationMs: 12,
  };

  it("names the client id and the secret's label for a Basic header", () => {
    const masked = maskExchange(raw, known);
    expect(masked.request.headers[0]![1]).toBe("Basic ‹client id client-1 and the secret “ci”, hidden›");
  });

  it("leaves no secret or token value anywhere, and keeps tokens' ends", () => {
    const text = JSON.stringify(maskExchange(raw, known));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(encodeURIComponent(SECRET));
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("unknown-refresh-token-value-1234");
    expect(text).not.toContain("another.jwt.value-that-is-long-enough");
    expect(text).toContain(maskToken(TOKEN));
    expect(maskToken(TOKEN)).toBe(`eyJhbG…9rZW4s (${TOKEN.length} characters)`.replace("9rZW4s", TOKEN.slice(-6)));
    expect(text).toContain("bearer");
  });

  it("keeps a JSON error code, which is no credential, while a form's code is masked", () => {
    const shown = maskExchange(
      {
        request: { method: "POST", url: "https://x.test/token", headers: [["content-type", "application/x-www-form-urlencoded"]], body: "grant_type=authorization_code&code=abcdefghijklmnopqrstuvwxyz" },
        response: { status: 200, headers: [["content-type", "application/json"]], body: JSON.stringify({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] }) },
        durationMs: 1,
      },
      [],
    );
    expect(shown.request.body).toBe(`grant_type=authorization_code\ncode=${maskToken("abcdefghijklmnopqrstuvwxyz")}`);
    expect(shown.response!.body).toContain('"code": "BAD_USER_INPUT"');
  });

  it("hides short values whole", () => {
    expect(maskToken("abc")).toBe("‹hidden, 3 characters›");
  });
});
