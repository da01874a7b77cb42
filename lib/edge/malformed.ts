// Server action calls the framework would answer with a 500 and a stack trace in the log,
// refused at the edge instead (proxy.ts) with a 4xx and a one-line warning. Pure: headers and
// body in, a refusal or null out, so the unit tests need no server. (TRACE and its kind never
// reach the proxy: scripts/serve.mjs refuses them.)

/** Next.js's default server action body limit (serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export interface Refusal {
  status: 400 | 403 | 413;
  reason: string;
}

/**
 * Paths answered by route handlers, which read their own bodies (and answer in their
 * protocol's terms): a form post there is not a server action.
 */
const ROUTE_HANDLERS = /^\/(api|seek)\/|^\/indeed\/(oauth|v2|\.well-known)\/|^\/indeed\/(consent\/submit|employer\/submit|continue)$/;

/**
 * How a request calls a server action, as Next.js tells them apart: `fetch` from our pages'
 * JavaScript (a POST with the Next-Action header), `form` from a browser without it (a
 * multipart POST to a page), or null when it calls none.
 */
export function actionKind(method: string, pathname: string, headers: Headers): "fetch" | "form" | null {
  if (method.toUpperCase() !== "POST") return null;
  if (headers.has("next-action")) return "fetch";
  const type = (headers.get("content-type") ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") && !ROUTE_HANDLERS.test(pathname) ? "form" : null;
}

/** Next.js's action ids are 42 characters; anything else it logs as an error with a stack. */
export function refuseActionId(headers: Headers): Refusal | null {
  const id = headers.get("next-action") ?? "";
  return /^[0-9a-f]{42}$/i.test(id) ? null : { status: 400, reason: "server action with a malformed id" };
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
  // The boundary parameter is case-sensitive: only the media type is compared lower-cased.
  const type = headers.get("content-type") ?? "";
  if (type.toLowerCase().startsWith("multipart/form-data")) {
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
