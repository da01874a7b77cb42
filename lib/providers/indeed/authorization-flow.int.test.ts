import { beforeAll, describe, expect, it } from "vitest";
import { newClientId, tokenHash } from "../../crypto/random";
import { readAuthorizeParams, validateAuthorizeRequest } from "./authorize";
import { uniqueName, useTestDatabase } from "../../testing/database";
import {
  authorizeLookup,
  createAuthorizationRequest,
  listAuthorizedApplications,
  nextStep,
  revokeGrant,
  submitConsent,
  submitEmployer,
} from "./authorization-flow";
import { createSandboxSession, csrfToken, findSandboxSession, isValidCsrfToken, type SandboxSessionAccount } from "./sessions";

const t = useTestDatabase();
const REDIRECT = "http://localhost:8976/callback";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

let partnerId: string;
let otherPartnerId: string;
const employers = { dharma: "084a39249af95beedfb90cc5d2b8833c", umbrella: "865e08b649774436ee1f410b611fad7c" };

beforeAll(async () => {
  partnerId = (await t.rows.partner()).id;
  otherPartnerId = (await t.rows.partner()).id;
  await t.prisma.employer.createMany({
    data: [
      { id: employers.dharma, name: "Dharma Initiative" },
      { id: employers.umbrella, name: "Umbrella Corporation" },
    ],
  });
});

async function client(options: { reviewStatus?: "APPROVED" | "IN_REVIEW"; isPublic?: boolean; partner?: string } = {}) {
  const app = await t.rows.app(options.partner ?? partnerId);
  const row = await t.prisma.client.create({
    data: {
      appId: app.id,
      clientId: newClientId(),
      isPublic: options.isPublic ?? false,
      grantTypes: ["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS"],
      reviewStatus: options.reviewStatus ?? "APPROVED",
      companyName: "Ace Recruiters",
      redirectUris: { create: [{ uri: REDIRECT }] },
    },
    select: { id: true, clientId: true },
  });
  return { ...row, appName: app.name };
}

async function account(options: { partner?: string | null; employers?: string[] } = {}): Promise<SandboxSessionAccount> {
  const name = uniqueName("account").replace(/\W+/g, "-");
  return t.prisma.sandboxAccount.create({
    data: {
      subject: Buffer.from(tokenHash(name)).toString("hex").slice(0, 16),
      email: `${name}@sandbox.test`,
      name,
      passwordHash: "!",
      partnerId: options.partner === undefined ? null : options.partner,
      employers: { connect: (options.employers ?? []).map((id) => ({ id })) },
    },
    select: { id: true, subject: true, email: true, name: true, partnerId: true },
  });
}

async function start(clientId: string, params: Record<string, string> = {}) {
  const search = new URLSearchParams({ client_id: clientId, redirect_uri: REDIRECT, response_type: "code", state: "st&ate", ...params });
  const outcome = await validateAuthorizeRequest(readAuthorizeParams(search.toString()), authorizeLookup);
  if (outcome.kind !== "valid") throw new Error(`invalid request: ${JSON.stringify(outcome)}`);
  return createAuthorizationRequest(outcome.request);
}

function redirectParams(step: { kind: string; url?: string }) {
  expect(step.kind).toBe("redirect");
  const url = new URL(step.url!);
  expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
  return Object.fromEntries(url.searchParams);
}

async function codeRow(code: string) {
  return t.prisma.authorizationCode.findUnique({ where: { codeHash: tokenHash(code) } });
}

describe("the authorization endpoint's lookups", () => {
  it("knows OAuth clients and their exact redirect URIs only", async () => {
    const c = await client();
    const found = await authorizeLookup.findClient(c.clientId);
    expect(found).toMatchObject({ id: c.id, isPublic: false });
    expect(await authorizeLookup.isRegisteredRedirectUri(found!, REDIRECT)).toBe(true);
    expect(await authorizeLookup.isRegisteredRedirectUri(found!, `${REDIRECT}/`)).toBe(false);
    expect(await authorizeLookup.findClient("nope")).toBeNull();

    const apply = await t.rows.app(partnerId, uniqueName("apply"), { credentialType: "INDEED_APPLY" });
    const token = newClientId();
    await t.prisma.client.create({ data: { appId: apply.id, clientId: token, grantTypes: [] } });
    expect(await authorizeLookup.findClient(token)).toBeNull();
  });
});

