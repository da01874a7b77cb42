import "server-only";
// The one way the token tool talks HTTP. oauth4webapi (and the tool's own calls) get `fetch`
// from here as their customFetch: each call is recorded (method, URL, headers, body, status,
// response headers and body, duration) and then sent
// - to this console's emulator by dispatching the request in-process to its route handlers (the
//   same handlers the HTTP routes run; no socket, so it works behind any proxy), or
// - to the real provider or a custom base URL through outboundFetch (docs/decisions/020), with a
//   deadline of a few seconds; its failure (dns, refused, timeout, tls, …) ends the call as a
//   TransportError carrying the plain message.
// Recorded exchanges are raw: the step masks them (lib/token-tool/exchange.ts) before they are
// saved or shown.
import * as oauth from "oauth4webapi";
import { outboundFetch } from "../outbound/outbound-fetch";
import type { Exchange } from "./exchange";
import type { Target } from "./targets";

/** A route handler of an emulator, by "METHOD /path" (the path without the query). */
export type RouteTable = Record<string, (request: Request) => Response | Promise<Response>>;

/** How long a call to a real or custom target may take, from DNS to the last byte. */
export const OUTBOUND_DEADLINE_MS = 5_000;

export class TransportError extends Error {
  override name = "TransportError";
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

type FetchInit = { method?: string; headers?: Record<string, string> | [string, string][] | Headers; body?: unknown };

export interface Transport {
  /** oauth4webapi's customFetch (and the tool's own calls). */
  fetch: (url: string, init?: FetchInit) => Promise<Response>;
  /** Spread into every oauth4webapi call. */
  options: { [oauth.customFetch]: (url: string, init: FetchInit) => Promise<Response>; [oauth.allowInsecureRequests]?: boolean };
  /** Names the next exchange ("Token request", "JWKS"). */
  label(text: string): void;
  /** Every exchange so far, in order, unmasked. */
  readonly exchanges: Exchange[];
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(body));
  return String(body);
}

function headerPairs(headers: FetchInit["headers"]): [string, string][] {
  if (!headers) return [];
  if (headers instanceof Headers) return [...headers];
  if (Array.isArray(headers)) return headers.map(([k, v]) => [k.toLowerCase(), v]);
  return Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]);
}

/** The handler an emulator route table has for this request, if any. */
function routeFor(routes: RouteTable, method: string, url: string) {
  return routes[`${method.toUpperCase()} ${new URL(url).pathname}`];
}

export function createTransport({ target, routes, timeoutMs = OUTBOUND_DEADLINE_MS }: { target: Target; routes: RouteTable; timeoutMs?: number }): Transport {
  const exchanges: Exchange[] = [];
  let nextLabel: string | undefined;

  async function send(url: string, init: FetchInit = {}): Promise<Response> {
    const method = (init.method ?? "GET").toUpperCase();
    const headers = headerPairs(init.headers);
    const body = bodyText(init.body);
    const exchange: Exchange = { label: nextLabel, request: { method, url, headers, body }, response: null, durationMs: 0 };
    nextLabel = undefined;
    exchanges.push(exchange);
    const started = performance.now();
    const done = () => (exchange.durationMs = Math.round(performance.now() - started));

    if (target.kind === "emulator") {
      const handler = routeFor(routes, method, url);
      const response = handler
        ? await handler(new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body }))
        : new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
      const text = await response.text();
      done();
      exchange.response = { status: response.status, headers: [...response.headers], body: text };
      return rebuilt(response.status, exchange.response.headers, text);
    }

    const result = await outboundFetch(url, { method, headers: Object.fromEntries(headers), body: body === "" ? undefined : body }, { timeoutMs });
    exchange.durationMs = result.durationMs;
    if (!result.ok) {
      exchange.failure = { kind: result.kind, message: result.message };
      throw new TransportError(result.kind, result.message);
    }
    const text = result.text();
    exchange.response = { status: result.status, headers: result.headers, body: text };
    return rebuilt(result.status, result.headers, text);
  }

  const fetch = (url: string, init?: FetchInit) => send(url, init);
  return {
    fetch,
    options: { [oauth.customFetch]: fetch, ...(target.kind === "provider" ? {} : { [oauth.allowInsecureRequests]: true }) },
    label(text) {
      nextLabel = text;
    },
    exchanges,
  };
}

function rebuilt(status: number, headers: [string, string][], body: string): Response {
  const empty = status === 204 || status === 205 || status === 304;
  return new Response(empty ? null : body, { status, headers });
}
