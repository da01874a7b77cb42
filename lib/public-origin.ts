import "server-only";
// The origin the outside world uses for this app: PUBLIC_URL when it runs behind a proxy,
// else the request's own origin. Issuers, redirects and discovery documents are built on it.
// A deployment (PostgreSQL in production) must configure it: an issuer that follows the Host
// header would let any client name the issuer it is told (docs/decisions/018).
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
