// Every SEEK credential action called directly, the way an attacker would: as a member of
// another partner (the app must look missing), as a viewer and a developer of the right
// partner (refused what they may not do); then the owner's flows: issuing, the live request
// and its answers, rotation with an overlap whose stored end time the test moves (no sleeps),
// revoke now, reveal, and "expire issued tokens now".
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/signed-in";
import { useTestDatabase, type People } from "@/lib/testing/database";
import { useCredentialsKeyForTesting } from "@/lib/crypto/credentials-key";
import { matchesVerifier } from "@/lib/crypto/secret-box";
import { activeSecretWhere } from "@/lib/credentials/secrets";
import { getLiveRequestState, getSeekCredentials } from "@/lib/data/seek-credentials";
import * as actions from "./seek-actions";
import * as admin$ from "../../../admin/seek/actions";

// Actions run as whoever actAs names; nothing is cached between them.
vi.mock("@/lib/auth/session", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const t = useTestDatabase();

let people: People;

let acme: { id: string; name: string };
let app: { id: string };
let indeedApp: { id: string };

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function secrets(environment: "PLAYGROUND" | "LIVE") {
  return t.prisma.seekClientSecret.findMany({
    where: { credential: { appId: app.id, environment } },
    orderBy: { createdAt: "asc" },
    select: { id: true, expiresAt: true, revokedAt: true, ciphertext: true, verifier: true },
  });
}

/** Every SEEK credential action on the target app, in turn, as the current user. */
async function everyAction(secretId: string) {
  return [
    await actions.issueSeekCredentialAction({ appId: app.id, environment: "LIVE" }),
    await actions.rotateSeekSecretAction({ appId: app.id, environment: "PLAYGROUND", overlap: "1H" }),
    await actions.revokeSeekSecretAction({ appId: app.id, secretId }),
    await actions.revealSeekSecretAction({ appId: app.id, secretId }),
    await actions.expireSeekTokensAction({ appId: app.id, environment: "PLAYGROUND" }),
    await actions.requestLiveCredentialsAction({ appId: app.id, note: "" }),
  ];
}

async function snapshot() {
  const [credentials, secretRows, requests, activity, partner] = await Promise.all([
    t.prisma.seekCredential.findMany({ orderBy: { id: "asc" } }),
    t.prisma.seekClientSecret.findMany({ orderBy: { id: "asc" } }),
    t.prisma.seekLiveCredentialRequest.findMany({ orderBy: { id: "asc" } }),
    t.prisma.activityEvent.count(),
    t.prisma.partner.findUniqueOrThrow({ where: { id: acme.id } }),
  ]);
  return { credentials, secretRows, requests, activity, partner };
}

beforeAll(async () => {
  useCredentialsKeyForTesting(randomBytes(32));
  acme = await t.rows.partner();
  const globex = await t.rows.partner();
  people = await t.rows.people(acme, globex);
  app = await t.rows.app(acme.id, "Target-seek", { provider: "SEEK" });
  indeedApp = await t.rows.app(acme.id, "Target-indeed");
  actAs(people.acmeOwner);
  expect(await actions.issueSeekCredentialAction({ appId: app.id, environment: "PLAYGROUND" })).toMatchObject({ ok: true });
});

afterAll(() => {
  actAs(null);
});

describe("another partner's members", () => {
  it("find the app missing through every action, and change nothing", async () => {
    const [secret] = await secrets("PLAYGROUND");
    const before = await snapshot();
    for (const user of [people.globexOwner, people.globexDeveloper]) {
      actAs(user);
      const results = await everyAction(secret!.id);
      for (const result of results) expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await getSeekCredentials(user, app.id)).toBeNull();
      expect(await getLiveRequestState(user, app.id)).toBeNull();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("and an Indeed app's id is not a SEEK app for anyone", async () => {
    actAs(people.acmeOwner);
    expect(await actions.issueSeekCredentialAction({ appId: indeedApp.id, environment: "PLAYGROUND" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await getSeekCredentials(people.acmeOwner, indeedApp.id)).toBeNull();
  });
});

describe("the partner's viewer and developer", () => {
  it("a viewer is refused every change and every value, and sees metadata only", async () => {
    const [secret] = await secrets("PLAYGROUND");
    const before = await snapshot();
    actAs(people.acmeViewer);
    const results = await everyAction(secret!.id);
    for (const result of results) expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
    const view = await getSeekCredentials(people.acmeViewer, app.id);
    expect(view).toMatchObject({ canIssue: false, canManage: false });
    expect(JSON.stringify(view)).not.toMatch(/ciphertext|verifier/);
  });

  it("a developer may reveal and expire tokens, but not issue, rotate, revoke or request", async () => {
    const [secret] = await secrets("PLAYGROUND");
    actAs(people.acmeDeveloper);
    for (const result of [
      await actions.issueSeekCredentialAction({ appId: app.id, environment: "LIVE" }),
      await actions.rotateSeekSecretAction({ appId: app.id, environment: "PLAYGROUND", overlap: "1H" }),
      await actions.revokeSeekSecretAction({ appId: app.id, secretId: secret!.id }),
      await actions.requestLiveCredentialsAction({ appId: app.id, note: "" }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const revealed = await actions.revealSeekSecretAction({ appId: app.id, secretId: secret!.id });
    expect(revealed.ok).toBe(true);
    const value = revealed.ok ? revealed.data!.value : "";
    expect(value).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(matchesVerifier(value, secret!.verifier)).toBe(true);
    expect(await t.prisma.activityEvent.count({ where: { appId: app.id, type: "seek.secret.revealed", actorId: people.acmeDeveloper.id } })).toBe(1);
    expect(await actions.expireSeekTokensAction({ appId: app.id, environment: "PLAYGROUND" })).toMatchObject({ ok: true });
    const credential = await t.prisma.seekCredential.findFirstOrThrow({ where: { appId: app.id, environment: "PLAYGROUND" } });
    expect(credential.tokensNotBefore).not.toBeNull();
    expect(credential.tokensExpiredById).toBe(people.acmeDeveloper.id);
  });
});

describe("admin actions", () => {
  it("refuse partner members", async () => {
    for (const user of [people.acmeOwner, people.acmeDeveloper]) {
      actAs(user);
      expect(await admin$.setLiveSelfServiceAction(form({ partnerId: acme.id, enabled: "true" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await admin$.updateSeekSettingsAction(form({ partnerTokenExpiresIn: "60" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(
        await admin$.createSeekHirerAction(form({ id: "seekAnzPublicTest:organization:seek:Mine1", name: "Mine", seekAnzAdvertiserId: "", testPartnerId: "" })),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect((await t.prisma.partner.findUniqueOrThrow({ where: { id: acme.id } })).seekLiveSelfService).toBe(false);
    expect(await t.prisma.seekSettings.count()).toBe(0);
    expect(await t.prisma.seekHirer.count()).toBe(0);
  });

  it("validate the expires_in setting next to its field", async () => {
    actAs(people.admin);
    for (const bad of ["", "59", "86401", "1.5", "abc"]) {
      const result = await admin$.updateSeekSettingsAction(form({ partnerTokenExpiresIn: bad }));
      expect(result, bad).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(result.ok ? [] : result.fieldErrors?.partnerTokenExpiresIn, bad).toHaveLength(1);
    }
    expect(await admin$.updateSeekSettingsAction(form({ partnerTokenExpiresIn: "120" }))).toMatchObject({ ok: true });
    expect((await t.prisma.seekSettings.findUniqueOrThrow({ where: { id: 1 } })).partnerTokenExpiresIn).toBe(120);
  });
});

describe("live credentials", () => {
  it("are refused before approval; the request, a refusal with its reason, then an approval reach the partner's state", async () => {
    actAs(people.acmeOwner);
    expect(await actions.issueSeekCredentialAction({ appId: app.id, environment: "LIVE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await actions.requestLiveCredentialsAction({ appId: app.id, note: "We are ready." })).toMatchObject({ ok: true });
    expect(await actions.requestLiveCredentialsAction({ appId: app.id, note: "Again" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await actions.requestLiveCredentialsAction({ appId: app.id, note: "x".repeat(1001) })).toMatchObject({ ok: false });
    const pending = await t.prisma.seekLiveCredentialRequest.findFirstOrThrow({ where: { appId: app.id, status: "PENDING" } });
    expect(await getLiveRequestState(people.acmeViewer, app.id)).toMatchObject({ approved: false, request: { status: "PENDING", note: "We are ready." } });

    actAs(people.admin);
    const noReason = await admin$.decideLiveRequestAction(form({ requestId: pending.id, decision: "REFUSE", reason: "  " }));
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await admin$.decideLiveRequestAction(form({ requestId: pending.id, decision: "REFUSE", reason: "Finish Playground testing first." }))).toMatchObject({ ok: true });
    expect(await admin$.decideLiveRequestAction(form({ requestId: pending.id, decision: "APPROVE" }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await getLiveRequestState(people.acmeOwner, app.id)).toMatchObject({
      approved: false,
      request: { status: "REFUSED", reason: "Finish Playground testing first." },
    });

    actAs(people.acmeOwner);
    expect(await actions.requestLiveCredentialsAction({ appId: app.id, note: "Done now." })).toMatchObject({ ok: true });
    const second = await t.prisma.seekLiveCredentialRequest.findFirstOrThrow({ where: { appId: app.id, status: "PENDING" } });
    actAs(people.admin);
    expect(await admin$.decideLiveRequestAction(form({ requestId: second.id, decision: "APPROVE" }))).toMatchObject({ ok: true });
    expect(await getLiveRequestState(people.acmeOwner, app.id)).toMatchObject({ approved: true, request: { status: "APPROVED" } });
    const types = (await t.prisma.activityEvent.findMany({ where: { appId: app.id, type: { startsWith: "seek.live." } }, orderBy: { createdAt: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["seek.live.requested", "seek.live.refused", "seek.live.requested", "seek.live.approved"]);

    actAs(people.acmeOwner);
    expect(await actions.requestLiveCredentialsAction({ appId: app.id, note: "" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await actions.issueSeekCredentialAction({ appId: app.id, environment: "LIVE" })).toMatchObject({ ok: true });
    expect(await actions.issueSeekCredentialAction({ appId: app.id, environment: "LIVE" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await secrets("LIVE")).toHaveLength(1);
  });

  it("stop rotating when the admin turns self-service off", async () => {
    actAs(people.admin);
    expect(await admin$.setLiveSelfServiceAction(form({ partnerId: acme.id, enabled: "false" }))).toMatchObject({ ok: true });
    actAs(people.acmeOwner);
    expect(await actions.rotateSeekSecretAction({ appId: app.id, environment: "LIVE", overlap: "NONE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(people.admin);
    expect(await admin$.setLiveSelfServiceAction(form({ partnerId: acme.id, enabled: "true" }))).toMatchObject({ ok: true });
  });
});

describe("rotation", () => {
  it("keeps the previous secret for the chosen overlap, allows two active secrets at most, and frees the slot when the overlap ends", async () => {
    actAs(people.acmeOwner);
    const [first] = await secrets("PLAYGROUND");
    const before = Date.now();
    expect(await actions.rotateSeekSecretAction({ appId: app.id, environment: "PLAYGROUND", overlap: "24H" })).toMatchObject({ ok: true });
    let rows = await secrets("PLAYGROUND");
    expect(rows).toHaveLength(2);
    const old = rows.find((r) => r.id === first!.id)!;
    expect(old.revokedAt).toBeNull();
    expect(old.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 24 * 3600_000);
    expect(old.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    expect(await t.prisma.seekClientSecret.count({ where: { credential: { appId: app.id, environment: "PLAYGROUND" }, ...activeSecretWhere() } })).toBe(2);

    const refused = await actions.rotateSeekSecretAction({ appId: app.id, environment: "PLAYGROUND", overlap: "1H" });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await secrets("PLAYGROUND")).toHaveLength(2);

    // The overlap ends: move its stored end into the past instead of waiting.
    await t.prisma.seekClientSecret.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const view = await getSeekCredentials(people.acmeOwner, app.id);
    const playground = view!.environments.find((e) => e.environment === "PLAYGROUND")!.credential!;
    expect(playground.secrets.find((s) => s.id === old.id)!.status).toBe("EXPIRED");
    expect(await actions.revealSeekSecretAction({ appId: app.id, secretId: old.id })).toMatchObject({ ok: false, code: "CONFLICT" });

    expect(await actions.rotateSeekSecretAction({ appId: app.id, environment: "PLAYGROUND", overlap: "NONE" })).toMatchObject({ ok: true });
    rows = await secrets("PLAYGROUND");
    expect(rows).toHaveLength(3);
    const replaced = rows[1]!;
    expect(replaced.revokedAt).not.toBeNull();
    expect(replaced.ciphertext).toHaveLength(0);
    expect(await t.prisma.seekClientSecret.count({ where: { credential: { appId: app.id, environment: "PLAYGROUND" }, ...activeSecretWhere() } })).toBe(1);
  });

  it("rejects an overlap that is not on the list", async () => {
    actAs(people.acmeOwner);
    const result = await actions.rotateSeekSecretAction({ appId: app.id, environment: "PLAYGROUND", overlap: "30D" as never });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(result.ok ? undefined : result.fieldErrors?.overlap).toBeDefined();
  });

  it("revoke now ends a secret at once, destroys its value, and cannot be repeated", async () => {
    actAs(people.acmeOwner);
    expect(await actions.rotateSeekSecretAction({ appId: app.id, environment: "PLAYGROUND", overlap: "7D" })).toMatchObject({ ok: true });
    const overlapping = (await secrets("PLAYGROUND")).find((r) => r.expiresAt && r.expiresAt > new Date() && !r.revokedAt)!;
    expect(await actions.revokeSeekSecretAction({ appId: app.id, secretId: overlapping.id })).toMatchObject({ ok: true });
    const row = await t.prisma.seekClientSecret.findUniqueOrThrow({ where: { id: overlapping.id } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedById).toBe(people.acmeOwner.id);
    expect(row.ciphertext).toHaveLength(0);
    expect(await actions.revokeSeekSecretAction({ appId: app.id, secretId: overlapping.id })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await actions.revealSeekSecretAction({ appId: app.id, secretId: overlapping.id })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("refuses malformed ids as not found, never as a server error", async () => {
    actAs(people.acmeOwner);
    expect(await actions.revealSeekSecretAction({ appId: app.id, secretId: "nope" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await actions.rotateSeekSecretAction({ appId: "nope", environment: "PLAYGROUND", overlap: "1H" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await actions.issueSeekCredentialAction({ appId: app.id, environment: "STAGING" as never })).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("never stores a secret value in plain text or in the activity log", async () => {
    actAs(people.acmeOwner);
    const values: string[] = [];
    for (const row of await t.prisma.seekClientSecret.findMany({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } })) {
      const result = await actions.revealSeekSecretAction({ appId: app.id, secretId: row.id });
      if (result.ok) values.push(result.data!.value);
    }
    expect(values.length).toBeGreaterThan(0);
    const dump = JSON.stringify({
      secrets: (await t.prisma.seekClientSecret.findMany()).map((s) => ({ ...s, ciphertext: Buffer.from(s.ciphertext).toString("latin1") })),
      activity: await t.prisma.activityEvent.findMany(),
    });
    for (const value of values) expect(dump).not.toContain(value);
  });
});
