// The Indeed emulator's client credentials flow end to end: a partner copies a secret from the
// console, oauth4webapi (a strict standards client) gets tokens with it from the running app,
// verifies them against the published JWKS and calls appinfo; the console then shows the secret
// as used; once revoked in the console, the secret no longer authenticates.
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { expect, test } from "../fixtures";
import { EMPLOYERS } from "../indeed";
import { demoIndeedClient, revokeDemoSecret, secretCard } from "../indeed-client";

/** Rita Registrant's subject (prisma/demo-sandbox.ts): she registered Acme's apps. */
const ACME_REGISTRANT_SUBJECT = "a5c1d2e3f4a5b6c7";

const insecure = { [oauth.allowInsecureRequests]: true };

test("a secret copied from the console gets Indeed tokens until it is revoked", async ({ page, baseURL }) => {
  const demo = await demoIndeedClient(page, "client credentials");
  const { clientId, secret, label } = demo;
  await expect(secretCard(page, label).getByText("Never")).toHaveCount(2); // last used, expires

  const issuer = new URL(`${baseURL}/indeed`);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecure }));
  const client: oauth.Client = { client_id: clientId };
  const jwks = createRemoteJWKSet(new URL(as.jwks_uri!));

  for (const auth of [oauth.ClientSecretPost(secret), oauth.ClientSecretBasic(secret)]) {
    const response = await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: "employer_access" }, insecure);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 3600, scope: "employer_access" });
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: as.issuer, algorithms: ["ES256"] });
    expect(protectedHeader).toMatchObject({ typ: "JWT", alg: "ES256", kid: expect.any(String) });
    expect(payload).toMatchObject({ sub: `app:${clientId}`, azp: clientId, scope: "employer_access", exp: (payload.iat as number) + 3600 });
    expect(payload.aud).toBeUndefined();

    // Acme's apps were registered by its registrant sandbox account: appinfo lists its employers.
    expect(payload.app_account).toBe(ACME_REGISTRANT_SUBJECT);
    const info = await oauth.protectedResourceRequest(tokens.access_token, "GET", new URL(`${as.issuer}/v2/api/appinfo`), undefined, undefined, insecure);
    expect(info.status).toBe(200);
    expect(await info.json()).toEqual({ employers: [EMPLOYERS.dharma, EMPLOYERS.umbrella, EMPLOYERS.usRobotics] });
  }

  // A token that represents one of those employers, and none other.
  const forDharma = await oauth.processClientCredentialsResponse(
    as,
    client,
    await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(secret), { scope: "employer_access", employer: EMPLOYERS.dharma.id }, insecure),
  );
  expect((await jwtVerify(forDharma.access_token, jwks, { issuer: as.issuer })).payload.emp).toBe(EMPLOYERS.dharma.id);
  const foreign = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(secret), { scope: "employer_access", employer: "0".repeat(32) }, insecure);
  await expect(oauth.processClientCredentialsResponse(as, client, foreign)).rejects.toMatchObject({ error: "invalid_grant" });

  // Basic and a body secret at once is refused, even with the right secret.
  const both = await page.request.post("/indeed/oauth/v2/tokens", {
    form: { grant_type: "client_credentials", client_secret: secret },
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}` },
  });
  expect(both.status()).toBe(400);
  expect(await both.json()).toMatchObject({ error: "invalid_request" });

  // The console shows when the secret was last used.
  await page.reload();
  await expect(secretCard(page, label).getByText("Never")).toHaveCount(1);

  await revokeDemoSecret(page, demo);
  const refused = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretPost(secret), {}, insecure);
  expect(refused.status).toBe(401);
  await expect(oauth.processClientCredentialsResponse(as, client, refused)).rejects.toMatchObject({ error: "invalid_client" });
});
