// The token tool's actions called directly, as the page calls them and as an attacker would:
// an owner runs the Indeed client credentials flow against the emulator (dispatched in-process);
// the saved run, the vault and every other column hold neither the secret nor a token in plain
// form; a viewer is refused by every action that runs something; another partner's app or run
// is "not found" on every action. The run's state lives in the database only: a step runs with
// nothing kept between calls.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/data/users";
import { actAs } from "@/lib/testing/signed-in";

vi.mock("@/lib/auth/session", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "console.test" }) }));

const { useTestDatabase } = await import("@/lib/testing/database");
const { indeedRows } = await import("@/lib/testing/token-rows");
const { dumpEverything } = await import("@/lib/testing/dump");
const { tokenToolPeople, forgetTokenToolKeys } = await import("@/lib/testing/token-tool");
const { startRunAction, runStepAction, revealTokenAction, addCallbackRedirectAction } = await import("./actions");

// Every line the server would log while the tool runs, to prove no secret or token is in one.
const logged: string[] = [];
for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  const original = console[level].bind(console);
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    original(...args);
  });
}

const t = useTestDatabase();
const indeed = indeedRows(() => t.prisma);

let acme: { id: string; name: string };
let owner: SessionUser;
let viewer: SessionUser;
let globexOwner: SessionUser;
let app: Awaited<ReturnType<typeof indeed.client>>;
let employers: { id: string; name: string }[];

beforeAll(async () => {
  ({ acme, owner, viewer, globexOwner } = await tokenToolPeople(t.rows));
  app = await indeed.client(acme.id, { grantTypes: ["CLIENT_CREDENTIALS"] });
  employers = [await indeed.employer("Umbrella Corporation"), await indeed.employer("Dharma Initiative")];
  await indeed.account({ partnerId: acme.id, employerIds: employers.map((e) => e.id), registrantOf: acme.id });
});

afterAll(forgetTokenToolKeys);

async function start(user: SessionUser, fields: Partial<{ target: "emulator" | "provider" | "custom"; baseUrl: string }> = {}) {
  actAs(user);
  return startRunAction({ appId: app.appId, flow: "indeed.client-credentials", target: fields.target ?? "emulator", baseUrl: fields.baseUrl ?? "", secretId: app.secretId });
}

/** Every action on an existing run, in turn, as the current user. */
async function everyRunAction(runId: string) {
  return [
    await runStepAction({ runId, step: "discovery", input: {} }),
    await revealTokenAction({ runId, name: "access_token" }),
    await addCallbackRedirectAction({ runId }),
  ];
}

async function run(runId: string, step: string, input: Record<string, string> = {}) {
  const result = await runStepAction({ runId, step, input });
  if (!result.ok) throw new Error(`${step}: ${result.error}`);
  return result.data!;
}