describe("an authorization request's lifecycle", () => {
  it("goes sign-in → consent → code, with the code bound to everything the token endpoint checks", async () => {
    const c = await client({ isPublic: true });
    const handle = await start(c.clientId, { scope: "email offline_access", nonce: "n-1", code_challenge: CHALLENGE, code_challenge_method: "S256" });
    expect(await nextStep(handle, null)).toEqual({ kind: "sign-in" });
    const a = await account();
    expect(await nextStep(handle, a)).toMatchObject({ kind: "consent", appName: c.appName, ask: ["email", "offline_access"], keep: [] });

    const params = redirectParams(await submitConsent(handle, a, "allow", ["email", "offline_access", "employer_access"]));
    expect(params).toEqual({ code: expect.any(String), state: "st&ate" });
    const code = await codeRow(params.code!);
    expect(code).toMatchObject({
      clientId: c.id,
      accountId: a.id,
      redirectUri: REDIRECT,
      scopes: ["email", "offline_access"],
      nonce: "n-1",
      codeChallenge: CHALLENGE,
      employerId: null,
      consumedAt: null,
    });
    const lifetime = code!.expiresAt.getTime() - code!.createdAt.getTime();
    expect(lifetime).toBeGreaterThan(9 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000 + 1000);
    const grant = await t.prisma.grant.findUnique({ where: { id: code!.grantId } });
    expect(grant).toMatchObject({ accountId: a.id, clientId: c.id });
    expect(grant!.scopes.sort()).toEqual(["email", "offline_access"]);

    // Completed: neither the pages nor a replayed form go anywhere now.
    expect(await nextStep(handle, a)).toEqual({ kind: "gone", reason: "completed" });
    expect(await submitConsent(handle, a, "allow", ["email"])).toEqual({ kind: "gone", reason: "completed" });
    expect(await t.prisma.authorizationCode.count({ where: { clientId: c.id } })).toBe(1);
  });

  it("records a partial grant: the code carries only the ticked scopes", async () => {
    const c = await client();
    const handle = await start(c.clientId, { scope: "email employer_access offline_access" });
    const a = await account();
    const params = redirectParams(await submitConsent(handle, a, "allow", ["employer_access"]));
    expect((await codeRow(params.code!))!.scopes).toEqual(["employer_access"]);
  });

  it("sends access_denied with state when the user denies, and issues nothing", async () => {
    const c = await client();
    const handle = await start(c.clientId, { scope: "email" });
    const a = await account();
    const params = redirectParams(await submitConsent(handle, a, "deny", ["email"]));
    expect(params).toMatchObject({ error: "access_denied", state: "st&ate" });
    expect(params.code).toBeUndefined();
    expect(await t.prisma.grant.count({ where: { clientId: c.id } })).toBe(0);
  });

  it("completes once even when the consent form is posted twice at the same time", async () => {
    const c = await client();
    const handle = await start(c.clientId, { scope: "email" });
    const a = await account();
    const results = await Promise.all([
      submitConsent(handle, a, "allow", ["email"]),
      submitConsent(handle, a, "allow", ["email"]),
      submitConsent(handle, a, "deny", []),
    ]);
    expect(results.filter((r) => r.kind === "redirect")).toHaveLength(1);
    expect(await t.prisma.authorizationCode.count({ where: { clientId: c.id } })).toBeLessThanOrEqual(1);
  });

  it("refuses unknown, malformed and expired handles", async () => {
    const a = await account();
    expect(await nextStep("x".repeat(43), a)).toEqual({ kind: "gone", reason: "unknown" });
    expect(await nextStep("../../etc", a)).toEqual({ kind: "gone", reason: "unknown" });
    const c = await client();
    const handle = await start(c.clientId);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await nextStep(handle, a, later)).toEqual({ kind: "gone", reason: "expired" });
    expect(await submitConsent(handle, a, "allow", [], later)).toEqual({ kind: "gone", reason: "expired" });
  });
});

