import "server-only";
// Outbound requests to addresses a partner typed in (the Indeed Apply testing tool's endpoint,
// the token tool's and the service testing tools' custom targets). The console must not become
// a way into the network it runs in, so every such request goes through `outboundFetch` and
// nothing else (docs/decisions/020-outbound-requests.md).
//
//   const result = await outboundFetch(url, { method: "POST", headers, body }, { timeoutMs: 5000 });
//   if (!result.ok) show(result.message);          // result.kind says which failure it was
//   else show(result.status, result.text());       // result.redirectTo is set for a 3xx
//
// What it guarantees:
// - only http: and https: URLs, without user:password@ in them;
// - the address is checked where the connection is made: every address the name resolves to
//   must pass `checkAddress` before a socket opens (a name resolving to both a public and a
//   private address is refused), and the connected socket's remote address is checked again,
//   so a DNS answer that changes between a check and the connection (rebinding) gets nowhere;
//   IP literals are checked before anything is sent;
// - redirects are never followed: a 3xx comes back as a response with `redirectTo`;
// - at most `maxResponseBytes` of the body are read (then `too_large`, or the first bytes with
//   `truncated: true` when the caller asks for `truncate`);
// - one deadline of `timeoutMs` covers connecting, the TLS handshake, the headers and the body;
// - only the headers the caller passes are sent (never a browser's cookies or the console's
//   own headers), minus `cookie`, `host` and hop-by-hop headers, which are dropped;
// - no proxy from the environment, no connection shared with another request;
// - failures come back as values, never thrown: `kind` (below) and a plain `message`.
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP, type Socket } from "node:net";
import { Agent, buildConnector, request } from "undici";
import { outboundAllowsPrivateAddresses } from "../env";
import { checkAddress } from "./address-policy";

export type OutboundFailureKind =
  | "invalid_url"
  | "blocked_scheme"
  | "blocked_address"
  | "dns"
  | "refused"
  | "unreachable"
  | "timeout"
  | "tls"
  | "connection_closed"
  | "too_large"
  | "network";

export type OutboundFailure = {
  ok: false;
  kind: OutboundFailureKind;
  message: string;
  durationMs: number;
};

export type OutboundResponse = {
  ok: true;
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** True when the body was cut at maxResponseBytes (only with `truncate`). */
  truncated: boolean;
  /** The Location of a 3xx answer, resolved against the request URL; never followed. */
  redirectTo: string | null;
  /** The address the request was actually sent to. */
  remoteAddress: string | null;
  durationMs: number;
  text(): string;
};

export type OutboundResult = OutboundResponse | OutboundFailure;

export type OutboundInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
};

export type OutboundOptions = {
  /** The whole exchange, from the first DNS query to the last body byte. Default 5 s. */
  timeoutMs?: number;
  /** The most body bytes read. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Keep the first maxResponseBytes of a longer body instead of failing with `too_large`. */
  truncate?: boolean;
  /** Defaults to the OUTBOUND_ALLOW_PRIVATE_ADDRESSES setting. */
  allowPrivateAddresses?: boolean;
  /** Name resolution; defaults to the system resolver. Tests pass their own answers. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
};

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** Never sent: a caller cannot smuggle cookies or a different Host, nor break framing. */
const DROPPED_HEADERS = new Set([
  "cookie",
  "host",
  "connection",
  "keep-alive",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-length",
]);

class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  readonly code = "ERR_OUTBOUND_BLOCKED_ADDRESS";
}

class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
}

function systemResolve(hostname: string): Promise<LookupAddress[]> {
  return dns.promises.lookup(hostname, { all: true, verbatim: true });
}