describe("the Indeed client credentials flow", () => {
  let runId: string;
  const tokens: string[] = [];

  it("gets an app token, appinfo's employers and an employer token whose emp names it", async () => {
    const started = await start(owner);
    expect(started).toMatchObject({ ok: true });
    runId = started.ok ? started.data!.runId : "";

    const discovery = await run(runId, "discovery");
    expect(discovery).toMatchObject({ ok: true, message: "Found the issuer http://console.test/indeed." });

    for (const auth of ["basic", "post"]) {
      const token = await run(runId, "token", { scope: "employer_access", employer: "", auth });
      expect(token.ok).toBe(true);
      expect(token.tokens![0]!.verification).toMatchObject({ ok: true });
      expect(token.tokens![0]!.claims.sub).toBe(`app:${app.clientId}`);
      expect(token.exchanges.map((e) => e.label)).toEqual(["Token request (client credentials)", "JWKS (to verify signatures)"]);
      const request = token.exchanges[0]!.request;
      if (auth === "basic") {
        expect(request.headers).toContainEqual(["authorization", expect.stringMatching(/^Basic ‹client id \S+ and the secret “.+”, hidden›$/)]);
        expect(token.exchanges[0]!.curl).toContain(`--user '${app.clientId}:'"$CLIENT_SECRET"`);
      } else {
        expect(request.body).toMatch(/client_secret=‹the secret “.+”, hidden›/);
        expect(token.exchanges[0]!.curl).toContain(`--data-urlencode 'client_secret='"$CLIENT_SECRET"`);
      }
      actAs(owner);
      const full = await revealTokenAction({ runId, name: "access_token" });
      tokens.push(full.ok ? full.data!.value : "");
    }

    const appinfo = await run(runId, "appinfo");
    expect(appinfo.data?.employers).toEqual(expect.arrayContaining(employers.map((e) => ({ value: e.id, label: `${e.name} (${e.id})` }))));
    expect(appinfo.exchanges[0]!.curl).toContain(`'authorization: Bearer '"$ACCESS_TOKEN"`);

    const employer = await run(runId, "employer-token", { employer: employers[1]!.id, scope: "employer_access", auth: "basic" });
    expect(employer).toMatchObject({ ok: true });
    expect(employer.tokens![0]!.claims.emp).toBe(employers[1]!.id);
    const full = await revealTokenAction({ runId, name: "employer_access_token" });
    tokens.push(full.ok ? full.data!.value : "");

    const uses = await t.prisma.activityEvent.count({ where: { appId: app.appId, type: "secret.used" } });
    expect(uses).toBe(3);
  });

  it("refuses a step whose earlier step has not passed, and input the step does not accept", async () => {
    actAs(owner);
    const fresh = await start(owner);
    const id = fresh.ok ? fresh.data!.runId : "";
    expect(await runStepAction({ runId: id, step: "appinfo", input: {} })).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("Discover the endpoints") });
    await run(id, "discovery");
    expect(await runStepAction({ runId: id, step: "token", input: { scope: "employer_access", employer: "not-hex", auth: "basic" } })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { employer: ["An Indeed employer id is 32 lower-case hexadecimal characters."] },
    });
  });

  it("logs neither the secret nor any token", () => {
    expect(tokens).toHaveLength(3);
    for (const value of [app.secret, ...tokens]) for (const line of logged) expect(line.includes(value)).toBe(false);
  });

  it("keeps neither the secret nor any token in plain form in any column", async () => {
    expect(tokens.every((v) => v.startsWith("eyJ"))).toBe(true);
    const dump = await dumpEverything(t.prisma);
    const runs = await t.prisma.tokenToolStep.findMany({ where: { runId } });
    expect(runs.length).toBe(4);
    for (const value of [app.secret, ...tokens]) for (const cell of dump) expect(cell.includes(value)).toBe(false);
  });

  it("a viewer is refused by every action that runs something, and can read nothing secret", async () => {
    actAs(viewer);
    expect(await start(viewer)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    for (const result of await everyRunAction(runId)) expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("another partner's app and run are not found, on every action", async () => {
    actAs(globexOwner);
    expect(await start(globexOwner)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const result of await everyRunAction(runId)) expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A made-up run id is the same "not found".
    expect(await runStepAction({ runId: "00000000-0000-4000-8000-000000000000", step: "discovery", input: {} })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("targets that cannot be reached", () => {
  it("fails the step with the reason: connection refused, a name that does not resolve", async () => {
    for (const [baseUrl, message] of [
      ["http://127.0.0.1:9", "127.0.0.1:9 refused the connection (nothing listens on that port)."],
      ["https://no-such-host.invalid", "The name no-such-host.invalid could not be resolved."],
    ] as const) {
      const started = await start(owner, { target: "custom", baseUrl });
      const discovery = await run(started.ok ? started.data!.runId : "", "discovery");
      expect(discovery).toMatchObject({ ok: false, message });
      expect(discovery.exchanges[0]!.failure).toMatchObject({ message });
    }
  });

  it("refuses a custom target without a usable URL, by the field", async () => {
    expect(await start(owner, { target: "custom", baseUrl: "ftp://example.com" })).toMatchObject({
      ok: false,
      fieldErrors: { baseUrl: ["Only http and https URLs can be called, not ftp."] },
    });
  });
});
