// Credentials against a real database: what a dump of it would reveal (nothing), the active
// secret limit under a burst of parallel requests, the allowlist's rules, the grant review's
// versioned moves and the merged activity log. Refusals to other partners and viewers are in
// app/(console)/apps/[appId]/credentials/actions.int.test.ts, through the actions themselves.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/database";
import { refusal } from "../testing/expect";
import { dumpEverything } from "../testing/dump";
import { useCredentialsKeyForTesting } from "../crypto/credentials-key";
import { matchesVerifier } from "../crypto/secret-box";
import { AppError } from "../errors";
import { MAX_ACTIVE_SECRETS, activeSecretWhere } from "../credentials/secrets";
import { MAX_REDIRECT_URIS } from "../credentials/redirect-uri";
import { newAppInput, partnerInfoInput, secretInput } from "../credentials/schemas";
import { createAppWithCredentials } from "./apps";
import { getCredentials } from "./credentials";
import { listGrantReviews, moveGrantReview } from "./grant-review";
import { updatePartnerInfo } from "./partner-info";
import { addRedirectUri, removeRedirectUri } from "./redirect-uris";
import { addSecret, revealSecret, revokeSecret, rotateSecret } from "./secrets";
import { listActivity } from "./activity";
import { ensureEmployerIdType } from "./employer-id-type";
import type { SessionUser } from "./users";

const t = useTestDatabase();

let acme: { id: string; name: string };
let owner: SessionUser;
let developer: SessionUser;
let admin: SessionUser;
let otherAdmin: SessionUser;

beforeAll(async () => {
  useCredentialsKeyForTesting(randomBytes(32));
  acme = await t.rows.partner();
  owner = await t.rows.user("OWNER", acme);
  developer = await t.rows.user("DEVELOPER", acme);
  admin = await t.rows.user("ADMIN", null);
  otherAdmin = await t.rows.user("ADMIN", null);
});
afterAll(() => useCredentialsKeyForTesting(undefined));

/** The calendar day `days` from now, as the form sends it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A new secret's input, parsed the way the action parses it before lib/data sees it. */
function parsedSecret(label: string, expiresOn?: string) {
  return secretInput.parse({ label, expiresOn });
}

let counter = 0;
async function newApp(fields: { credentialType?: "OAUTH2" | "INDEED_APPLY"; isPublic?: boolean; grantTypes?: ("CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE")[] } = {}) {
  counter += 1;
  return createAppWithCredentials(
    admin,
    newAppInput.parse({
      partnerId: acme.id,
      name: `Credentials test ${counter}-${randomBytes(3).toString("hex")}`,
      description: "",
      provider: "INDEED",
      credentialType: fields.credentialType ?? "OAUTH2",
      isPublic: fields.isPublic ?? false,
      grantTypes: fields.grantTypes ?? ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"],
    }),
  );
}

describe("the Credentials tab's client information", () => {
  it("reads the partner's employerIdType: none before it is assigned, the assigned one after", async () => {
    const partner = await t.rows.partner();
    const partnerOwner = await t.rows.user("OWNER", partner);
    const app = await createAppWithCredentials(
      admin,
      newAppInput.parse({ partnerId: partner.id, name: `EmployerIdType ${randomBytes(3).toString("hex")}`, description: "", provider: "INDEED", credentialType: "OAUTH2", isPublic: false, grantTypes: ["CLIENT_CREDENTIALS"] }),
    );
    expect((await getCredentials(partnerOwner, app.id))!.employerIdType).toBeNull();
    const assigned = await ensureEmployerIdType(partner.id);
    expect((await getCredentials(partnerOwner, app.id))!.employerIdType).toBe(assigned);
  });
});

