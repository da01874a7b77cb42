// One recorded HTTP exchange of the console's testing tools, how it is shown (secrets and tokens
// masked) and how it is copied as a curl command (secrets as shell variables, never values).
// Pure: the token tool, the GraphQL testing tool and their unit tests share it.
//
//   const known = [{ value: secret, kind: "secret", variable: "CLIENT_SECRET", shown: "secret “ci”" }];
//   const shown = maskExchange(raw, known);  // safe to save and to send to the browser
//   const curl = toCurl(raw.request, known); // safe to copy: $CLIENT_SECRET stands for the value

export interface ExchangeRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

export interface ExchangeResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

export interface Exchange {
  /** What the call was for, e.g. "Token request". */
  label?: string;
  request: ExchangeRequest;
  /** Null when no answer came (the failure says why). */
  response: ExchangeResponse | null;
  /** Why no answer came: a kind (dns, refused, timeout, tls, …) and a plain message. */
  failure?: { kind: string; message: string };
  durationMs: number;
}

/** A value that must never be shown or copied as is. */
export interface KnownValue {
  value: string;
  /** A secret is never shown, even in part; a token is shown by its first and last characters. */
  kind: "secret" | "token";
  /** The shell variable that stands for it in a curl command, e.g. CLIENT_SECRET. */
  variable: string;
  /** How a secret is named where it is hidden, e.g. the secret “ci”. */
  shown?: string;
  /** The client id a Basic header pairs with this secret. */
  clientId?: string;
}

/** Fields whose values are credentials or tokens wherever they appear (form or JSON bodies). */
const SENSITIVE_FIELDS: Record<string, KnownValue["kind"]> = {
  client_secret: "secret",
  password: "secret",
  access_token: "token",
  refresh_token: "token",
  id_token: "token",
  code: "token",
  code_verifier: "token",
  assertion: "token",
  client_assertion: "token",
};

/** Names that are credentials only in forms and query strings (`code` in JSON is an error code). */
const FORM_ONLY = new Set(["code"]);

const KEEP = 6;

/** A token by its ends: `eyJhbG…Yw9Q (812 characters)`. Short values are hidden whole. */
export function maskToken(value: string): string {
  if (value.length <= KEEP * 3) return `‹hidden, ${value.length} characters›`;
  return `${value.slice(0, KEEP)}…${value.slice(-KEEP)} (${value.length} characters)`;
}

function hide(known: KnownValue): string {
  return known.kind === "token" ? maskToken(known.value) : `‹${known.shown ?? "secret"}, hidden›`;
}

function hideField(name: string, value: string, known: KnownValue[], inJson = false): string {
  const match = known.find((k) => k.value === value);
  if (match) return hide(match);
  const kind = inJson && FORM_ONLY.has(name) ? undefined : SENSITIVE_FIELDS[name];
  if (kind === "secret") return "‹secret, hidden›";
  if (kind === "token") return maskToken(value);
  return maskText(value, known);
}

/** Replaces every known value in free text (longest first, so no value hides inside another). */
export function maskText(text: string, known: KnownValue[]): string {
  let out = text;
  for (const k of [...known].sort((a, b) => b.value.length - a.value.length)) {
    if (k.value.length < 4) continue;
    const replacement = hide(k);
    out = out.split(k.value).join(replacement);
    const encoded = encodeURIComponent(k.value);
    if (encoded !== k.value) out = out.split(encoded).join(replacement);
  }
  return out;
}

function decodeBasic(value: string): { id: string; secret: string } | null {
  try {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    const form = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    return { id: form(decoded.slice(0, colon)), secret: form(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

function maskHeader(name: string, value: string, known: KnownValue[]): string {
  const lower = name.toLowerCase();
  if (lower === "authorization") {
    const [scheme = "", ...rest] = value.split(" ");
    const credentials = rest.join(" ");
    if (scheme.toLowerCase() === "basic") {
      const pair = decodeBasic(credentials);
      const secret = pair && known.find((k) => k.value === pair.secret);
      const who = pair ? `client id ${pair.id}` : "client credentials";
      return `Basic ‹${who} and ${secret?.shown ?? "its secret"}, hidden›`;
    }
    return `${scheme} ${hideField("access_token", credentials, known)}`;
  }
  if (lower === "cookie" || lower === "set-cookie") return "‹hidden›";
  return maskText(value, known);
}

function isForm(headers: [string, string][]): boolean {
  return headers.some(([n, v]) => n.toLowerCase() === "content-type" && v.toLowerCase().startsWith("application/x-www-form-urlencoded"));
}

function maskJson(value: unknown, known: KnownValue[], field?: string): unknown {
  if (typeof value === "string") return field !== undefined ? hideField(field, value, known, true) : maskText(value, known);
  if (Array.isArray(value)) return value.map((v) => maskJson(v, known));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskJson(v, known, k)]));
  }
  return value;
}

