// OAuth 2.0 errors as RFC 6749 names them, serialised the one way the RFCs allow:
// `{error, error_description}` with the status of RFC 6749 §5.2 / RFC 6750 §3.1. Protocol code
// throws these; route handlers turn them into responses (token endpoint, userinfo) or into a
// redirect back to the client (authorization endpoint, RFC 6749 §4.1.2.1).

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "access_denied"
  | "unsupported_response_type"
  | "server_error"
  | "temporarily_unavailable"
  | "invalid_token"
  | "insufficient_scope"
  | "login_required"
  | "consent_required"
  | "interaction_required";

const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  access_denied: 403,
  unsupported_response_type: 400,
  server_error: 500,
  temporarily_unavailable: 503,
  invalid_token: 401,
  insufficient_scope: 403,
  login_required: 400,
  consent_required: 400,
  interaction_required: 400,
};

export class OAuthError extends Error {
  override name = "OAuthError";
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status: number = STATUS[error],
  ) {
    super(description);
  }

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/** One class per RFC error code, so a check reads like the RFC: `throw new InvalidGrant("…")`. */
function code(error: OAuthErrorCode) {
  return class extends OAuthError {
    constructor(description: string) {
      super(error, description);
    }
  };
}

export const InvalidRequest = code("invalid_request");
export const InvalidClient = code("invalid_client");
export const InvalidGrant = code("invalid_grant");
export const UnauthorizedClient = code("unauthorized_client");
export const UnsupportedGrantType = code("unsupported_grant_type");
export const InvalidScope = code("invalid_scope");
export const AccessDenied = code("access_denied");
export const UnsupportedResponseType = code("unsupported_response_type");
export const ServerError = code("server_error");
export const InvalidToken = code("invalid_token");
export const InsufficientScope = code("insufficient_scope");

/**
 * Too many failed attempts (client authentication at the token endpoint): HTTP 429 with
 * Retry-After. RFC 6749 has no code for it; temporarily_unavailable is the registered one that
 * says "try again later", where invalid_client would tell a client with the right secret that
 * its secret is wrong (docs/decisions/018).
 */
export class Throttled extends OAuthError {
  constructor(
    description: string,
    readonly retryAfterSeconds: number,
  ) {
    super("temporarily_unavailable", description, 429);
  }
}

export function isOAuthError(error: unknown): error is OAuthError {
  return error instanceof OAuthError;
}
