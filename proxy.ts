// The proxy only redirects: a request for a console page without a session cookie goes to the
// sign-in page, remembering where it was going. It checks nothing else; every page and action
// checks the session and permissions itself, next to the data (lib/auth, lib/data).
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/" && target !== "/dashboard") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/dashboard/:path*", "/apps/:path*", "/admin/:path*", "/token-tool/:path*"],
};
