// The token tool's SEEK flow through its actions, against the emulator (dispatched in-process)
// on PGlite: a partner token (a cache miss, then a hit), GraphQL with it, a browser token for a
// hirer, GraphQL with that; after "Expire issued tokens now" the query is UNAUTHENTICATED, gets
// a new token and is retried exactly once; FORBIDDEN (a browser token without
// query:organizations, a hirer without a relationship) is never retried. The cache is the
// run's vault in the database: sealed, so no column holds a token or the secret in plain form.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/data/users";
import { actAs } from "@/lib/testing/signed-in";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "console.test" }) }));

const { useTestDatabase } = await import("@/lib/testing/database");
const { seekRows } = await import("@/lib/testing/seek-rows");
const { dumpEverything } = await import("@/lib/testing/dump");
const { tokenToolPeople, forgetTokenToolKeys } = await import("@/lib/testing/token-tool");
const { expireSeekTokens } = await import("@/lib/data/seek-credentials");
const { startRunAction, runStepAction, revealTokenAction } = await import("@/app/(console)/token-tool/actions");

const t = useTestDatabase();
const seek = seekRows(() => t.prisma);

let acme: { id: string; name: string };
let owner: SessionUser;
let viewer: SessionUser;
let globexOwner: SessionUser;
let appId: string;
let playground: Awaited<ReturnType<typeof seek.credential>>;
let live: Awaited<ReturnType<typeof seek.credential>>;
let related: { id: string; name: string };
let unrelated: { id: string; name: string };
let runId: string;
const seen: string[] = [];

beforeAll(async () => {
  ({ acme, owner, viewer, globexOwner } = await tokenToolPeople(t.rows));
  appId = (await seek.app(acme.id)).id;
  playground = await seek.credential(appId, "PLAYGROUND");
  live = await seek.credential(appId, "LIVE");
  related = await seek.hirer("PLAYGROUND", { name: "Harbour Health" });
  unrelated = await seek.hirer("PLAYGROUND", { name: "Nobody's Hirer" });
  await seek.relationship(acme.id, related.id, ["JobPosting"]);
});

afterAll(forgetTokenToolKeys);

async function start(user: SessionUser, secretId = playground.secretId) {
  actAs(user);
  return startRunAction({ appId, flow: "seek.partner-browser", target: "emulator", baseUrl: "", secretId });
}

async function run(step: string, input: Record<string, string> = {}, id = runId) {
  actAs(owner);
  const result = await runStepAction({ runId: id, step, input });
  if (!result.ok) throw new Error(`${step}: ${result.error}`);
  return result.data!;
}

async function reveal(name: string) {
  actAs(owner);
  const full = await revealTokenAction({ runId, name });
  if (!full.ok) throw new Error(full.error);
  seen.push(full.data!.value);
  return full.data!.value;
}

const fact = (outcome: { facts?: [string, string][] }, label: string) => outcome.facts?.find(([l]) => l === label)?.[1];
const query = (preset: string, own = "") => ({ preset, query: own, variables: "" });

