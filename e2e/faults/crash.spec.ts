// An instance killed with SIGKILL in the middle of a write leaves the database exactly as before
// the write or exactly as after it: the write is one transaction, which PostgreSQL rolls back
// when its connection dies. The link to PostgreSQL is slowed down so that the kill lands while
// the transaction is under way; each case runs at several moments, and each must hold.
import { DEMO_USERS, expect, signIn, test } from "../fixtures";
import { demoIndeedClient, type DemoIndeedClient } from "../indeed-client";
import { authorizationCode, redeem } from "./flows";
import { faultWorld } from "./setup";

const world = faultWorld();
/** Milliseconds after the request left the client when the instance is killed. */
const KILL_AFTER_MS = [50, 400, 1_200];
/** Added to every chunk between the instance and PostgreSQL while a case runs. */
const LINK_LATENCY_MS = 60;

test.describe.configure({ mode: "serial" });
test.afterEach(async () => {
  world().link.slow(0);
  // The killed instance comes back for the next case, as a supervisor would restart it.
  await world().a.start();
});

const APPLY_APP = "acme-apply-widget-dev";

async function applySecrets() {
  const [row] = await world().sql<{ active: number; total: number; events: number }>(
    `SELECT count(*) FILTER (WHERE s."revokedAt" IS NULL)::int AS active, count(*)::int AS total,
            (SELECT count(*)::int FROM "ActivityEvent" e WHERE e."appId" = a.id AND e.type = 'secret.rotated') AS events
     FROM "App" a JOIN "Client" c ON c."appId" = a.id JOIN "ClientSecret" s ON s."clientId" = c.id
     WHERE a.name = $1 GROUP BY a.id`,
    [APPLY_APP],
  );
  return row!;
}

for (const killAfter of KILL_AFTER_MS) {
  test(`a secret rotation killed ${killAfter} ms in is either not done or done whole`, async ({ browser }) => {
    const { a } = world();
    const context = await browser.newContext({ baseURL: a.url });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.owner);
    await page.getByRole("main").getByRole("link", { name: APPLY_APP, exact: true }).click();
    await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Credentials" }).click();
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const before = await applySecrets();
    expect(before.active).toBe(1);

    world().link.slow(LINK_LATENCY_MS);
    const sent = page.waitForRequest((request) => request.method() === "POST");
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
    await sent;
    await new Promise((resolve) => setTimeout(resolve, killAfter));
    await a.kill();
    world().link.slow(0);
    await context.close();

    // Still exactly one active secret; the old one revoked, the new one added and the event
    // recorded all together, or none of them.
    const after = await applySecrets();
    expect(after.active).toBe(1);
    expect([before.total, before.total + 1]).toContain(after.total);
    expect(after.events - before.events).toBe(after.total - before.total);
  });
}

let client: DemoIndeedClient;

for (const killAfter of KILL_AFTER_MS) {
  test(`a code redemption killed ${killAfter} ms in leaves the code unused, or used with its tokens issued`, async ({ browser }) => {
    const { a, b } = world();
    const context = await browser.newContext({ baseURL: b.url });
    const page = await context.newPage();
    if (!client) {
      await signIn(page, DEMO_USERS.owner);
      client = await demoIndeedClient(page, "crash");
    }
    // Each case asks for a scope not granted yet, so the consent page shows (flows.ts).
    const scope = { 50: "offline_access", 400: "email offline_access", 1200: "employer_access offline_access" }[killAfter]!;
    const code = await authorizationCode(page, world().publicUrl, client.clientId, scope);
    await context.close();

    world().link.slow(LINK_LATENCY_MS);
    const redemption = redeem(a.url, client, code).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, killAfter));
    await a.kill();
    await redemption;
    world().link.slow(0);

    const [row] = await world().sql<{ consumed: boolean; tokens: number }>(
      `SELECT c."consumedAt" IS NOT NULL AS consumed,
              (SELECT count(*)::int FROM "RefreshToken" r WHERE r."codeId" = c.id) AS tokens
       FROM "AuthorizationCode" c ORDER BY c."createdAt" DESC LIMIT 1`,
    );
    // Before: unused and nothing issued. After: used, and its refresh token issued with it.
    expect(row!.consumed ? 1 : 0).toBe(row!.tokens);
    // Either way the other instance agrees: an unused code redeems there once, a used one never.
    const elsewhere = await redeem(b.url, client, code);
    expect(elsewhere.status).toBe(row!.consumed ? 400 : 200);
  });
}
