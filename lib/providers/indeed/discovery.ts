import "server-only";
// OpenID Connect discovery and the JWKS of the Indeed emulator.
// @see OpenID Connect Discovery 1.0 §3, RFC 8414 §2, RFC 7517 §5
import { jwksResponse as neutralJwksResponse } from "../../oauth/jwks";
import { INDEED_KEYS } from "./keys";
import { hasConfiguredOrigin } from "../../public-origin";
import { SIGNING_ALG } from "../../oauth/signing-keys";
import { INDEED_POLICY, indeedIssuer } from "./policy";

/** The discovery document: `issuer` is exactly the prefix it is served under. */
export function discoveryDocument(request: Request) {
  const issuer = indeedIssuer(request);
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/v2/authorize`,
    token_endpoint: `${issuer}/oauth/v2/tokens`,
    userinfo_endpoint: `${issuer}/v2/api/userinfo`,
    jwks_uri: `${issuer}/.well-known/keys`,
    scopes_supported: [...INDEED_POLICY.scopes],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    code_challenge_methods_supported: ["S256"],
    claims_supported: ["iss", "sub", "aud", "iat", "exp", "nonce", "sid", "email", "email_verified", "employers"],
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: false,
  };
}

/**
 * Shared caches may keep the document only when the issuer is configured; otherwise it follows
 * the request's host and is cached per client only, and varies by the host it was built for.
 */
export function discoveryResponse(request: Request): Response {
  const headers: Record<string, string> = hasConfiguredOrigin()
    ? { "Cache-Control": "public, max-age=300" }
    : { "Cache-Control": "private, max-age=300", Vary: "Host, X-Forwarded-Host" };
  return Response.json(discoveryDocument(request), { headers });
}

/** The JWKS (lib/oauth/jwks.ts). */
export function jwksResponse(): Promise<Response> {
  return neutralJwksResponse(INDEED_KEYS, "GET /indeed/.well-known/keys");
}
