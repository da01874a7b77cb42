// The SEEK emulator end to end, with standard clients and nothing emulator-specific: Acme's
// owner copies the Playground secret of AcmeATS-seek from the Credentials tab (a reveal, no
// change to the demo world), then the running app is called as SEEK's docs show: the partner
// token by plain JSON fetch and by oauth4webapi's client credentials grant (form-encoded, with
// `audience`), verified against SEEK's published JWKS; GraphQL through graphql-request with the
// partner token and with a browser token; and the refusals a client must be able to rely on.
import { createRemoteJWKSet, jwtVerify } from "jose";
import { ClientError, GraphQLClient, gql } from "graphql-request";
import * as oauth from "oauth4webapi";
import type { Page } from "@playwright/test";
import { ACME, ACME_SEEK_APP, DEMO_USERS, PLAYGROUND_HIRER_ID, expect, signIn, test } from "../fixtures";

const PLAYGROUND = "https://test.graphql.seek.com";
const LIVE = "https://graphql.seek.com";
/** A Playground hirer Globex has a relationship with and Acme has not (prisma/demo-seek.ts). */
const GLOBEX_ONLY_HIRER = "seekAnzPublicTest:organization:seek:Dk9vH2sJ";
/** A Playground hirer Acme has a relationship with, besides SEEK's documented one. */
const ACME_OTHER_HIRER = "seekAnzPublicTest:organization:seek:Bq2fT8xL";

const USER_AGENT = "AcmeATS/1.2.3";
const insecure = { [oauth.allowInsecureRequests]: true };

async function playgroundCredentials(page: Page): Promise<{ clientId: string; secret: string }> {
  await signIn(page, DEMO_USERS.owner);
  await page.getByRole("main").getByRole("link", { name: ACME_SEEK_APP, exact: true }).click();
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Credentials" }).click();
  const section = page.getByRole("region", { name: "Playground credentials" });
  const clientId = (await section.getByText(/^[a-z0-9]{64}$/).first().textContent())!.trim();
  const box = section.getByRole("group", { name: /^Value of Playground secret \d+$/ }).first();
  await box.hover();
  const value = box.getByTestId("secret-value");
  await expect(value).toHaveText(/^[A-Za-z0-9]{64}$/);
  const secret = (await value.textContent())!;
  await page.mouse.move(0, 0);
  return { clientId, secret };
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": USER_AGENT, "x-request-id": crypto.randomUUID(), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function graphqlErrorCodes(promise: Promise<unknown>): Promise<(string | undefined)[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ClientError)) throw new Error(`Expected GraphQL errors, got ${String(error)}`);
  expect(error.response.status).toBe(200);
  return (error.response.errors ?? []).map((e) => (e.extensions as { code?: string } | undefined)?.code);
}

