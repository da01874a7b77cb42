import "server-only";
// POST /indeed/oauth/v2/tokens: the provider-neutral token endpoint (lib/oauth/token-endpoint.ts)
// configured for Indeed: form bodies only, Indeed's OAuth clients, all three grants, Indeed's
// token response, and RFC 6749 errors with a Basic challenge on invalid_client.
// @see RFC 6749 §3.2, §5
import { authenticateClient, presentedCredentials, usesBasic, type AuthenticatedClient } from "../../oauth/client-auth";
import { authorizationCodeGrant } from "../../oauth/grants/authorization-code";
import { clientCredentialsGrant } from "../../oauth/grants/client-credentials";
import { refreshTokenGrant } from "../../oauth/grants/refresh-token";
import type { Issuance } from "../../oauth/grants/types";
import { readForm } from "../../oauth/http";
import type { TokenPolicy } from "../../oauth/policy";
import { rfc6749ErrorAnswer, tokenEndpoint as neutralTokenEndpoint, type TokenProvider } from "../../oauth/token-endpoint";
import { INDEED_POLICY, INDEED_REALM, indeedIssuer } from "./policy";
import { tokenResponseBody } from "./tokens";

export const INDEED_TOKEN_PROVIDER: TokenProvider<TokenPolicy, AuthenticatedClient, Issuance> = {
  route: "POST /indeed/oauth/v2/tokens",
  policy: INDEED_POLICY,
  readParams: readForm,
  authenticateClient: (request, params) => authenticateClient("INDEED", presentedCredentials(request, params)),
  grants: {
    client_credentials: { registeredAs: "CLIENT_CREDENTIALS", run: clientCredentialsGrant },
    authorization_code: { registeredAs: "AUTHORIZATION_CODE", run: authorizationCodeGrant },
    // Refresh tokens only ever come from the authorization code grant.
    refresh_token: { registeredAs: "AUTHORIZATION_CODE", run: refreshTokenGrant },
  },
  responseBody: (issuance, request) => tokenResponseBody(issuance, indeedIssuer(request)),
  errorAnswer(error, request) {
    const answer = rfc6749ErrorAnswer(error);
    // @see RFC 6749 §5.2: invalid_client after Basic authentication carries a challenge.
    if (error.error === "invalid_client" && usesBasic(request)) answer.headers = { "WWW-Authenticate": `Basic realm="${INDEED_REALM}"` };
    return answer;
  },
};

export const tokenEndpoint = neutralTokenEndpoint(INDEED_TOKEN_PROVIDER);
