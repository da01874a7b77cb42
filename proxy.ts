// The edge, for every request but static files:
// 1. Refuses what the framework would turn into a 500 with a stack trace (a server action call
//    from another origin, over 1 MB, or with an id or body our pages never send), with a 4xx and
//    a one-line warning (lib/edge/malformed.ts). TRACE never gets here: scripts/serve.mjs.
// 2. Sends the Content-Security-Policy, with a fresh nonce Next.js puts on its scripts, and HSTS
//    over https (lib/edge/csp.ts, decision 019).
// 3. While this instance has noted a database outage, answers console pages with the outage
//    page, 503 and Retry-After (lib/edge/outage.ts, decision 024).
// 4. Redirects a request for a console page without a session cookie to the sign-in page,
//    remembering where it was going. It checks nothing else about the session; every page and
//    action checks it itself, next to the data (lib/auth, lib/data).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, cspArea, newNonce, STRICT_TRANSPORT_SECURITY } from "./lib/edge/csp";
import { databaseStillUnavailable } from "./lib/edge/outage";
import { outagePage } from "./lib/outage-page";
import {
  actionKind,
  refuseActionBody,
  refuseActionId,
  refuseActionOrigin,
  refuseDeclaredActionSize,
  type Refusal,
} from "./lib/edge/malformed";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const CONSOLE_PAGES = /^\/(dashboard|apps|admin|token-tool)(\/|$)/;

function refused(request: NextRequest, refusal: Refusal): NextResponse {
  // One line, no stack: these are clients' mistakes (or probes), not bugs.
  console.error(
    JSON.stringify({ time: new Date().toISOString(), level: "warn", message: "request refused at the edge", reason: refusal.reason, method: request.method, path: request.nextUrl.pathname, status: refusal.status }),
  );
  const text = refusal.status === 413 ? "Request body too large" : refusal.status === 403 ? "Forbidden" : "Bad request";
  return new NextResponse(`${text}.\n`, {
    status: refusal.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

async function refusal(request: NextRequest): Promise<Refusal | null> {
  const kind = actionKind(request.method, request.nextUrl.pathname, request.headers);
  if (!kind) return null;
  const early =
    refuseActionOrigin(request.headers) ?? refuseDeclaredActionSize(request.headers) ?? (kind === "fetch" ? refuseActionId(request.headers) : null);
  if (early) return early;
  return refuseActionBody(request.headers, await request.clone().arrayBuffer());
}

function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(/:$/, "")) === "https";
}

export async function proxy(request: NextRequest) {
  const refuse = await refusal(request);
  if (refuse) return refused(request, refuse);

  const https = isHttps(request);
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, area: cspArea(request.nextUrl.pathname), https, development: process.env.NODE_ENV === "development" });
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return response;
  };

  const { pathname, search } = request.nextUrl;
  if (CONSOLE_PAGES.test(pathname) && request.method === "GET" && (await databaseStillUnavailable())) {
    const page = outagePage();
    page.headers.set("Content-Security-Policy", csp);
    return page;
  }
  if (CONSOLE_PAGES.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/sign-in", request.url);
    const target = pathname + search;
    if (target !== "/dashboard") signIn.searchParams.set("callbackUrl", target);
    return secure(NextResponse.redirect(signIn));
  }

  // Next.js finds the nonce in the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  return secure(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Everything but the build's static files and the icon, which carry no HTML, and the protocol
  // endpoints, which answer JSON (or a redirect) and read their bodies with a byte limit of their
  // own (lib/http/read-body.ts): a proxy in front of them would buffer up to 10 MB first.
  matcher: [
    "/((?!_next/static|_next/image|icon.svg|favicon.ico|api/|seek/|indeed/oauth/v2/tokens|indeed/v2/api/|indeed/graphql|indeed/\\.well-known/|indeed/consent/submit|indeed/employer/submit).*)",
  ],
};
