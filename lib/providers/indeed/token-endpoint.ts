import "server-only";
// POST /indeed/oauth/v2/tokens: Indeed's token endpoint, as a short list of named checks.
// @see RFC 6749 §3.2, §5
import { authenticateClient, presentedCredentials, usesBasic } from "../../oauth/client-auth";
import { isOAuthError, ServerError, UnsupportedGrantType } from "../../oauth/errors";
import { authorizationCodeGrant } from "../../oauth/grants/authorization-code";
import { clientCredentialsGrant } from "../../oauth/grants/client-credentials";
import { refreshTokenGrant } from "../../oauth/grants/refresh-token";
import type { Issuance } from "../../oauth/grants/types";
import { readForm, tokenErrorJson, tokenJson } from "../../oauth/http";
import { logUnexpected } from "../../log";
import { INDEED_POLICY, INDEED_REALM, indeedIssuer } from "./policy";
import { tokenResponseBody } from "./tokens";

const GRANTS = {
  client_credentials: clientCredentialsGrant,
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
} as const;

function isGrantType(value: string): value is keyof typeof GRANTS {
  return Object.hasOwn(GRANTS, value);
}

export async function tokenEndpoint(request: Request): Promise<Response> {
  const realm = INDEED_REALM;
  const usedBasic = usesBasic(request);
  try {
    const params = await readForm(request);
    const grantType = params.require("grant_type");
    const credentials = presentedCredentials(request, params);
    if (!isGrantType(grantType)) throw new UnsupportedGrantType(`The grant type is not supported: ${grantType.slice(0, 64)}.`);
    const client = await authenticateClient("INDEED", credentials);
    const issuance: Issuance = await GRANTS[grantType](INDEED_POLICY, client, params);
    return tokenJson(await tokenResponseBody(issuance, indeedIssuer(request)));
  } catch (error) {
    if (isOAuthError(error)) return tokenErrorJson(error, { usedBasic, realm });
    const id = logUnexpected(error, { route: "POST /indeed/oauth/v2/tokens" });
    return tokenErrorJson(new ServerError(`The token endpoint failed unexpectedly (reference ${id}).`), { realm });
  }
}

