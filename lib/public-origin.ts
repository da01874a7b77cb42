import "server-only";
// The origin the outside world uses for this app: PUBLIC_URL when it runs behind a proxy,
// else the request's own origin. Issuers, redirects and discovery documents are built on it.
// A deployment (PostgreSQL in production) must configure it: an issuer that follows the Host
// header would let any client name the issuer it is told (docs/decisions/018).
import { headers } from "next/headers";
import { AppError } from "./errors";
import { ConfigError, env, publicUrlMissing } from "./env";

/** Whether the public origin is configured, so that documents built on it may be shared by caches. */
export function hasConfiguredOrigin(): boolean {
  return env().PUBLIC_URL !== undefined;
}

export function publicOrigin(request: Request): string {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  if (publicUrlMissing()) throw new ConfigError("PUBLIC_URL is not set: on PostgreSQL the public origin must be configured.");
  return new URL(request.url).origin;
}

/** The public origin inside a server action or a page, where there is no Request: from its headers. */
export async function actionOrigin(): Promise<string> {
  const configured = env().PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  if (publicUrlMissing()) throw new AppError("MISCONFIGURED", "PUBLIC_URL is not set: on PostgreSQL the public origin must be configured.");
  const h = await headers();
  const host = h.get("host");
  if (!host) throw new AppError("MISCONFIGURED", "The request has no Host header.");
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return new URL(`${proto}://${host}`).origin;
}