describe("incremental authorization", () => {
  it("accumulates scopes on the grant and asks only for new ones while offline_access is granted", async () => {
    const c = await client();
    const a = await account();
    redirectParams(await submitConsent(await start(c.clientId, { scope: "email offline_access" }), a, "allow", ["email", "offline_access"]));

    const second = await start(c.clientId, { scope: "employer_access" });
    expect(await nextStep(second, a)).toMatchObject({ kind: "consent", ask: ["employer_access"], keep: ["email", "offline_access"] });
    const params = redirectParams(await submitConsent(second, a, "allow", ["employer_access"]));
    expect((await codeRow(params.code!))!.scopes).toEqual(["email", "offline_access", "employer_access"]);
    const grants = await t.prisma.grant.findMany({ where: { accountId: a.id, clientId: c.id } });
    expect(grants).toHaveLength(1);
    expect(grants[0]!.scopes.sort()).toEqual(["email", "employer_access", "offline_access"]);

    // Everything asked is granted: no consent screen, straight back with a code.
    const third = await start(c.clientId, { scope: "email" });
    const skipped = redirectParams(await nextStep(third, a));
    expect((await codeRow(skipped.code!))!.scopes).toEqual(["email", "offline_access", "employer_access"]);
  });

  it("asks again for everything when the grant lacks offline_access", async () => {
    const c = await client();
    const a = await account();
    redirectParams(await submitConsent(await start(c.clientId, { scope: "email" }), a, "allow", ["email"]));
    const again = await start(c.clientId, { scope: "email" });
    expect(await nextStep(again, a)).toMatchObject({ kind: "consent", ask: ["email"], keep: [] });
  });
});

describe("the employer picker", () => {
  it("shows the account's employers after consent and puts the pick on the code and the redirect", async () => {
    const c = await client();
    const a = await account({ employers: [employers.dharma, employers.umbrella] });
    const handle = await start(c.clientId, { scope: "employer_access offline_access", prompt: "select_employer" });
    const step = await submitConsent(handle, a, "allow", ["employer_access", "offline_access"]);
    expect(step).toEqual({
      kind: "employer",
      appName: c.appName,
      employers: [
        { id: employers.dharma, name: "Dharma Initiative" },
        { id: employers.umbrella, name: "Umbrella Corporation" },
      ],
    });
    // Reloading the picker shows it again; a second consent post is refused.
    expect(await nextStep(handle, a)).toMatchObject({ kind: "employer" });
    expect(await submitConsent(handle, a, "allow", [])).toEqual({ kind: "gone", reason: "completed" });

    const other = await account({ employers: [employers.dharma] });
    expect(await submitEmployer(handle, other, employers.dharma)).toEqual({ kind: "gone", reason: "other-account" });
    const stranger = "f".repeat(32);
    expect(await submitEmployer(handle, a, stranger)).toEqual({ kind: "invalid-employer" });

    const params = redirectParams(await submitEmployer(handle, a, employers.umbrella));
    expect(params).toEqual({ code: expect.any(String), state: "st&ate", employer: employers.umbrella });
    expect(await codeRow(params.code!)).toMatchObject({ employerId: employers.umbrella, scopes: ["offline_access", "employer_access"] });
    expect(await submitEmployer(handle, a, employers.dharma)).toEqual({ kind: "gone", reason: "completed" });
  });

  it("lets the user continue without an employer, and skips the picker for accounts without any", async () => {
    const c = await client();
    const a = await account({ employers: [employers.dharma] });
    const handle = await start(c.clientId, { scope: "employer_access", prompt: "select_employer" });
    await submitConsent(handle, a, "allow", ["employer_access"]);
    const params = redirectParams(await submitEmployer(handle, a, null));
    expect(params.employer).toBeUndefined();

    const lonely = await account();
    const second = await start(c.clientId, { scope: "employer_access", prompt: "select_employer" });
    const direct = redirectParams(await submitConsent(second, lonely, "allow", ["employer_access"]));
    expect(direct.employer).toBeUndefined();
    expect(direct.code).toBeDefined();
  });

  it("does not show the picker without employer_access granted", async () => {
    const c = await client();
    const a = await account({ employers: [employers.dharma] });
    const handle = await start(c.clientId, { scope: "employer_access email", prompt: "select_employer" });
    redirectParams(await submitConsent(handle, a, "allow", ["email"]));
  });
});

