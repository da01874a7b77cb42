// Client authentication failures at the token endpoint: one answer for all of them, and a
// per-client failure limit shared through the database (docs/decisions/018).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useCredentialsKeyForTesting } from "../../crypto/credentials-key";
import { authenticateClient } from "../../oauth/client-auth";
import { CLIENT_AUTH_LIMIT } from "../../oauth/client-auth-throttle";
import { useTestDatabase } from "../../testing/database";
import { indeedRows } from "../../testing/token-rows";
import { basic, postToken } from "../../testing/token-http";

const t = useTestDatabase();
const indeed = indeedRows(() => t.prisma);

let partnerId: string;

beforeAll(async () => {
  useCredentialsKeyForTesting(randomBytes(32));
  partnerId = (await t.rows.partner()).id;
});

afterAll(() => useCredentialsKeyForTesting(undefined));

async function answer(params: Record<string, string>, authorization?: string) {
  const response = await postToken({ params: { grant_type: "client_credentials", ...params }, authorization });
  return {
    status: response.status,
    body: await response.text(),
    retryAfter: response.headers.get("retry-after"),
    challenge: response.headers.get("www-authenticate"),
  };
}

describe("one answer for every client authentication failure", () => {
  it("answers an unknown client, a confidential client without its secret, a public client with a secret and a wrong secret the same", async () => {
    const confidential = await indeed.client(partnerId);
    const spa = await indeed.client(partnerId, { isPublic: true, grantTypes: ["AUTHORIZATION_CODE"] });
    const answers = [
      await answer({ client_id: "no-such-client", client_secret: "anything" }),
      await answer({ client_id: confidential.clientId }),
      await answer({ client_id: spa.clientId, client_secret: "anything" }),
      await answer({ client_id: confidential.clientId, client_secret: `${confidential.secret}x` }),
    ];
    expect(answers[0]).toEqual({
      status: 401,
      body: JSON.stringify({ error: "invalid_client", error_description: "Client authentication failed." }),
      retryAfter: null,
      challenge: null,
    });
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
  });
});

describe("the client authentication failure limit", () => {
  it("answers at most the limit's worth of 30 concurrent wrong secrets with invalid_client, the rest with 429", async () => {
    const client = await indeed.client(partnerId);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => answer({ client_id: client.clientId, client_secret: `wrong-${i}` })),
    );
    const refused = results.filter((r) => r.status === 401);
    const throttled = results.filter((r) => r.status === 429);
    expect(refused.length).toBe(CLIENT_AUTH_LIMIT.max);
    expect(throttled.length).toBe(30 - CLIENT_AUTH_LIMIT.max);
    for (const r of throttled) {
      expect(JSON.parse(r.body)).toMatchObject({ error: "temporarily_unavailable" });
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(CLIENT_AUTH_LIMIT.windowSeconds);
    }

    // During the lockout the right secret is refused too (the answer says nothing about a guess),
    // by Basic as well, and without a challenge: it is no invalid_client.
    const right = await answer({}, basic(client.clientId, client.secret));
    expect(right.status).toBe(429);
    expect(right.challenge).toBeNull();

    // Once the window is over, the right secret works again.
    const later = new Date(Date.now() + CLIENT_AUTH_LIMIT.windowSeconds * 1000 + 1000);
    const credentials = { method: "client_secret_post" as const, clientId: client.clientId, secret: client.secret };
    await expect(authenticateClient("INDEED", credentials, later)).resolves.toMatchObject({ clientId: client.clientId });
  });

  it("counts nothing for a client presenting its right secret", async () => {
    const client = await indeed.client(partnerId);
    const before = await t.prisma.rateLimit.count();
    for (let i = 0; i < CLIENT_AUTH_LIMIT.max + 5; i++) {
      expect((await answer({ client_id: client.clientId, client_secret: client.secret })).status).toBe(200);
    }
    expect(await t.prisma.rateLimit.count()).toBe(before);
  });

  it("throttles unknown client ids like known ones, so the limit tells nothing about which exist", async () => {
    const results = [];
    for (let i = 0; i <= CLIENT_AUTH_LIMIT.max; i++) results.push(await answer({ client_id: "made-up-client", client_secret: "guess" }));
    expect(results.slice(0, CLIENT_AUTH_LIMIT.max).every((r) => r.status === 401)).toBe(true);
    expect(results.at(-1)?.status).toBe(429);
  });

  it("keeps one client's failures from throttling another, and never throttles a public client presenting no secret", async () => {
    const spa = await indeed.client(partnerId, { isPublic: true, grantTypes: ["AUTHORIZATION_CODE"] });
    const other = await indeed.client(partnerId);
    for (let i = 0; i <= CLIENT_AUTH_LIMIT.max; i++) await answer({ client_id: spa.clientId, client_secret: "guess" });
    expect((await answer({ client_id: spa.clientId, client_secret: "guess" })).status).toBe(429);
    const credentials = { method: "none" as const, clientId: spa.clientId };
    await expect(authenticateClient("INDEED", credentials)).resolves.toMatchObject({ isPublic: true });
    expect((await answer({ client_id: other.clientId, client_secret: other.secret })).status).toBe(200);
  });
});