describe("secret storage", () => {
  it("keeps no secret in any column of any table, in plaintext or as an unkeyed hash", async () => {
    const app = await newApp();
    const indeedApply = await newApp({ credentialType: "INDEED_APPLY" });
    await addSecret(owner, { appId: app.id, label: "Second" });
    await addSecret(developer, { appId: app.id, ...parsedSecret("Third", inDays(365)) });
    await rotateSecret(owner, { appId: indeedApply.id });
    const issued: string[] = [];
    for (const a of [app, indeedApply]) {
      const credentials = await getCredentials(owner, a.id);
      for (const s of credentials!.client!.secrets.filter((s) => s.status === "ACTIVE")) {
        issued.push((await revealSecret(owner, { appId: a.id, secretId: s.id })).value);
      }
    }
    expect(issued).toHaveLength(4);
    for (const value of issued) expect(value).toMatch(/^[A-Za-z0-9]{64}$/);

    const dump = await dumpEverything(t.prisma);
    expect(dump.length).toBeGreaterThan(100);
    for (const value of issued) {
      const sha256 = createHash("sha256").update(value).digest();
      const forms = [value, sha256.toString("hex"), sha256.toString("base64"), sha256.toString("latin1")];
      for (const cell of dump) for (const form of forms) expect(cell.includes(form)).toBe(false);
    }
  });

  it("verifies a revealed value against its keyed hash, in constant time, and nothing else", async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    const [secret] = (await getCredentials(owner, app.id))!.client!.secrets;
    const { value } = await revealSecret(developer, { appId: app.id, secretId: secret!.id });
    const row = await t.prisma.clientSecret.findUniqueOrThrow({ where: { id: secret!.id }, select: { verifier: true } });
    expect(matchesVerifier(value, row.verifier)).toBe(true);
    const altered = `${value.slice(0, -1)}${value.endsWith("x") ? "y" : "x"}`;
    expect(matchesVerifier(altered, row.verifier)).toBe(false);
  });

  it("binds a sealed value to its row: a ciphertext copied onto another secret does not open", async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    const { id: second } = await addSecret(owner, { appId: app.id, label: "Victim" });
    const rows = await t.prisma.clientSecret.findMany({ where: { client: { appId: app.id } }, select: { id: true, ciphertext: true } });
    const first = rows.find((r) => r.id !== second)!;
    await t.prisma.clientSecret.update({ where: { id: second }, data: { ciphertext: first.ciphertext } });
    const error = await refusal(revealSecret(owner, { appId: app.id, secretId: second }));
    expect(error.code).toBe("MISCONFIGURED");
    expect(error.message).not.toMatch(/[A-Za-z0-9]{64}/);
  });

  it("logs every reveal with who did it, and never the value", async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    const [secret] = (await getCredentials(owner, app.id))!.client!.secrets;
    const { value } = await revealSecret(developer, { appId: app.id, secretId: secret!.id });
    await revealSecret(admin, { appId: app.id, secretId: secret!.id });
    const reveals = await t.prisma.activityEvent.findMany({
      where: { appId: app.id, type: "secret.revealed" },
      orderBy: { createdAt: "asc" },
      select: { actorId: true, detail: true },
    });
    expect(reveals.map((r) => r.actorId)).toEqual([developer.id, admin.id]);
    expect(JSON.stringify(reveals)).not.toContain(value);
  });
});

