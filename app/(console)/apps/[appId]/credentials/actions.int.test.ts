// Every credential action called directly, the way an attacker would: as a member of another
// partner (the app must look missing) and as a viewer of the right partner (refused), with
// well-formed inputs naming real rows. Each refusal must change nothing and reveal nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/signed-in";
import { useTestDatabase, type People } from "@/lib/testing/database";
import { useCredentialsKeyForTesting } from "@/lib/crypto/credentials-key";
import { createAppWithCredentials } from "@/lib/data/apps";
import { getCredentials } from "@/lib/data/credentials";
import { moveGrantReview } from "@/lib/data/grant-review";
import * as actions from "./actions";
import { createAppAction } from "../../../admin/apps/new/actions";
import { moveGrantReviewAction } from "../../../admin/reviews/actions";

// Actions run as whoever actAs names; nothing is cached between them.
vi.mock("@/lib/auth/session", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const t = useTestDatabase();

let people: People;

let app: { id: string };
let applyApp: { id: string };
let rejectedApp: { id: string };
let secretId: string;
let redirectUriId: string;

beforeAll(async () => {
  useCredentialsKeyForTesting(randomBytes(32));
  const acme = await t.rows.partner();
  const globex = await t.rows.partner();
  people = await t.rows.people(acme, globex);
  const create = (name: string, credentialType: "OAUTH2" | "INDEED_APPLY") =>
    createAppWithCredentials(people.admin, {
      partnerId: acme.id,
      name,
      description: "",
      provider: "INDEED",
      credentialType,
      isPublic: false,
      grantTypes: credentialType === "OAUTH2" ? ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"] : [],
    });
  app = await create("Target-dev", "OAUTH2");
  applyApp = await create("Target-apply", "INDEED_APPLY");
  rejectedApp = await create("Target-rejected", "OAUTH2");
  await moveGrantReview(people.admin, { appId: rejectedApp.id, move: "reject", expectedVersion: 0, reason: "Fix it." });
  actAs(people.acmeOwner);
  expect((await actions.addRedirectUriAction({ appId: app.id, uri: "https://acme.example/cb" })).ok).toBe(true);
  const client = (await getCredentials(people.acmeOwner, app.id))!.client!;
  secretId = client.secrets[0]!.id;
  redirectUriId = client.redirectUris[0]!.id;
});
afterAll(() => useCredentialsKeyForTesting(undefined));

/** Everything any action could change, across every app. */
async function snapshot() {
  const [clients, secrets, uris, events, apps] = await Promise.all([
    t.prisma.client.findMany({ orderBy: { id: "asc" } }),
    t.prisma.clientSecret.findMany({ orderBy: { id: "asc" } }),
    t.prisma.redirectUri.findMany({ orderBy: { id: "asc" } }),
    t.prisma.activityEvent.count(),
    t.prisma.app.count(),
  ]);
  return JSON.stringify({ clients, secrets, uris, events, apps });
}

function formData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

/** Every mutating or revealing call a partner member could send, with real ids. */
const PARTNER_CALLS = {
  addSecret: () => actions.addSecretAction({ appId: app.id, label: "Stolen" }),
  revealSecret: () => actions.revealSecretAction({ appId: app.id, secretId }),
  revokeSecret: () => actions.revokeSecretAction({ appId: app.id, secretId }),
  rotateSecret: () => actions.rotateSecretAction({ appId: applyApp.id }),
  addRedirectUri: () => actions.addRedirectUriAction({ appId: app.id, uri: "https://evil.example/cb" }),
  removeRedirectUri: () => actions.removeRedirectUriAction({ appId: app.id, redirectUriId }),
  updatePartnerInfo: () =>
    actions.updatePartnerInfoAction({ appId: app.id, companyName: "Evil", homepageUrl: "https://evil.example", supportEmail: "", privacyPolicyUrl: "" }),
  resubmitReview: () => actions.resubmitReviewAction({ appId: rejectedApp.id, version: 1 }),
};

/** The same, aimed at one's own partner's secret id but another partner's app, or the reverse. */
const MIXED_CALLS = {
  revealOtherSecretThroughOwnApp: (ownAppId: string) => actions.revealSecretAction({ appId: ownAppId, secretId }),
  revokeOtherSecretThroughOwnApp: (ownAppId: string) => actions.revokeSecretAction({ appId: ownAppId, secretId }),
  removeOtherUriThroughOwnApp: (ownAppId: string) => actions.removeRedirectUriAction({ appId: ownAppId, redirectUriId }),
};

describe("another partner's members", () => {
  for (const [name, call] of Object.entries(PARTNER_CALLS)) {
    it(`get "not found" from ${name}, and change nothing`, async () => {
      for (const user of [people.globexOwner, people.globexDeveloper]) {
        actAs(user);
        const before = await snapshot();
        const result = await call();
        expect(result, `${name} as ${user.role}`).toMatchObject({ ok: false, code: "NOT_FOUND" });
        expect(JSON.stringify(result)).not.toMatch(/[A-Za-z0-9]{64}/);
        expect(await snapshot()).toBe(before);
      }
    });
  }

  it("cannot reach an Acme secret or redirect URL through an app of their own", async () => {
    const globexApp = await createAppWithCredentials(people.admin, {
      partnerId: people.globexOwner.partnerId!,
      name: `Globex own ${randomBytes(3).toString("hex")}`,
      description: "",
      provider: "INDEED",
      credentialType: "OAUTH2",
      isPublic: false,
      grantTypes: ["AUTHORIZATION_CODE"],
    });
    actAs(people.globexOwner);
    for (const [name, call] of Object.entries(MIXED_CALLS)) {
      const before = await snapshot();
      const result = await call(globexApp.id);
      expect(result, name).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await snapshot()).toBe(before);
    }
  });
});

