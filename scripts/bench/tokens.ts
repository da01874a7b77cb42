// npm run bench:tokens: the Indeed emulator's token endpoint (client credentials) and SEEK's
// partner token endpoint under load, in the same run, against a trivial route handler of the
// same app (GET /api/health) as the baseline, on
// PostgreSQL and the production build. Creates a throwaway database with one OAuth client
// (secret sealed and verified with lib/crypto, like the console stores it), serves a private
// copy of the build with `npm start`'s own script, checks every route answers what we think we
// measure, then loads each from BENCH_CONNECTIONS connections for BENCH_DURATION seconds with
// autocannon and prints requests/s, p50 and p99 of each and its ratio, with PASS/FAIL against
// the goals. Exits non-zero only when the benchmark itself could not run.
//
// Knobs (all optional): BENCH_DATABASE_URL (admin connection, default
// postgresql://postgres@127.0.0.1:5432/test), BENCH_DURATION (s per route, 15),
// BENCH_CONNECTIONS (50), BENCH_WARMUP (s per route before measuring, 3), BENCH_PORT (3400),
// BENCH_TIMEOUT (s for the whole run).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { z } from "zod";
import { newClientId, randomHex } from "../../lib/crypto/random";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { sortKey } from "../../lib/sort";
import { announceLoad, buildNeeded, commonSettings, fmt, runBenchmark, step, table } from "./lifecycle";
import { measureLoad, type Load } from "./load";
import { seedMigrated } from "./seed";
import { reportServerErrors, serveSeeded } from "./server";

/** Issue 16: each token endpoint at ≥ 75% of the trivial route's rate, its p99 at most 1.5× the trivial route's. */
const GOALS = { ratio: 0.75, p99Factor: 1.5 };

const config = z.object(commonSettings({ connections: 50, port: 3400 })).parse(process.env);
const timeLimitS =
  config.BENCH_TIMEOUT ?? 300 + (buildNeeded ? 900 : 0) + 3 * (config.BENCH_DURATION + config.BENCH_WARMUP);

// The key the server encrypts and verifies secrets with; the seed below uses the same one.
const CREDENTIALS_KEY = randomBytes(32).toString("base64");
process.env.CREDENTIALS_KEY = CREDENTIALS_KEY;

interface Target {
  label: string;
  url: string;
  method: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
}

interface Measured extends Load {
  target: Target;
}