describe("secret lifecycle", () => {
  it("stops revealing a revoked secret at once and destroys its sealed value", async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    const { id } = await addSecret(owner, { appId: app.id, label: "Short-lived" });
    await revokeSecret(developer, { appId: app.id, secretId: id });
    const row = await t.prisma.clientSecret.findUniqueOrThrow({ where: { id }, select: { ciphertext: true, revokedAt: true, revokedById: true } });
    expect(row.ciphertext.length).toBe(0);
    expect(row.revokedById).toBe(developer.id);
    expect((await refusal(revealSecret(owner, { appId: app.id, secretId: id }))).message).toMatch(/revoked/);
    expect((await refusal(revokeSecret(owner, { appId: app.id, secretId: id }))).message).toMatch(/already revoked/);
    expect(await t.prisma.clientSecret.count({ where: { id, ...activeSecretWhere() } })).toBe(0);
  });

  it("treats a secret as expired the moment its expiry passes, and shows it as such", async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    const { id } = await addSecret(owner, { appId: app.id, ...parsedSecret("Expiring", inDays(30)) });
    await t.prisma.clientSecret.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refusal(revealSecret(owner, { appId: app.id, secretId: id }))).message).toMatch(/expired/);
    expect(await t.prisma.clientSecret.count({ where: { id, ...activeSecretWhere() } })).toBe(0);
    const secret = (await getCredentials(owner, app.id))!.client!.secrets.find((s) => s.id === id);
    expect(secret?.status).toBe("EXPIRED");
    const log = await listActivity(owner, { appId: app.id });
    expect(log!.entries.find((e) => e.type === "secret.expired")).toMatchObject({ detail: { label: "Expiring" }, actor: null });
  });

  it("refuses an expiry in the past or far ahead, and a missing label", async () => {
    for (const [input, message] of [
      [{ label: "x", expiresOn: "2001-01-01" }, /after today/],
      [{ label: "x", expiresOn: "2999-01-01" }, /three years/],
      [{ label: "x", expiresOn: "2027-02-30" }, /Enter a date/],
      [{ label: "   " }, /Enter a label/],
    ] as const) {
      expect(() => secretInput.parse(input), input.label).toThrow(message);
    }
  });

  it(`never lets ${MAX_ACTIVE_SECRETS} active secrets become more, even under ten parallel requests`, async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => addSecret(i % 2 ? owner : developer, { appId: app.id, label: `Burst ${i}` })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(MAX_ACTIVE_SECRETS - 1);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).message).toMatch(/already has 5 active secrets/);
    }
    const client = await t.prisma.client.findUniqueOrThrow({ where: { appId: app.id }, select: { id: true } });
    expect(await t.prisma.clientSecret.count({ where: { clientId: client.id, ...activeSecretWhere() } })).toBe(MAX_ACTIVE_SECRETS);
    expect(await t.prisma.activityEvent.count({ where: { appId: app.id, type: "secret.added" } })).toBe(MAX_ACTIVE_SECRETS);

    // Revoked and expired secrets do not count.
    const [oldest] = (await getCredentials(owner, app.id))!.client!.secrets.slice(-1);
    await revokeSecret(owner, { appId: app.id, secretId: oldest!.id });
    await addSecret(owner, { appId: app.id, label: "After revoking" });
    await expect(addSecret(owner, { appId: app.id, label: "Too many" })).rejects.toThrow(/already has 5/);
  });

  it("gives a public client no secret, and refuses to add one", async () => {
    const app = await newApp({ isPublic: true, grantTypes: ["AUTHORIZATION_CODE"] });
    expect((await getCredentials(owner, app.id))!.client!.secrets).toEqual([]);
    expect((await refusal(addSecret(owner, { appId: app.id, label: "x" }))).message).toMatch(/public client/);
  });

  it("rotates an Indeed Apply token's secret atomically: always exactly one active secret", async () => {
    const app = await newApp({ credentialType: "INDEED_APPLY" });
    const before = (await getCredentials(owner, app.id))!.client!;
    expect(before.grantTypes).toEqual([]);
    expect(before.secrets.map((s) => s.status)).toEqual(["ACTIVE"]);
    await Promise.all([rotateSecret(owner, { appId: app.id }), rotateSecret(developer, { appId: app.id })]);
    const after = (await getCredentials(owner, app.id))!.client!.secrets;
    expect(after.filter((s) => s.status === "ACTIVE")).toHaveLength(1);
    expect(after.filter((s) => s.status === "REVOKED")).toHaveLength(2);
    expect((await refusal(addSecret(owner, { appId: app.id, label: "x" }))).message).toMatch(/rotate/);
    expect((await refusal(revokeSecret(owner, { appId: app.id, secretId: after[0]!.id }))).message).toMatch(/rotate/);
  });
});

