import "server-only";
// The origin the outside world uses for this app: PUBLIC_URL when it runs behind a proxy,
// else the request's own origin. Issuers, redirects and discovery documents are built on it.
import { env } from "./env";

export function publicOrigin(request: Request): string {
  const configured = env().PUBLIC_URL;
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}