/** Parses and vets the URL; a failure is returned, not thrown. */
export function vetOutboundUrl(raw: string): { ok: true; url: URL } | { ok: false; kind: OutboundFailureKind; message: string } {
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

export async function outboundFetch(rawUrl: string, init: OutboundInit = {}, options: OutboundOptions = {}): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const allowPrivate = options.allowPrivateAddresses ?? outboundAllowsPrivateAddresses();
  const resolve = options.resolve ?? systemResolve;

  const vetted = vetOutboundUrl(rawUrl);
  if (!vetted.ok) return { ok: false, kind: vetted.kind, message: vetted.message, durationMs: elapsed() };
  const url = vetted.url;

  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host)) {
    const verdict = checkAddress(host, { allowPrivate });
    if (!verdict.allowed) return blocked(verdict.reason, elapsed());
  }

  // The lookup every socket of this request uses: all answers are judged, the first is used.
  const lookup = (hostname: string, opts: LookupOptions, callback: (...args: unknown[]) => void) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }));
          return;
        }
        for (const a of addresses) {
          const verdict = checkAddress(a.address, { allowPrivate });
          if (!verdict.allowed) {
            callback(new BlockedAddressError(`${hostname} resolves to ${a.address}, ${verdict.what}`));
            return;
          }
        }
        const usable = opts.family === 4 || opts.family === 6 ? addresses.filter((a) => a.family === opts.family) : addresses;
        if (usable.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no IPv${opts.family} address`), { code: "ENOTFOUND" }));
          return;
        }
        if (opts.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: unknown) => callback(error),
    );
  };

  let connectedTo: string | null = null;
  const agent = new Agent({
    connections: 1,
    pipelining: 0,
    connect: guardConnector(
      buildConnector({ timeout: timeoutMs, lookup, keepAlive: false } as buildConnector.BuildOptions),
      { allowPrivate, onConnected: (address) => (connectedTo = address) },
    ),
  });

  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const headers: Record<string, string> = { "user-agent": "PartnerConsole-Outbound/1.0" };
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      if (!DROPPED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    const response = await request(url, {
      method: (init.method ?? "GET").toUpperCase() as "GET",
      headers,
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : Buffer.from(init.body),
      dispatcher: agent,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const { body, truncated } = await readCapped(response.body, maxBytes, options.truncate === true);
    const responseHeaders = flattenHeaders(response.headers);
    const location = response.statusCode >= 300 && response.statusCode < 400 ? headerValue(response.headers.location) : null;
    return {
      ok: true,
      status: response.statusCode,
      headers: responseHeaders,
      body,
      truncated,
      redirectTo: location === null ? null : resolveLocation(location, url),
      remoteAddress: connectedTo,
      durationMs: elapsed(),
      text: () => new TextDecoder("utf-8", { fatal: false }).decode(body),
    };
  } catch (error) {
    return { ok: false, ...classify(error, { url, timeoutMs, maxBytes, timedOut: signal.aborted }), durationMs: elapsed() };
  } finally {
    agent.destroy().catch(() => {});
  }
}

/**
 * The second check, on the socket itself: whatever the resolver said, this is where the bytes
 * would go. A refused socket is destroyed before a single request byte is written.
 */
export function guardConnector(
  connect: buildConnector.connector,
  { allowPrivate, onConnected }: { allowPrivate: boolean; onConnected?: (address: string) => void },
): buildConnector.connector {
  return (connectOptions, callback) =>
    connect(connectOptions, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error("no socket"), null);
      const remote = (socket as Socket).remoteAddress;
      if (!remote) {
        socket.destroy();
        return callback(new BlockedAddressError("the connection has no remote address"), null);
      }
      const verdict = checkAddress(remote, { allowPrivate });
      if (!verdict.allowed) {
        socket.destroy();
        return callback(new BlockedAddressError(`the connection went to ${remote}, ${verdict.what}`), null);
      }
      onConnected?.(remote);
      callback(null, socket);
    });
}

export function isBlockedAddressError(error: unknown): boolean {
  return error instanceof BlockedAddressError;
}

function blocked(reason: string, durationMs: number): OutboundFailure {
  return { ok: false, kind: "blocked_address", message: `Not called: ${reason}.`, durationMs };
}

async function readCapped(stream: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number, truncate: boolean) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    if (size + chunk.length > maxBytes) {
      stream.destroy();
      if (!truncate) throw new ResponseTooLargeError();
      chunks.push(chunk.subarray(0, maxBytes - size));
      return { body: new Uint8Array(Buffer.concat(chunks)), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { body: new Uint8Array(Buffer.concat(chunks)), truncated: false };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, v]);
  }
  return out;
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).toString();
  } catch {
    return location;
  }
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

/** The error and every `cause` below it (undici wraps socket errors). */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current: unknown = error;
  while (current && out.length < 8) {
    out.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

function classify(error: unknown, ctx: { url: URL; timeoutMs: number; maxBytes: number; timedOut: boolean }): { kind: OutboundFailureKind; message: string } {
  const host = ctx.url.host;
  const errors = chain(error);
  const blockedError = errors.find((e): e is BlockedAddressError => e instanceof BlockedAddressError);
  if (blockedError) return { kind: "blocked_address", message: `Not called: ${blockedError.message}.` };
  if (errors.some((e) => e instanceof ResponseTooLargeError)) {
    return { kind: "too_large", message: `The response is larger than ${formatBytes(ctx.maxBytes)}, the most the console reads.` };
  }
  const codes = errors.map((e) => String((e as { code?: unknown }).code ?? ""));
  const names = errors.map((e) => String((e as { name?: unknown }).name ?? ""));
  const seconds = `${(ctx.timeoutMs / 1000).toLocaleString("en")} s`;
  if (
    ctx.timedOut ||
    names.includes("TimeoutError") ||
    codes.some((c) => ["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"].includes(c))
  ) {
    return { kind: "timeout", message: `${host} did not answer within ${seconds}.` };
  }
  if (codes.some((c) => ["ENOTFOUND", "EAI_AGAIN", "EAI_NODATA", "EAI_NONAME", "EAI_FAIL"].includes(c))) {
    return { kind: "dns", message: `The name ${ctx.url.hostname} could not be resolved.` };
  }
  if (codes.includes("ECONNREFUSED")) return { kind: "refused", message: `${host} refused the connection (nothing listens on that port).` };
  if (codes.some((c) => ["EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"].includes(c))) {
    return { kind: "unreachable", message: `${host} cannot be reached from the console.` };
  }
  const tlsCode = codes.find((c) => TLS_CODES.test(c));
  if (tlsCode || names.some((n) => n.includes("TLS") || n.includes("SSL"))) {
    return { kind: "tls", message: `The TLS connection to ${host} failed${tlsCode ? ` (${tlsCode})` : ""}: check its certificate.` };
  }
  if (codes.some((c) => ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"].includes(c))) {
    return { kind: "connection_closed", message: `${host} closed the connection before answering.` };
  }
  if (codes.some((c) => c.startsWith("HPE_") || c === "UND_ERR_INVALID_ARG")) {
    return { kind: "network", message: `${host} did not answer with valid HTTP.` };
  }
  return { kind: "network", message: `The request to ${host} failed.` };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
