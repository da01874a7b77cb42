// The Redirect URL Allowlist's rules. Pure, so the console (when a URL is added) and the Indeed
// emulator (when an authorize request names one) apply the same ones. What passes is stored
// exactly as typed: the authorization endpoint compares strings exactly, never "equivalent"
// URLs. @see RFC 6749 §3.1.2, RFC 9700 §4.1.3 (exact string matching)

export const MAX_REDIRECT_URIS = 5;
export const MAX_REDIRECT_URI_LENGTH = 2048;

/** Hosts that may use plain http:// (a developer's own machine, RFC 8252 §7.3). */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type RedirectUriVerdict = { ok: true; uri: string } | { ok: false; reason: string };

function refuse(reason: string): RedirectUriVerdict {
  return { ok: false, reason };
}

/**
 * Whether `value` may join an allowlist that already holds `existing`. Refusals say why, in
 * words a partner can act on. Checks run on the raw string first: the WHATWG URL parser
 * "repairs" much of what is refused here (backslashes, whitespace, upper-case schemes), and what
 * is stored must be what was checked.
 */
export function validateRedirectUri(value: string, existing: readonly string[] = []): RedirectUriVerdict {
  if (value.length === 0) return refuse("Enter a URL.");
  if (value.length > MAX_REDIRECT_URI_LENGTH) {
    return refuse(`A redirect URL can have at most ${MAX_REDIRECT_URI_LENGTH.toLocaleString("en")} characters.`);
  }
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return refuse("A redirect URL cannot contain control characters.");
  if (/\s/u.test(value)) return refuse("A redirect URL cannot contain spaces or other whitespace.");

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (!scheme) return refuse("Enter an absolute URL that starts with https://.");
  const lowerScheme = scheme.toLowerCase();
  if (lowerScheme === "javascript" || lowerScheme === "data" || lowerScheme === "file" || lowerScheme === "vbscript") {
    return refuse(`${lowerScheme}: URLs cannot be redirect URLs. Use an https:// URL.`);
  }
  if (lowerScheme !== "https" && lowerScheme !== "http") {
    return refuse(`${scheme}: URLs cannot be redirect URLs. Use an https:// URL.`);
  }
  if (scheme !== lowerScheme) return refuse(`Write the scheme in lower case: ${lowerScheme}://.`);
  if (!value.startsWith(`${scheme}://`)) return refuse(`Enter an absolute URL that starts with ${scheme}://.`);
  if (value.includes("\\")) return refuse("A redirect URL cannot contain backslashes.");
  if (value.includes("#")) return refuse("A redirect URL cannot contain a fragment (#…).");
  if (value.includes("*")) return refuse("A redirect URL cannot contain wildcards (*): list each URL exactly.");

  const rest = value.slice(scheme.length + 3);
  const authority = rest.split(/[/?]/, 1)[0] ?? "";
  if (authority.includes("@")) return refuse("A redirect URL cannot contain a user name or password (user@host).");
  if (authority === "") return refuse("Enter a URL with a host name, such as https://example.com/callback.");

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse("This is not a valid URL.");
  }
  if (url.username || url.password) return refuse("A redirect URL cannot contain a user name or password (user@host).");
  if (!url.hostname) return refuse("Enter a URL with a host name, such as https://example.com/callback.");
  if (lowerScheme === "http" && !LOOPBACK_HOSTS.has(url.hostname)) {
    return refuse("Use https://. Plain http:// is allowed only on localhost, 127.0.0.1 and [::1].");
  }

  if (existing.includes(value)) return refuse("This URL is already on the allowlist.");
  if (existing.length >= MAX_REDIRECT_URIS) {
    return refuse(`A client can have at most ${MAX_REDIRECT_URIS} redirect URLs. Delete one first.`);
  }
  return { ok: true, uri: value };
}