/** Seeds a partner, its registrant account with two employers, and an app's OAuth client. */
async function seedClient(url: string) {
  const { newSecretRow } = await import("../../lib/credentials/secret-row");
  return seedMigrated(url, async (prisma) => {
    const partner = await prisma.partner.create({ data: { name: "Bench Recruiting", sortName: sortKey("Bench Recruiting") } });
    const employers = await Promise.all(
      ["Bench Employer One", "Bench Employer Two"].map((name) => prisma.employer.create({ data: { id: randomHex(16), name } })),
    );
    const registrant = await prisma.sandboxAccount.create({
      data: {
        subject: randomHex(8),
        email: "registrant@bench.example",
        name: "Bench Registrant",
        passwordHash: "!unusable",
        partnerId: partner.id,
        employers: { connect: employers.map((e) => ({ id: e.id })) },
      },
    });
    await prisma.partner.update({ where: { id: partner.id }, data: { registrantId: registrant.id } });
    const app = await prisma.app.create({
      data: { partnerId: partner.id, name: "BenchApp-dev", sortName: sortKey("BenchApp-dev"), provider: "INDEED", credentialType: "OAUTH2" },
    });
    const clientId = newClientId();
    const client = await prisma.client.create({
      data: { appId: app.id, clientId, grantTypes: ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"], reviewStatus: "APPROVED" },
    });
    // A revoked and an expired secret beside the live one: authentication checks every active one.
    const secrets = [{}, { revokedAt: new Date() }, { expiresAt: new Date(Date.now() - 1000) }].map((fields) => ({
      ...newSecretRow({ clientId: client.id, label: "bench" }),
      fields,
    }));
    for (const s of secrets) await prisma.clientSecret.create({ data: { ...s.data, ...s.fields } });
    return { clientId, secret: secrets[0]!.value, employerId: employers[0]!.id, seek: await seedSeekCredential(prisma, partner.id) };
  });
}

/** A SEEK app's Playground credential, its secrets stored as the console stores them. */
async function seedSeekCredential(prisma: PrismaClient, partnerId: string) {
  const { newSeekSecretRow } = await import("../../lib/credentials/secret-row");
  const app = await prisma.app.create({
    data: { partnerId, name: "BenchApp-seek", sortName: sortKey("BenchApp-seek"), provider: "SEEK", credentialType: "OAUTH2" },
  });
  const credential = await prisma.seekCredential.create({ data: { appId: app.id, environment: "PLAYGROUND", clientId: newClientId() } });
  // A rotated-out secret whose overlap ended and a revoked one beside the current one.
  const secrets = [{}, { expiresAt: new Date(Date.now() - 1000) }, { revokedAt: new Date() }].map((fields) =>
    newSeekSecretRow({ credentialId: credential.id, ...fields }),
  );
  for (const secret of secrets) await prisma.seekClientSecret.create({ data: secret.data });
  return { clientId: credential.clientId, secret: secrets[0]!.value };
}

async function check(target: Target, expect: (body: Record<string, unknown>) => boolean) {
  const response = await fetch(target.url, { method: target.method, body: target.body, headers: target.headers });
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200 || !expect(body)) {
    throw new Error(`${target.label} answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  console.log(`  ${target.label}: 200 ${JSON.stringify(body).slice(0, 90)}${JSON.stringify(body).length > 90 ? "…" : ""}`);
}

async function load(target: Target, serverPid: number): Promise<Measured> {
  const { url, method, body, headers } = target;
  return { target, ...(await measureLoad({ url, method, body, headers }, config, serverPid)) };
}

async function main() {
  announceLoad("token", "route", config, timeLimitS, "the load generator shares the machine with the server: both routes pay that alike");

  step("Creating the database and an OAuth client");
  const { server, seeded } = await serveSeeded(config, CREDENTIALS_KEY, seedClient);

  const health: Target = { label: "GET /api/health", url: `${server.baseUrl}/api/health`, method: "GET" };
  const token: Target = {
    label: "POST /indeed/oauth/v2/tokens (client_credentials)",
    url: `${server.baseUrl}/indeed/oauth/v2/tokens`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: seeded.clientId,
      client_secret: seeded.secret,
      scope: "employer_access",
      employer: seeded.employerId,
    }).toString(),
  };
  const seekToken: Target = {
    label: "POST /seek/oauth/token (partner token)",
    url: `${server.baseUrl}/seek/oauth/token`,
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "BenchPartnerService/1.0.0" },
    body: JSON.stringify({
      audience: "https://test.graphql.seek.com",
      client_id: seeded.seek.clientId,
      client_secret: seeded.seek.secret,
      grant_type: "client_credentials",
    }),
  };
  step("Checking every route answers what we measure");
  await check(health, (b) => b.status === "ok");
  await check(token, (b) => typeof b.access_token === "string" && b.token_type === "Bearer");
  await check(seekToken, (b) => typeof b.access_token === "string" && b.token_type === "Bearer");

  const measured: Measured[] = [];
  for (const target of [health, token, seekToken]) {
    step(`Loading ${target.label} for ${config.BENCH_DURATION} s`);
    const run = await load(target, server.pid);
    measured.push(run);
    const r = run.result;
    console.log(
      `  ${fmt(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ` +
        `${r.requests.total} requests, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}; ` +
        `server CPU ${fmt(run.cpuMsPerRequest, 2)} ms/request`,
    );
  }
  if (server.exited()) throw new Error(`The server exited during the run:\n${server.logs().slice(-40).join("\n")}`);

  const [base, tok, seekTok] = measured as [Measured, Measured, Measured];
  const ratio = tok.result.requests.average / Math.max(1e-9, base.result.requests.average);
  const seekRatio = seekTok.result.requests.average / Math.max(1e-9, base.result.requests.average);
  const mark = (ok: boolean) => (ok ? "PASS" : "FAIL");
  step("Results");
  table([
    ["Route", "req/s", "p50 ms", "p99 ms", "ratio to trivial", "non-2xx", "errors", "CPU ms/req"],
    ...measured.map((m) => [
      m.target.label,
      fmt(m.result.requests.average),
      String(m.result.latency.p50),
      String(m.result.latency.p99),
      `${fmt((m.result.requests.average / Math.max(1e-9, base.result.requests.average)) * 100)}%`,
      String(m.result.non2xx),
      String(m.result.errors + m.result.timeouts),
      fmt(m.cpuMsPerRequest, 2),
    ]),
  ]);
  step("Summary");
  const p99Bound = GOALS.p99Factor * base.result.latency.p99;
  const p99Row = (label: string, m: Measured) => [
    `${label} p99 ≤ ${GOALS.p99Factor}× the trivial route's (${fmt(p99Bound, 0)} ms)`,
    `${m.result.latency.p99} ms (${fmt(m.result.latency.p99 / Math.max(1, base.result.latency.p99), 2)}×)`,
    mark(m.result.latency.p99 <= p99Bound),
  ];
  table([
    ["Goal", "Measured", "Result"],
    [`token endpoint ≥ ${GOALS.ratio * 100}% of the trivial route's rate`, `${fmt(ratio * 100)}%`, mark(ratio >= GOALS.ratio)],
    p99Row("token endpoint", tok),
    [`SEEK partner token ≥ ${GOALS.ratio * 100}% of the trivial route's rate`, `${fmt(seekRatio * 100)}%`, mark(seekRatio >= GOALS.ratio)],
    p99Row("SEEK partner token", seekTok),
    [
      "no failed requests under load",
      `non-2xx ${measured.reduce((n, m) => n + m.result.non2xx, 0)}, errors ${measured.reduce((n, m) => n + m.result.errors, 0)}`,
      mark(measured.every((m) => m.result.non2xx + m.result.errors === 0)),
    ],
  ]);
  console.log(
    `\n  CPU per request: token endpoint ${fmt(tok.cpuMsPerRequest, 2)} ms, SEEK ${fmt(seekTok.cpuMsPerRequest, 2)} ms, trivial route ` +
      `${fmt(base.cpuMsPerRequest, 2)} ms; machine load average ${fmt(os.loadavg()[0]!, 2)} on ${os.cpus().length} CPUs.`,
  );
  const perCore = tok.result.requests.average / os.cpus().length;
  console.log(
    `\n  ${fmt(perCore)} client-credentials grants/s per CPU (Keycloak's sizing guide assumes 120 per vCPU).`,
  );
  reportServerErrors(server);
}

await runBenchmark(timeLimitS, main);