describe("the review rule", () => {
  it("lets only the partner's own sandbox accounts authorize an app not yet approved", async () => {
    const c = await client({ reviewStatus: "IN_REVIEW" });
    const outsider = await account({ partner: otherPartnerId });
    const params = redirectParams(await nextStep(await start(c.clientId, { scope: "email" }), outsider));
    expect(params).toMatchObject({ error: "access_denied", state: "st&ate" });
    expect(params.error_description).toMatch(/not been approved/);

    const endUser = await account({ partner: null });
    const handle = await start(c.clientId, { scope: "email" });
    expect(redirectParams(await submitConsent(handle, endUser, "allow", ["email"]))).toMatchObject({ error: "access_denied" });

    const tester = await account({ partner: partnerId });
    expect(await nextStep(await start(c.clientId, { scope: "email" }), tester)).toMatchObject({ kind: "consent" });
  });
});

describe("authorized applications", () => {
  it("lists an account's grants and revokes one whole, with its codes and refresh tokens", async () => {
    const c = await client();
    const a = await account();
    const params = redirectParams(await submitConsent(await start(c.clientId, { scope: "email offline_access" }), a, "allow", ["email", "offline_access"]));
    const code = (await codeRow(params.code!))!;
    await t.prisma.refreshToken.create({
      data: {
        tokenHash: tokenHash(`rt-${code.id}`),
        familyId: code.id,
        clientId: c.id,
        accountId: a.id,
        grantId: code.grantId,
        codeId: code.id,
        scopes: code.scopes,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });

    const apps = await listAuthorizedApplications(a.id);
    expect(apps).toEqual([expect.objectContaining({ id: code.grantId, appName: c.appName, companyName: "Ace Recruiters", scopes: ["email", "offline_access"] })]);

    // Another account cannot remove it, nor can a malformed id.
    const attacker = await account();
    expect(await revokeGrant(attacker.id, code.grantId)).toBeNull();
    expect(await revokeGrant(a.id, "not-a-uuid")).toBeNull();
    expect(await t.prisma.grant.count({ where: { id: code.grantId } })).toBe(1);

    expect(await revokeGrant(a.id, code.grantId)).toEqual({ appName: c.appName });
    expect(await t.prisma.grant.count({ where: { id: code.grantId } })).toBe(0);
    expect(await t.prisma.authorizationCode.count({ where: { grantId: code.grantId } })).toBe(0);
    expect(await t.prisma.refreshToken.count({ where: { grantId: code.grantId } })).toBe(0);
    expect(await listAuthorizedApplications(a.id)).toEqual([]);

    // Granting again starts from nothing: the consent screen asks for everything.
    const again = await start(c.clientId, { scope: "email offline_access" });
    expect(await nextStep(again, a)).toMatchObject({ kind: "consent", ask: ["email", "offline_access"], keep: [] });
  });
});

describe("emulator sessions and CSRF tokens", () => {
  it("finds the account of a live session only, and binds CSRF tokens to session and purpose", async () => {
    const a = await account();
    const { token } = await createSandboxSession(a.id);
    expect(await findSandboxSession(token)).toMatchObject({ id: a.id });
    expect(await findSandboxSession(token, new Date(Date.now() + 9 * 60 * 60_000))).toBeNull();
    expect(await findSandboxSession("x".repeat(43))).toBeNull();
    expect(await findSandboxSession(undefined)).toBeNull();
    const stored = await t.prisma.sandboxSession.findFirst({ where: { accountId: a.id } });
    expect(Buffer.from(stored!.tokenHash).equals(tokenHash(token))).toBe(true);

    const csrf = csrfToken(token, "handle-1");
    expect(isValidCsrfToken(token, "handle-1", csrf)).toBe(true);
    expect(isValidCsrfToken(token, "handle-2", csrf)).toBe(false);
    const other = (await createSandboxSession(a.id)).token;
    expect(isValidCsrfToken(other, "handle-1", csrf)).toBe(false);
    expect(isValidCsrfToken(token, "handle-1", undefined)).toBe(false);
    expect(isValidCsrfToken(token, "handle-1", `${csrf[0] === "A" ? "B" : "A"}${csrf.slice(1)}`)).toBe(false);
  });
});
