// Requests the framework would answer with a 500 and a stack trace in the log, refused at the
// edge instead (proxy.ts) with a 4xx and a one-line warning. Pure: (method, url, headers,
// body) in, a refusal or null out, so the unit tests need no server.

/** Next.js's default server action body limit (serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export interface Refusal {
  status: 400 | 403 | 405 | 413;
  reason: string;
  headers?: Record<string, string>;
}

/** Methods no page or route answers; Next.js crashes on TRACE rather than refusing it. */
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

export function refuseMethod(method: string): Refusal | null {
  if (!REFUSED_METHODS.has(method.toUpperCase())) return null;
  return { status: 405, reason: `method ${method.toUpperCase()}`, headers: { Allow: "GET, HEAD, POST" } };
}

/** A server action call: a POST naming an action in the Next-Action header. */
export function isActionRequest(method: string, headers: Headers): boolean {
  return method.toUpperCase() === "POST" && headers.has("next-action");
}

/**
 * Next.js's own check of a server action's Origin, made first: the Origin (when the browser
 * sent one) must name this host, as the proxy in front says it (X-Forwarded-Host) or Host.
 * A foreign or unparseable Origin is a cross-site request: 403.
 */
export function refuseActionOrigin(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return { status: 403, reason: "server action with an unparseable Origin" };
  }
  if (originHost === "" || originHost !== host) return { status: 403, reason: "server action from another origin" };
  return null;
}

/** A declared body over the limit, refused before anything reads it. */
export function refuseDeclaredActionSize(headers: Headers): Refusal | null {
  const length = headers.get("content-length");
  if (length === null) return null;
  if (!/^\d+$/.test(length.trim())) return { status: 400, reason: "server action with a malformed Content-Length" };
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) return { status: 413, reason: "server action body over 1 MB" };
  return null;
}

/**
 * The body of a server action call as React's client encodes it: its arguments as a JSON
 * array (text/plain), or multipart form data whose fields hold the encoded arguments. An
 * empty body, or one that is neither, was not sent by our pages: 400.
 */
export async function refuseActionBody(headers: Headers, body: ArrayBuffer): Promise<Refusal | null> {
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return { status: 413, reason: "server action body over 1 MB" };
  if (body.byteLength === 0) return { status: 400, reason: "empty server action body" };
  const type = (headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    try {
      await new Response(body, { headers: { "content-type": type } }).formData();
      return null;
    } catch {
      return { status: 400, reason: "server action body is not multipart form data" };
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return { status: 400, reason: "server action body is not UTF-8" };
  }
  try {
    if (Array.isArray(JSON.parse(text))) return null;
  } catch {
    // refused below
  }
  return { status: 400, reason: "server action body is not an argument list" };
}