describe("the Redirect URL Allowlist", () => {
  it("stores exactly the string that was validated, and explains each refusal", async () => {
    const app = await newApp();
    await addRedirectUri(owner, { appId: app.id, uri: "https://Example.com/Callback?x=1" });
    const error = await refusal(addRedirectUri(owner, { appId: app.id, uri: "https://example.com/cb#frag" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.uri).toEqual(["A redirect URL cannot contain a fragment (#…)."]);
    expect((await refusal(addRedirectUri(owner, { appId: app.id, uri: "https://Example.com/Callback?x=1" }))).message).toMatch(/already/);
    const uris = (await getCredentials(owner, app.id))!.client!.redirectUris.map((r) => r.uri);
    expect(uris).toEqual(["https://Example.com/Callback?x=1"]);
  });

  it(`holds at most ${MAX_REDIRECT_URIS} URLs, even when ten are added at once`, async () => {
    const app = await newApp();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => addRedirectUri(developer, { appId: app.id, uri: `https://example.com/cb/${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_REDIRECT_URIS);
    expect((await getCredentials(owner, app.id))!.client!.redirectUris).toHaveLength(MAX_REDIRECT_URIS);
  });

  it("deletes a URL and logs both moves", async () => {
    const app = await newApp();
    const { id } = await addRedirectUri(owner, { appId: app.id, uri: "http://localhost:8976/callback" });
    await removeRedirectUri(developer, { appId: app.id, redirectUriId: id });
    expect((await getCredentials(owner, app.id))!.client!.redirectUris).toEqual([]);
    const types = (await listActivity(owner, { appId: app.id }))!.entries.map((e) => [e.type, e.detail.uri ?? null]);
    expect(types.slice(0, 2)).toEqual([
      ["redirect_uri.removed", "http://localhost:8976/callback"],
      ["redirect_uri.added", "http://localhost:8976/callback"],
    ]);
  });

  it("belongs to clients with the authorization code grant only", async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    expect((await refusal(addRedirectUri(owner, { appId: app.id, uri: "https://example.com/cb" }))).code).toBe("CONFLICT");
  });
});

describe("creating an app with credentials", () => {
  it("starts the review of the authorization code grant, with one secret for a confidential client", async () => {
    const app = await newApp();
    const client = (await getCredentials(owner, app.id))!.client!;
    expect(client.clientId).toMatch(/^[a-z0-9]{64}$/);
    expect(client.reviewStatus).toBe("IN_REVIEW");
    expect(client.secrets).toHaveLength(1);
    const types = (await listActivity(admin, { appId: app.id }))!.entries.map((e) => e.type).sort();
    expect(types).toEqual(["client.created", "review.requested", "secret.added"]);
  });

  it("keeps the form's rules: grant types required, no client credentials for public clients, OAuth fields ignored for Indeed Apply", async () => {
    const base = { partnerId: acme.id, name: "Rules", description: "", provider: "INDEED" as const };
    const none = await refusal(createApp({ ...base, credentialType: "OAUTH2", isPublic: false, grantTypes: [] }));
    expect(none.fieldErrors?.grantTypes).toBeDefined();
    const publicCc = await refusal(
      createApp({ ...base, credentialType: "OAUTH2", isPublic: true, grantTypes: ["CLIENT_CREDENTIALS"] }),
    );
    expect(publicCc.fieldErrors?.isPublic?.[0]).toMatch(/public client/);
    const apply = await createApp({
      ...base,
      name: `Apply ${randomBytes(3).toString("hex")}`,
      credentialType: "INDEED_APPLY",
      isPublic: true,
      grantTypes: ["AUTHORIZATION_CODE"],
    });
    const client = (await getCredentials(owner, apply.id))!.client!;
    expect(client).toMatchObject({ isPublic: false, grantTypes: [], reviewStatus: null });
    expect(client.secrets).toHaveLength(1);
    const duplicate = await refusal(createApp({ ...base, name: (await t.prisma.app.findUniqueOrThrow({ where: { id: apply.id } })).name, credentialType: "INDEED_APPLY", isPublic: false, grantTypes: [] }));
    expect(duplicate.fieldErrors?.name).toEqual(["This partner already has an app with this name."]);
  });

  it("is for admins only", async () => {
    const error = await refusal(
      createAppWithCredentials(owner, { partnerId: acme.id, name: "Mine", description: "", provider: "INDEED", credentialType: "OAUTH2", isPublic: false, grantTypes: ["CLIENT_CREDENTIALS"] }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("the authorization code grant review", () => {
  it("moves once per version: approve or reject (with a reason) by admins, resubmit by the partner", async () => {
    const app = await newApp();
    expect((await listGrantReviews(admin)).map((c) => c.app.id)).toContain(app.id);
    expect((await refusal(moveGrantReview(owner, { appId: app.id, move: "approve", expectedVersion: 0 }))).code).toBe("FORBIDDEN");
    await expect(moveGrantReview(admin, { appId: app.id, move: "reject", expectedVersion: 0, reason: "  " })).rejects.toThrow(/Enter a reason/);

    const [a, b] = await Promise.allSettled([
      moveGrantReview(admin, { appId: app.id, move: "reject", expectedVersion: 0, reason: "No privacy policy." }),
      moveGrantReview(otherAdmin, { appId: app.id, move: "approve", expectedVersion: 0 }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    const loser = (a.status === "rejected" ? a : b) as PromiseRejectedResult;
    expect((loser.reason as AppError).message).toMatch(/changed meanwhile/);

    const client = (await getCredentials(owner, app.id))!.client!;
    expect(client.reviewVersion).toBe(1);
    if (client.reviewStatus === "REJECTED") {
      expect(client.reviewReason).toBe("No privacy policy.");
      expect((await refusal(moveGrantReview(owner, { appId: app.id, move: "resubmit", expectedVersion: 0 }))).message).toMatch(/changed meanwhile/);
      await moveGrantReview(owner, { appId: app.id, move: "resubmit", expectedVersion: 1 });
      const again = (await getCredentials(owner, app.id))!.client!;
      expect([again.reviewStatus, again.reviewReason, again.reviewVersion]).toEqual(["IN_REVIEW", null, 2]);
    } else {
      expect(client.reviewStatus).toBe("APPROVED");
      expect((await refusal(moveGrantReview(owner, { appId: app.id, move: "resubmit", expectedVersion: 1 }))).message).toMatch(/Only a rejected/);
    }
  });
});

describe("partner information", () => {
  it("saves real URLs and emails, refuses anything else next to its field, and logs which fields changed", async () => {
    const app = await newApp();
    const bad = { companyName: "Acme", homepageUrl: "javascript:alert(1)", supportEmail: "not-an-email", privacyPolicyUrl: "http://acme.example/privacy" };
    expect(partnerInfoInput.safeParse(bad).error).toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["homepageUrl"] }),
        expect.objectContaining({ path: ["supportEmail"] }),
        expect.objectContaining({ path: ["privacyPolicyUrl"] }),
      ]),
    });
    const good = { companyName: " Acme Recruiting ", homepageUrl: "https://acme.example", supportEmail: "support@acme.example", privacyPolicyUrl: "" };
    expect(await updatePartnerInfo(developer, { appId: app.id, ...partnerInfoInput.parse(good) })).toEqual({ fields: ["companyName", "homepageUrl", "supportEmail"] });
    expect(await updatePartnerInfo(developer, { appId: app.id, ...partnerInfoInput.parse(good) })).toEqual({ fields: [] });
    const client = (await getCredentials(owner, app.id))!.client!;
    expect(client).toMatchObject({ companyName: "Acme Recruiting", homepageUrl: "https://acme.example", supportEmail: "support@acme.example", privacyPolicyUrl: null });
  });
});

describe("the activity log", () => {
  it("merges credential events and provisioning changes, newest first, with who and when; admins see every app", async () => {
    const app = await newApp({ grantTypes: ["CLIENT_CREDENTIALS"] });
    const service = await t.rows.service();
    const past = new Date(Date.now() - 60_000);
    await t.prisma.serviceStatusChange.create({
      data: { appId: app.id, serviceId: service.id, actorId: owner.id, fromStatus: null, toStatus: "PROVISIONING_IN_PROGRESS", note: "Please", createdAt: past },
    });
    await addSecret(developer, { appId: app.id, label: "Newest" });
    const log = (await listActivity(owner, { appId: app.id }))!;
    expect(log.entries[0]).toMatchObject({ type: "secret.added", detail: { label: "Newest" }, actor: { name: developer.name, role: "DEVELOPER" } });
    const provisioning = log.entries.find((e) => e.type === "provisioning.changed");
    expect(provisioning).toMatchObject({ detail: { service: service.name, from: null, to: "PROVISIONING_IN_PROGRESS", note: "Please" }, actor: { name: owner.name } });
    const times = log.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));

    const all = (await listActivity(admin))!;
    expect(all.entries.some((e) => e.app.id === app.id)).toBe(true);
    expect(await listActivity(owner)).toBeNull();
  });
});

/** An admin's new app as the action makes it: parsed by newAppInput, then created. */
async function createApp(input: Parameters<typeof newAppInput.parse>[0]) {
  let app;
  try {
    app = newAppInput.parse(input);
  } catch (error) {
    throw zodToAppError(error);
  }
  return createAppWithCredentials(admin, app);
}

/** The action turns zod's issues into field errors. */
function zodToAppError(error: unknown): unknown {
  const issues = (error as { issues?: { path: (string | number)[]; message: string }[] }).issues;
  if (!issues) return error;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
  return new AppError("VALIDATION", "invalid", fieldErrors);
}