/** A body as shown: form fields one by one, JSON pretty-printed, both masked. */
export function maskBody(body: string, headers: [string, string][], known: KnownValue[]): string {
  if (body === "") return "";
  if (isForm(headers)) {
    const params = new URLSearchParams(body);
    return [...params].map(([k, v]) => `${k}=${hideField(k, v, known)}`).join("\n");
  }
  try {
    return JSON.stringify(maskJson(JSON.parse(body), known), null, 2);
  } catch {
    return maskText(body, known);
  }
}

function maskUrl(url: string, known: KnownValue[]): string {
  try {
    const parsed = new URL(url);
    if (!parsed.search) return maskText(url, known);
    const query = [...parsed.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(hideField(k, v, known))}`);
    return maskText(`${parsed.origin}${parsed.pathname}?${query.join("&")}`, known);
  } catch {
    return maskText(url, known);
  }
}

/** The exchange as it may be saved and shown: no secret in any part, tokens by their ends. */
export function maskExchange(exchange: Exchange, known: KnownValue[]): Exchange {
  const { request, response } = exchange;
  return {
    ...exchange,
    request: {
      method: request.method,
      url: maskUrl(request.url, known),
      headers: request.headers.map(([n, v]) => [n, maskHeader(n, v, known)]),
      body: maskBody(request.body, request.headers, known),
    },
    response: response && {
      status: response.status,
      headers: response.headers.map(([n, v]) => [n, maskHeader(n, v, known)]),
      body: maskBody(response.body, response.headers, known),
    },
    failure: exchange.failure && { kind: exchange.failure.kind, message: maskText(exchange.failure.message, known) },
  };
}

/** POSIX shell quoting: one single-quoted word, a `'` written as '\'' (safe for newlines and any text). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * One shell word from text in which known values become "$VARIABLE": literal parts single-quoted,
 * variables double-quoted, concatenated (`'Authorization: Bearer '"$ACCESS_TOKEN"`).
 */
function shellWord(text: string, known: KnownValue[]): string {
  const sorted = [...known].filter((k) => k.value.length >= 4).sort((a, b) => b.value.length - a.value.length);
  const parts: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    let best: { index: number; known: KnownValue } | null = null;
    for (const k of sorted) {
      const index = rest.indexOf(k.value);
      if (index >= 0 && (!best || index < best.index)) best = { index, known: k };
    }
    if (!best) {
      parts.push(shellQuote(rest));
      break;
    }
    if (best.index > 0) parts.push(shellQuote(rest.slice(0, best.index)));
    parts.push(`"$${best.known.variable}"`);
    rest = rest.slice(best.index + best.known.value.length);
  }
  return parts.length === 0 ? "''" : parts.join("");
}

/** Headers curl sets itself, or that would only add noise. */
const CURL_SKIPS = new Set(["content-length", "host", "user-agent", "accept-encoding", "connection"]);

/**
 * The request as a curl command. Known values are shell variables ($CLIENT_SECRET, $ACCESS_TOKEN):
 * the command is safe to paste anywhere, and works once the variables are set.
 */
export function toCurl(request: ExchangeRequest, known: KnownValue[]): string {
  const lines = [`curl -sS -X ${request.method.toUpperCase()} ${shellWord(request.url, known)}`];
  for (const [name, value] of request.headers) {
    if (CURL_SKIPS.has(name.toLowerCase())) continue;
    if (name.toLowerCase() === "authorization" && value.toLowerCase().startsWith("basic ")) {
      const pair = decodeBasic(value.slice(6).trim());
      // curl -u sends the pair as typed; client ids and secrets of these providers need no escaping.
      if (pair) {
        lines.push(`  --user ${shellWord(`${pair.id}:${pair.secret}`, known)}`);
        continue;
      }
    }
    lines.push(`  -H ${shellWord(`${name}: ${value}`, known)}`);
  }
  if (request.body !== "") {
    if (isForm(request.headers)) {
      for (const [k, v] of new URLSearchParams(request.body)) lines.push(`  --data-urlencode ${shellWord(`${k}=${v}`, known)}`);
    } else {
      lines.push(`  --data-binary ${shellWord(request.body, known)}`);
    }
  }
  return lines.join(" \\\n");
}