test("a Playground secret copied from the console gets SEEK partner and browser tokens that GraphQL accepts", async ({ page, baseURL }) => {
  const { clientId, secret } = await playgroundCredentials(page);
  const seek = `${baseURL}/seek`;
  const jwks = createRemoteJWKSet(new URL(`${seek}/.well-known/jwks.json`));
  const sessionId = crypto.randomUUID();

  // As SEEK documents it: a JSON body.
  const documented = await postJson(`${seek}/oauth/token`, {
    audience: PLAYGROUND,
    client_id: clientId,
    client_secret: secret,
    grant_type: "client_credentials",
  });
  expect(documented.status).toBe(200);
  expect(documented.headers.get("cache-control")).toBe("no-store");
  expect(Object.keys(documented.body).sort()).toEqual(["access_token", "expires_in", "token_type"]);
  expect(documented.body).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
  const { payload } = await jwtVerify(String(documented.body.access_token), jwks, { issuer: seek, audience: PLAYGROUND, algorithms: ["ES256"] });
  expect(payload.azp).toBe(clientId);

  // oauth4webapi's client credentials grant: form-encoded, with the audience parameter.
  const as: oauth.AuthorizationServer = { issuer: seek, token_endpoint: `${seek}/oauth/token` };
  const client: oauth.Client = { client_id: clientId };
  const response = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretPost(secret), { audience: PLAYGROUND }, insecure);
  const tokens = await oauth.processClientCredentialsResponse(as, client, response);
  expect(tokens.refresh_token).toBeUndefined();
  const partnerToken = tokens.access_token;

  // GraphQL with the partner token, through a GraphQL client.
  const partner = new GraphQLClient(`${seek}/graphql`, {
    headers: { authorization: `Bearer ${partnerToken}`, "user-agent": USER_AGENT, "x-session-id": sessionId },
  });
  const self = await partner.request<{ version: string; self: unknown }>(gql`
    {
      version
      self {
        partner {
          name
          credentialSelfServiceApprovedIndicator
        }
        hirer {
          name
        }
      }
    }
  `);
  expect(self.self).toEqual({ partner: { name: ACME, credentialSelfServiceApprovedIndicator: true }, hirer: null });
  const hirer = await partner.request<{ hiringOrganization: { id: { value: string }; seekApiCapabilities: { relationshipTypeCodes: string[] } } }>(
    gql`
      query ($id: String!) {
        hiringOrganization(id: $id) {
          id {
            value
          }
          seekApiCapabilities {
            relationshipTypeCodes
          }
        }
      }
    `,
    { id: PLAYGROUND_HIRER_ID },
  );
  expect(hirer.hiringOrganization.id.value).toBe(PLAYGROUND_HIRER_ID);
  expect(hirer.hiringOrganization.seekApiCapabilities.relationshipTypeCodes).toContain("JobPosting");
  const hirerQuery = gql`
    query ($id: String!) {
      hiringOrganization(id: $id) {
        name
      }
    }
  `;
  expect(await graphqlErrorCodes(partner.request(hirerQuery, { id: GLOBEX_ONLY_HIRER }))).toEqual(["FORBIDDEN"]);
  expect(await graphqlErrorCodes(partner.request(hirerQuery, { id: "seekAnz:organization:seek:Kp4Zr7Wq" }))).toEqual(["UNAUTHENTICATED"]);
  expect(await graphqlErrorCodes(new GraphQLClient(`${seek}/graphql`).request(gql`{ version }`))).toEqual(["UNAUTHENTICATED"]);

  // A browser token for one hirer, and a query with it.
  const browser = await postJson(
    `${seek}/auth/token`,
    { hirerId: PLAYGROUND_HIRER_ID, scope: "query:ontologies query:organizations", userId: "317665" },
    { authorization: `Bearer ${partnerToken}` },
  );
  expect(browser.status).toBe(200);
  expect(browser.body).toMatchObject({ expires_in: 3600, token_type: "Bearer" });
  const browserClient = new GraphQLClient(`${seek}/graphql`, { headers: { authorization: `Bearer ${String(browser.body.access_token)}` } });
  const browserSelf = await browserClient.request<{ self: { hirer: { id: { value: string } } } }>(gql`{ self { hirer { id { value } } } }`);
  expect(browserSelf.self.hirer.id.value).toBe(PLAYGROUND_HIRER_ID);
  expect(await graphqlErrorCodes(browserClient.request(hirerQuery, { id: ACME_OTHER_HIRER }))).toEqual(["FORBIDDEN"]);

  // Refusals, each with its exact status and error.
  const body = { audience: PLAYGROUND, client_id: clientId, client_secret: secret, grant_type: "client_credentials" };
  const refusals: [Promise<{ status: number; body: Record<string, unknown> }>, number, string][] = [
    [postJson(`${seek}/oauth/token`, { ...body, client_secret: `${secret}x` }), 401, "access_denied"],
    [postJson(`${seek}/oauth/token`, { ...body, client_id: "0".repeat(64) }), 401, "access_denied"],
    [postJson(`${seek}/oauth/token`, { ...body, audience: LIVE }), 403, "access_denied"],
    [postJson(`${seek}/oauth/token`, { ...body, audience: undefined }), 403, "access_denied"],
    [postJson(`${seek}/oauth/token`, '{"audience":'), 400, "invalid_request"],
    [postJson(`${seek}/oauth/token`, { ...body, padding: "x".repeat(20_000) }), 413, "invalid_request"],
    [
      postJson(`${seek}/auth/token`, { hirerId: GLOBEX_ONLY_HIRER, scope: "query:organizations", userId: "1" }, { authorization: `Bearer ${partnerToken}` }),
      403,
      "access_denied",
    ],
  ];
  for (const [pending, status, error] of refusals) {
    const answer = await pending;
    expect([answer.status, answer.body.error]).toEqual([status, error]);
  }
  const get = await fetch(`${seek}/oauth/token`);
  expect(get.status).toBe(405);
  expect(get.headers.get("allow")).toBe("POST");
});
