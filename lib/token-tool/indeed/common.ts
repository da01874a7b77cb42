import "server-only";
// What both Indeed flows share: the discovery step (the target's endpoints, from its OIDC
// discovery document where it has one), the client authentication choice, and a token kept in
// the run's vault and inspected as a JWT.
import * as oauth from "oauth4webapi";
import { z } from "zod";
import { choiceField } from "../choice-field";
import { maskToken } from "../exchange";
import { step, type KeptToken, type StepContext } from "../flow";
import type { JwtReport } from "../jwt";
import { indeedEndpoints } from "../targets";

/** The authorization server as the discovery step found it (public metadata only). */
export interface IndeedServer {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  jwks_uri: string;
  appinfo_endpoint: string;
  scopes_supported?: string[];
  id_token_signing_alg_values_supported?: string[];
}

export const discoveryStep = step({
  key: "discovery",
  title: "Discover the endpoints",
  description: "Reads the issuer’s OpenID Connect discovery document: the token, authorization, userinfo and JWKS endpoints every later step uses.",
  fields: [],
  input: z.object({}),
  async run(context) {
    const known = indeedEndpoints(context.run.target);
    const issuer = new URL(known.issuer);
    context.http.label("OIDC discovery");
    const response = await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...context.http.options });
    if (response.status === 404 && context.run.target.kind !== "emulator") {
      const server: IndeedServer = {
        issuer: known.issuer,
        authorization_endpoint: known.authorize,
        token_endpoint: known.token,
        userinfo_endpoint: known.userinfo,
        jwks_uri: known.jwks,
        appinfo_endpoint: known.appinfo,
      };
      return {
        ok: true,
        message: `${known.discovery} has no discovery document (HTTP 404): the documented endpoints are used.`,
        facts: [["Token endpoint", server.token_endpoint], ["JWKS", server.jwks_uri]],
        data: { server },
      };
    }
    const as = await oauth.processDiscoveryResponse(issuer, response);
    if (!as.token_endpoint || !as.jwks_uri) {
      return { ok: false, message: "The discovery document names no token endpoint or no JWKS: the flows cannot run against this issuer." };
    }
    // The whole document is public metadata; oauth4webapi reads more of it than the endpoints
    // (the ID token's signing algorithms, for one).
    const server: IndeedServer = { ...(as as Omit<IndeedServer, "appinfo_endpoint">), token_endpoint: as.token_endpoint, jwks_uri: as.jwks_uri, appinfo_endpoint: known.appinfo };
    return {
      ok: true,
      message: `Found the issuer ${as.issuer}.`,
      facts: [
        ["Issuer", as.issuer],
        ["Token endpoint", as.token_endpoint],
        ["JWKS", as.jwks_uri],
        ["Scopes supported", (as.scopes_supported ?? []).join(" ") || "(not listed)"],
      ],
      data: { server },
    };
  },
});

export function serverOf(context: StepContext): oauth.AuthorizationServer & IndeedServer {
  return context.earlier.discovery!.server as oauth.AuthorizationServer & IndeedServer;
}

const clientAuthChoice = choiceField(
  "auth",
  "Client authentication",
  { basic: "HTTP Basic header (client_secret_basic)", post: "In the body (client_secret_post)" },
  "basic",
  "Choose how the client authenticates.",
);
export const CLIENT_AUTH_FIELD = clientAuthChoice.field;
export const clientAuthInput = clientAuthChoice.input;

export async function clientAuth(context: StepContext, kind: "basic" | "post"): Promise<oauth.ClientAuth> {
  const secret = await context.secret();
  return kind === "basic" ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
}

export function expiry(expiresIn: number | undefined, fallbackS = 3600): Date {
  return new Date(Date.now() + (expiresIn ?? fallbackS) * 1000);
}

/** Keeps a token in the vault until it expires, and reports it as a JWT when it is one. */
export async function keepToken(context: StepContext, name: string, token: string, expiresAt: Date, audience?: string): Promise<{ report: JwtReport | null; kept: KeptToken }> {
  context.hide(token, "token", name.toUpperCase());
  await context.vault.put(name, token, expiresAt);
  const server = serverOf(context);
  const report = await context.inspectJwt(name, token, { jwksUrl: server.jwks_uri, issuer: server.issuer, audience });
  if (report) report.vaultName = name;
  return { report, kept: { name, masked: maskToken(token), expiresAt: expiresAt.toISOString() } };
}

export function employerFact(claims: Record<string, unknown> | undefined): string {
  return typeof claims?.emp === "string" ? claims.emp : "none (the token does not represent an employer)";
}
