// The Content-Security-Policy of every response (decision 019), built per request around a
// fresh nonce. Next.js reads the nonce back from the request's own CSP header and puts it on
// the scripts it renders, so pages must render per request (the root layout makes sure).
// Pure: the proxy calls it, the unit tests read it.

export type CspArea = "console" | "emulator";

/**
 * Where a form on the page may send the browser. Chromium applies form-action to every
 * redirect that follows a submission too, and the emulator's sign-in, consent and employer
 * forms end with a redirect to the client's redirect URL, which the proxy cannot know without
 * reading the database. So the emulator allows what the Redirect URL Allowlist can hold
 * (lib/credentials/redirect-uri.ts: https anywhere, plain http on the loopback hosts only),
 * and the consent page narrows it to the one registered URL with a policy of its own.
 */
const FORM_ACTION: Record<CspArea, string> = {
  console: "'self'",
  emulator: "'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*",
};

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function cspArea(pathname: string): CspArea {
  return pathname === "/indeed" || pathname.startsWith("/indeed/") ? "emulator" : "console";
}

export function contentSecurityPolicy({ nonce, area, https, development = false }: { nonce: string; area: CspArea; https: boolean; development?: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd bootstrap loads (Next.js's chunks) run; nothing else.
    // React's development build evaluates code for its error overlay: only in `next dev`.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles cannot run code. Radix UI's dialogs insert a <style> element without a nonce (to
    // lock scrolling) and position popovers with style attributes: inline styles are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'self'",
    "base-uri 'none'",
    `form-action ${FORM_ACTION[area]}`,
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** One year, this host only: whether subdomains are https too is the operator's call. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";