describe("the SEEK flow", () => {
  it("lists the app's Playground and Live secrets by environment and client id, never by value", async () => {
    actAs(owner);
    const { seekTokenToolCredentials } = await import("@/lib/data/seek-token-tool");
    const described = await seekTokenToolCredentials.describe(owner, appId);
    expect(described?.secrets.map((s) => s.label)).toEqual([
      `Playground · client ${playground.clientId} · current secret`,
      `Live · client ${live.clientId} · current secret`,
    ]);
    expect(await seekTokenToolCredentials.describe(globexOwner, appId)).toBeNull();
  });

  it("gets a Playground partner token with SEEK's JSON request and the Playground audience, then reuses it from the cache", async () => {
    const started = await start(owner);
    expect(started).toMatchObject({ ok: true });
    runId = started.ok ? started.data!.runId : "";

    const first = await run("partner-token", { cache: "use" });
    expect(first).toMatchObject({ ok: true, message: "Cache miss: got a new partner token." });
    expect(fact(first, "Audience")).toBe("https://test.graphql.seek.com");
    expect(fact(first, "Partner token")).toMatch(/^cache miss: a new partner token was requested; cached until \d\d:\d\d:\d\d UTC \(expires_in 1800 s minus 60 s\)$/);
    expect(first.exchanges.map((e) => e.label)).toEqual(["Partner token request", "JWKS (to verify signatures)"]);
    const request = first.exchanges[0]!.request;
    expect(request.url).toBe("http://console.test/seek/oauth/token");
    expect(request.headers).toContainEqual(["content-type", "application/json"]);
    expect(JSON.parse(request.body)).toMatchObject({ audience: "https://test.graphql.seek.com", client_id: playground.clientId, grant_type: "client_credentials" });
    expect(request.body).not.toContain(playground.secret);
    expect(first.exchanges[0]!.curl).not.toContain(playground.secret);
    expect(first.tokens![0]!.verification).toMatchObject({ ok: true });
    expect(first.tokens![0]!.claims).toMatchObject({ aud: "https://test.graphql.seek.com", azp: playground.clientId, token_use: "partner" });
    expect(first.data?.hirers).toEqual([{ value: related.id, label: `${related.name} (${related.id})` }]);
    const token = await reveal("partner_token");

    const again = await run("partner-token", { cache: "use" });
    expect(again).toMatchObject({ ok: true, message: "Cache hit: the partner token obtained earlier is still valid and reused." });
    expect(again.exchanges).toEqual([]);
    expect(await reveal("partner_token")).toBe(token);

    const renewed = await run("partner-token", { cache: "renew" });
    expect(renewed.exchanges[0]!.label).toBe("Partner token request (a new token was asked for)");
    expect(await reveal("partner_token")).not.toBe(token);
  });

  it("queries the presets with the partner token, from the cache", async () => {
    const version = await run("partner-query", query("version"));
    expect(version).toMatchObject({ ok: true, message: "The query answered without errors." });
    expect(fact(version, "Partner token")).toMatch(/^cache hit/);
    expect(fact(version, "Attempts")).toBe("1");
    expect(version.exchanges.map((e) => e.label)).toEqual(["GraphQL with the partner token (attempt 1)"]);
    expect(version.exchanges[0]!.curl).toContain(`'authorization: Bearer '"$PARTNER_TOKEN"`);

    const hirers = await run("partner-query", query("hiringOrganizations"));
    expect(hirers.ok).toBe(true);
    expect(JSON.parse(hirers.exchanges[0]!.request.body).variables).toEqual({ schemeId: "seekAnzPublicTest" });
    expect(hirers.exchanges[0]!.response!.body).toContain(related.id);
  });

  it("after Expire issued tokens now, gets UNAUTHENTICATED, a new partner token, and retries exactly once", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The cut-off on a whole second: the token minted for the retry (iat in this second or later) passes.
    await expireSeekTokens(owner, { appId, environment: "PLAYGROUND" }, new Date(Math.floor(Date.now() / 1000) * 1000));
    const outcome = await run("partner-query", query("self"));
    expect(outcome).toMatchObject({ ok: true, message: "The query answered without errors on its one retry, with a new token." });
    expect(outcome.exchanges.map((e) => e.label)).toEqual([
      "GraphQL with the partner token (attempt 1)",
      "Partner token request (the query was answered UNAUTHENTICATED)",
      "JWKS (to verify signatures)",
      "GraphQL with the partner token (attempt 2, the one retry)",
    ]);
    expect(outcome.exchanges[0]!.response!.body).toContain("UNAUTHENTICATED");
    expect(fact(outcome, "Attempts")).toBe("2");
    expect(fact(outcome, "Partner token (1)")).toMatch(/^cache hit/);
    expect(fact(outcome, "Partner token (2)")).toMatch(/^cache skipped: the query was answered UNAUTHENTICATED/);
    expect(fact(outcome, "Retry")).toMatch(/^UNAUTHENTICATED: /);
  });

  it("retries only once: a second UNAUTHENTICATED is the step's failure", async () => {
    // A cut-off in the future refuses the retry's new token as well.
    await expireSeekTokens(owner, { appId, environment: "PLAYGROUND" }, new Date(Date.now() + 5000));
    const outcome = await run("partner-query", query("version"));
    expect(outcome).toMatchObject({ ok: false, providerError: { error: "UNAUTHENTICATED" } });
    expect(outcome.exchanges.filter((e) => e.label?.startsWith("GraphQL"))).toHaveLength(2);
    expect(fact(outcome, "Retry")).toContain("not retried again");
    await expireSeekTokens(owner, { appId, environment: "PLAYGROUND" }, new Date(Date.now() - 10_000));
  });

  it("does not retry FORBIDDEN: a hirer without a relationship", async () => {
    const outcome = await run("partner-query", { preset: "custom", query: `query ($id: String!) { hiringOrganization(id: $id) { name } }`, variables: JSON.stringify({ id: unrelated.id }) });
    expect(outcome).toMatchObject({ ok: false, providerError: { error: "FORBIDDEN", error_description: "The partner has no relationship with this hiring organization" } });
    expect(outcome.exchanges.filter((e) => e.label?.startsWith("GraphQL"))).toHaveLength(1);
    expect(fact(outcome, "Retry")).toMatch(/^FORBIDDEN is not retried/);
  });

  it("gets a browser token for a hirer and scope set, cached per both, and queries with it", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const input = { hirer: related.id, scopes: "query:organizations", userId: "tester-1", cache: "use" };
    const first = await run("browser-token", input);
    expect(first).toMatchObject({ ok: true, message: "Cache miss: got a new browser token." });
    const body = JSON.parse(first.exchanges.find((e) => e.label === "Browser token request")!.request.body);
    expect(body).toEqual({ hirerId: related.id, scope: "query:organizations", userId: "tester-1" });
    expect(first.tokens!.find((r) => r.name.startsWith("browser_token_"))!.claims).toMatchObject({ hirer: related.id, token_use: "browser" });
    const again = await run("browser-token", input);
    expect(again.message).toBe("Cache hit: the browser token for this hirer and scope set is still valid and reused.");
    expect(again.exchanges).toEqual([]);

    const self = await run("browser-query", query("self"));
    expect(self).toMatchObject({ ok: true });
    expect(self.exchanges[0]!.response!.body).toContain(related.name);
    expect(fact(self, "Browser token")).toMatch(/^cache hit/);
  });

  it("does not retry FORBIDDEN: a browser token without query:organizations", async () => {
    await run("browser-token", { hirer: related.id, scopes: "query:ontologies", userId: "tester-1", cache: "use" });
    const outcome = await run("browser-query", query("self"));
    expect(outcome).toMatchObject({ ok: false, providerError: { error: "FORBIDDEN", error_description: "The browser token lacks the query:organizations scope" } });
    expect(outcome.exchanges.filter((e) => e.label?.startsWith("GraphQL"))).toHaveLength(1);
  });

  it("refuses a browser token for a hirer without a relationship with the endpoint's own error", async () => {
    const outcome = await run("browser-token", { hirer: unrelated.id, scopes: "query:organizations", userId: "tester-1", cache: "use" });
    expect(outcome.ok).toBe(false);
    expect(outcome.providerError?.error).toBeTruthy();
    expect(outcome.exchanges.filter((e) => e.label?.startsWith("Browser token request"))).toHaveLength(1);
  });

  it("checks the step's inputs by field", async () => {
    actAs(owner);
    expect(await runStepAction({ runId, step: "browser-token", input: { hirer: related.id, scopes: "query:everything", userId: "a b", cache: "use" } })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { scopes: ["Choose scopes among SEEK’s browser token scopes."], userId: ["The user id is printable characters without spaces (an anonymous id, no personal data)."] },
    });
    expect(await runStepAction({ runId, step: "partner-query", input: { preset: "custom", query: "", variables: "[1]" } })).toMatchObject({
      ok: false,
      fieldErrors: { query: ["Write the query, or choose one of the presets."], variables: ["The variables must be a JSON object."] },
    });
  });

  it("uses the Live audience with a Live secret", async () => {
    const started = await start(owner, live.secretId);
    const outcome = await run("partner-token", { cache: "use" }, started.ok ? started.data!.runId : "");
    expect(fact(outcome, "Audience")).toBe("https://graphql.seek.com");
    expect(outcome.tokens![0]!.claims.aud).toBe("https://graphql.seek.com");
  });

  it("records each use of a secret, and keeps no token or secret in plain form in any column", async () => {
    expect(await t.prisma.activityEvent.count({ where: { appId, type: "secret.used" } })).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeGreaterThan(0);
    const dump = await dumpEverything(t.prisma);
    for (const value of [playground.secret, live.secret, ...seen]) for (const cell of dump) expect(cell.includes(value)).toBe(false);
  });

  it("refuses a viewer, and another partner's owner finds nothing", async () => {
    expect(await start(viewer)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(viewer);
    expect(await runStepAction({ runId, step: "partner-token", input: { cache: "use" } })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await start(globexOwner)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(globexOwner);
    expect(await runStepAction({ runId, step: "partner-token", input: { cache: "use" } })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