describe("a viewer of the right partner", () => {
  for (const [name, call] of Object.entries(PARTNER_CALLS)) {
    it(`is refused ${name}, and nothing changes`, async () => {
      actAs(people.acmeViewer);
      const before = await snapshot();
      const result = await call();
      expect(result, name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(JSON.stringify(result)).not.toMatch(/[A-Za-z0-9]{64}/);
      expect(await snapshot()).toBe(before);
    });
  }

  it("still sees the metadata, never a value", async () => {
    const credentials = await getCredentials(people.acmeViewer, app.id);
    expect(credentials?.canManage).toBe(false);
    expect(credentials?.client?.secrets.length).toBeGreaterThan(0);
    expect(JSON.stringify(credentials)).not.toMatch(/ciphertext|verifier/);
  });
});

describe("admin-only actions called by partners", () => {
  it("refuse creating an app, approving and rejecting a review", async () => {
    for (const user of [people.acmeOwner, people.acmeViewer, people.globexOwner]) {
      actAs(user);
      const before = await snapshot();
      const created = await createAppAction(
        formData({ partnerId: user.partnerId!, name: "Sneaky", description: "", provider: "INDEED", credentialType: "OAUTH2", grantTypes: "CLIENT_CREDENTIALS" }),
      );
      expect(created).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const approved = await moveGrantReviewAction(formData({ appId: app.id, move: "approve", version: "0" }));
      expect(approved).toMatchObject({ ok: false, code: user === people.globexOwner ? "NOT_FOUND" : "FORBIDDEN" });
      const rejected = await moveGrantReviewAction(formData({ appId: app.id, move: "reject", version: "0", reason: "x" }));
      expect(rejected.ok).toBe(false);
      expect(await snapshot()).toBe(before);
    }
  });
});

describe("the owner", () => {
  it("can do each of these, and a reveal returns the value the verifier accepts", async () => {
    actAs(people.acmeOwner);
    const revealed = await actions.revealSecretAction({ appId: app.id, secretId });
    expect(revealed.ok && revealed.data?.value).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(await actions.addSecretAction({ appId: app.id, label: "Second" })).toMatchObject({ ok: true });
    expect(await actions.rotateSecretAction({ appId: applyApp.id })).toMatchObject({ ok: true });
    expect(await actions.resubmitReviewAction({ appId: rejectedApp.id, version: 1 })).toMatchObject({ ok: true });
    expect(await actions.removeRedirectUriAction({ appId: app.id, redirectUriId })).toMatchObject({ ok: true });
    expect(await actions.revokeSecretAction({ appId: app.id, secretId })).toMatchObject({ ok: true });
  });

  it("gets each refusal of the allowlist next to the field, and malformed ids as not found", async () => {
    actAs(people.acmeOwner);
    const refused = await actions.addRedirectUriAction({ appId: app.id, uri: "javascript:alert(1)" });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { uri: ["javascript: URLs cannot be redirect URLs. Use an https:// URL."] } });
    const malformed = await actions.revealSecretAction({ appId: "not-a-uuid", secretId: "'; DROP TABLE" });
    expect(malformed).toMatchObject({ ok: false, code: "VALIDATION" });
    const nonsense = await actions.addRedirectUriAction({ appId: app.id, uri: 42 as unknown as string });
    expect(nonsense).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
