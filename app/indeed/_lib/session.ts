import "server-only";
// The emulator's session cookie: separate from the console's Auth.js cookie, scoped to /indeed,
// holding a random token whose hash names a SandboxSession row (lib/providers/indeed/sessions.ts).
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { findSandboxSession, SANDBOX_SESSION_MAX_AGE_SECONDS } from "@/lib/providers/indeed/sessions";

export const SESSION_COOKIE = "indeed_session";

/** Secure whenever the public origin is https (configured, or said so by the proxy). */
function isHttps(requestHeaders: Headers): boolean {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(configured).protocol === "https:";
  return requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export async function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/indeed",
    secure: isHttps(await headers()),
    maxAge: SANDBOX_SESSION_MAX_AGE_SECONDS,
  };
}

/** The session token of this request's cookie, if any. */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** The signed-in sandbox account of this request, read once per request. */
export const currentSandboxAccount = cache(async () => findSandboxSession(await sessionToken()));
