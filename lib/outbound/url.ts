// The URL rules of outbound requests (docs/decisions/020-outbound-requests.md), pure so that
// forms and schemas can apply them before anything is sent: http and https only, no user name
// or password in the URL. Addresses are judged later, where the connection is made.
export type OutboundUrlFailureKind = "invalid_url" | "blocked_scheme";

/** Parses and vets the URL; a failure is returned, not thrown. */
export function vetOutboundUrl(raw: string): { ok: true; url: URL } | { ok: false; kind: OutboundUrlFailureKind; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, kind: "invalid_url", message: "This is not a valid URL." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, kind: "blocked_scheme", message: `Only http and https URLs can be called, not ${url.protocol.replace(/:$/, "")}.` };
  }
  if (url.username || url.password) {
    return { ok: false, kind: "invalid_url", message: "A URL with a user name or password in it cannot be called." };
  }
  if (!url.hostname) return { ok: false, kind: "invalid_url", message: "This URL has no host." };
  return { ok: true, url };
}
