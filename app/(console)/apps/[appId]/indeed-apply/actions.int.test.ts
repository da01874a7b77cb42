// The testing tool's actions called directly, as a partner would and as an attacker would: the
// owner sends to an endpoint on 127.0.0.1 that verifies the signature with the secret the
// Credentials tab reveals; another partner's members find nothing; a viewer sees the history
// but can neither send nor verify. The embedded test database leaves private addresses allowed
// (lib/env.ts), so 127.0.0.1 is reachable; the guard's refusals are in lib/outbound.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/signed-in";
import { useTestDatabase, type People } from "@/lib/testing/database";
import { useCredentialsKeyForTesting } from "@/lib/crypto/credentials-key";
import { createAppWithCredentials } from "@/lib/data/apps";
import { getCredentials } from "@/lib/data/credentials";
import { revealSecret } from "@/lib/data/secrets";
import { getIndeedApplyTestTool } from "@/lib/data/indeed-apply-tests";
import { sendTestApplicationAction, verifySignatureAction } from "./actions";

// Actions run as whoever actAs names; nothing is cached between them.
vi.mock("@/lib/auth/session", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const t = useTestDatabase();

let people: People;

let applyApp: { id: string };
let oauthApp: { id: string };
let globexApp: { id: string };
let secret: string;
let server: Server;
let endpoint: string;
const received: string[] = [];

beforeAll(async () => {
  useCredentialsKeyForTesting(randomBytes(32));
  const acme = await t.rows.partner();
  const globex = await t.rows.partner();
  people = await t.rows.people(acme, globex);
  const create = (partnerId: string, name: string, credentialType: "OAUTH2" | "INDEED_APPLY") =>
    createAppWithCredentials(people.admin, {
      partnerId,
      name,
      description: "",
      provider: "INDEED",
      credentialType,
      isPublic: false,
      grantTypes: credentialType === "OAUTH2" ? ["CLIENT_CREDENTIALS"] : [],
    });
  applyApp = await create(acme.id, "Apply-dev", "INDEED_APPLY");
  oauthApp = await create(acme.id, "OAuth-dev", "OAUTH2");
  globexApp = await create(globex.id, "Globex-apply-dev", "INDEED_APPLY");
  const credentials = await getCredentials(people.acmeOwner, applyApp.id);
  const secretId = credentials!.client!.secrets.find((s) => s.status === "ACTIVE")!.id;
  secret = (await revealSecret(people.acmeOwner, { appId: applyApp.id, secretId })).value;

  // A partner's endpoint as Indeed's docs describe it: verify the signature over the raw body,
  // then 200, 409 for the same email and job again, 410 for an expired job.
  const seen = new Set<string>();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      received.push(raw.toString("utf8"));
      const expected = createHmac("sha1", secret).update(raw).digest("base64");
      if (req.headers["x-indeed-signature"] !== expected) return void res.writeHead(401).end("bad signature");
      const application = JSON.parse(raw.toString("utf8")) as { job: { jobId: string }; applicant: { email: string } };
      if (application.job.jobId === "EXPIRED") return void res.writeHead(410).end("expired");
      const key = `${application.applicant.email}|${application.job.jobId}`;
      if (seen.has(key)) return void res.writeHead(409).end("duplicate");
      seen.add(key);
      res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/indeed/apply`;
});

afterAll(async () => {
  useCredentialsKeyForTesting(undefined);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function sampleBody(kind: "no-resume" | "resume-pdf" = "no-resume") {
  const tool = await getIndeedApplyTestTool(people.acmeOwner, applyApp.id);
  return tool!.samples[kind];
}

async function sendsOf(appId: string) {
  return t.prisma.indeedApplyTestSend.count({ where: { appId } });
}

describe("sending as an owner or developer", () => {
  let firstId: string;

  it("sends a signed application the endpoint accepts, and keeps it without the secret", async () => {
    actAs(people.acmeOwner);
    const body = await sampleBody("resume-pdf");
    const result = await sendTestApplicationAction({ appId: applyApp.id, kind: "signed", url: endpoint, sample: "resume-pdf", body });
    expect(result).toMatchObject({ ok: true, data: { outcome: "accepted", status: 200, expected: true, responseBody: "thanks" } });
    if (!result.ok) return;
    firstId = result.data!.id;
    expect(received.at(-1)).toBe(body);
    const row = await t.prisma.indeedApplyTestSend.findUniqueOrThrow({ where: { id: firstId } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.signature).toBe(createHmac("sha1", secret).update(body).digest("base64"));
    const target = await t.prisma.indeedApplyTestTarget.findUnique({ where: { appId: applyApp.id } });
    expect(target?.url).toBe(endpoint);
    const activity = await t.prisma.activityEvent.findFirst({ where: { appId: applyApp.id, type: "indeed_apply.test_sent" } });
    expect(activity?.actorId).toBe(people.acmeOwner.id);
    expect(JSON.stringify(activity?.detail)).not.toContain(secret);
  });

  it("Send again repeats the same body and the endpoint answers 409", async () => {
    actAs(people.acmeDeveloper);
    const before = received.length;
    const result = await sendTestApplicationAction({ appId: applyApp.id, kind: "repeat", sendId: firstId });
    expect(result).toMatchObject({ ok: true, data: { outcome: "duplicate", status: 409, expected: true, kind: "repeat" } });
    expect(received.at(-1)).toBe(received[before - 1]);
  });

  it("an expired job gets 410 and a forged signature is refused", async () => {
    actAs(people.acmeOwner);
    const expiredBody = (await sampleBody()).replace('"jobId": "WH-ASSOC-1042"', '"jobId": "EXPIRED"');
    const expired = await sendTestApplicationAction({ appId: applyApp.id, kind: "signed", url: endpoint, sample: "no-resume", body: expiredBody });
    expect(expired).toMatchObject({ ok: true, data: { outcome: "expired", status: 410 } });
    const forged = await sendTestApplicationAction({ appId: applyApp.id, kind: "forged", url: endpoint, sample: "no-resume", body: await sampleBody() });
    expect(forged).toMatchObject({ ok: true, data: { outcome: "refused", status: 401, expected: true } });
  });

  it("lists the sends newest first", async () => {
    const tool = await getIndeedApplyTestTool(people.acmeViewer, applyApp.id);
    expect(tool!.history.map((r) => r.kind)).toEqual(["forged", "signed", "repeat", "signed"]);
    expect(tool!.history.at(-1)!.id).toBe(firstId);
  });

  it("refuses bad input next to its field, and sends nothing", async () => {
    actAs(people.acmeOwner);
    const before = await sendsOf(applyApp.id);
    const body = await sampleBody();
    for (const [url, field] of [
      ["", "url"],
      ["not a url", "url"],
      ["file:///etc/passwd", "url"],
      [endpoint, "body"],
    ] as const) {
      const result = await sendTestApplicationAction({
        appId: applyApp.id,
        kind: "signed",
        url,
        sample: "no-resume",
        body: field === "body" ? "{ not json" : body,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    }
    expect(await sendsOf(applyApp.id)).toBe(before);
  });

  it("never calls the metadata address, and says so", async () => {
    actAs(people.acmeOwner);
    const result = await sendTestApplicationAction({
      appId: applyApp.id,
      kind: "signed",
      url: "http://169.254.169.254/latest/meta-data/",
      sample: "no-resume",
      body: await sampleBody(),
    });
    expect(result).toMatchObject({ ok: true, data: { outcome: "blocked", status: null, expected: false } });
    if (result.ok) expect(result.data!.message).toContain("cloud metadata address");
  });

  it("verifies signatures against the app's secret, from parts or a captured request", async () => {
    actAs(people.acmeDeveloper);
    const body = '{"locale":"en_US"}';
    const right = createHmac("sha1", secret).update(body).digest("base64");
    expect(await verifySignatureAction({ appId: applyApp.id, mode: "parts", body, signature: right })).toMatchObject({
      ok: true,
      data: { matches: true, expected: right },
    });
    expect(await verifySignatureAction({ appId: applyApp.id, mode: "parts", body, signature: "SGadPKocf3HD1LYXm3xGObB6hzk=" })).toMatchObject({
      ok: true,
      data: { matches: false, expected: right },
    });
    const captured = `POST /apply HTTP/1.1\r\nHost: ats.example.com\r\nX-Indeed-Signature: ${right}\r\n\r\n${body}`;
    expect(await verifySignatureAction({ appId: applyApp.id, mode: "captured", captured })).toMatchObject({ ok: true, data: { matches: true } });
    const noHeader = await verifySignatureAction({ appId: applyApp.id, mode: "captured", captured: `POST /apply HTTP/1.1\r\n\r\n${body}` });
    expect(noHeader).toMatchObject({ ok: false, fieldErrors: { captured: ["This request has no X-Indeed-Signature header."] } });
  });
});

describe("refusals", () => {
  it("a viewer sees the history but cannot send, repeat or verify", async () => {
    actAs(people.acmeViewer);
    const tool = await getIndeedApplyTestTool(people.acmeViewer, applyApp.id);
    expect(tool).toMatchObject({ canSend: false });
    const before = await sendsOf(applyApp.id);
    const [last] = tool!.history;
    for (const input of [
      { appId: applyApp.id, kind: "signed", url: endpoint, sample: "no-resume", body: "{}" },
      { appId: applyApp.id, kind: "forged", url: endpoint, sample: "no-resume", body: "{}" },
      { appId: applyApp.id, kind: "repeat", sendId: last!.id },
    ]) {
      expect(await sendTestApplicationAction(input as never)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await verifySignatureAction({ appId: applyApp.id, mode: "parts", body: "{}", signature: "x" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await sendsOf(applyApp.id)).toBe(before);
  });

  it("another partner's members find neither the page, nor its history, nor its actions", async () => {
    actAs(people.globexOwner);
    expect(await getIndeedApplyTestTool(people.globexOwner, applyApp.id)).toBeNull();
    const before = await sendsOf(applyApp.id);
    const received0 = received.length;
    const acmeSend = await t.prisma.indeedApplyTestSend.findFirstOrThrow({ where: { appId: applyApp.id } });
    for (const input of [
      { appId: applyApp.id, kind: "signed", url: endpoint, sample: "no-resume", body: "{}" },
      { appId: applyApp.id, kind: "repeat", sendId: acmeSend.id },
      // Their own app, naming the other partner's send: still nothing to repeat.
      { appId: globexApp.id, kind: "repeat", sendId: acmeSend.id },
    ]) {
      expect(await sendTestApplicationAction(input as never)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await verifySignatureAction({ appId: applyApp.id, mode: "parts", body: "{}", signature: "x" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await sendsOf(applyApp.id)).toBe(before);
    expect(await sendsOf(globexApp.id)).toBe(0);
    expect(received.length).toBe(received0);
  });

  it("an app without an Indeed Apply token has no testing tool", async () => {
    actAs(people.acmeOwner);
    expect(await getIndeedApplyTestTool(people.acmeOwner, oauthApp.id)).toBeNull();
    expect(await sendTestApplicationAction({ appId: oauthApp.id, kind: "signed", url: endpoint, sample: "no-resume", body: "{}" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("malformed input is a validation error, never a crash", async () => {
    actAs(people.acmeOwner);
    for (const input of [null, "x", { appId: "nope", kind: "signed" }, { appId: applyApp.id, kind: "other" }, { appId: applyApp.id, kind: "repeat", sendId: 5 }]) {
      expect(await sendTestApplicationAction(input as never)).toMatchObject({ ok: false, code: "VALIDATION" });
    }
    expect(await verifySignatureAction({ appId: applyApp.id } as never)).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
