// npm run bench:graphql: Indeed's simulated Job Sync API (createSourcedJobPostings, one new job
// per request) under load, against the trivial route (GET /api/health) in the same run, on
// PostgreSQL and the production build, with the lifecycle helpers of bench:tokens. Seeds one app
// whose Job Sync API is Approved, gets a token from the emulator's token endpoint, checks both
// routes answer what we measure, then prints requests/s, p50, p99 and the ratio (goal ≥ 0.3).
// Knobs as bench:tokens (BENCH_DATABASE_URL, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARMUP,
// BENCH_PORT, BENCH_TIMEOUT). The server's rate limit is lifted for the run.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { newClientId } from "../../lib/crypto/random";
import { sortKey } from "../../lib/sort";
import { seedServiceCatalog } from "../../prisma/catalog";
import { exampleJob } from "../../lib/indeed-graphql-testing/examples";
import { announceLoad, buildNeeded, commonSettings, fmt, runBenchmark, step, table } from "./lifecycle";
import { measureLoad, type Load } from "./load";
import { seedMigrated } from "./seed";
import { reportServerErrors, serveSeeded } from "./server";

const GOAL_RATIO = 0.3;

const config = z.object(commonSettings({ connections: 20, port: 3410 })).parse(process.env);
const timeLimitS = config.BENCH_TIMEOUT ?? 300 + (buildNeeded ? 900 : 0) + 2 * (config.BENCH_DURATION + config.BENCH_WARMUP);

const CREDENTIALS_KEY = randomBytes(32).toString("base64");
process.env.CREDENTIALS_KEY = CREDENTIALS_KEY;
// The benchmark measures the API, not its refusals.
process.env.INDEED_GRAPHQL_RATE_LIMIT = "1000000";

const CREATE = `mutation Create($input: CreateSourcedJobPostingsInput) {
  jobsIngest { createSourcedJobPostings(input: $input) { results { jobPosting { sourcedPostingId } } } } }`;

async function seedApp(url: string) {
  const { newSecretRow } = await import("../../lib/credentials/secret-row");
  return seedMigrated(url, async (prisma) => {
    const services = await seedServiceCatalog(prisma);
    const partner = await prisma.partner.create({ data: { name: "Bench Recruiting", sortName: sortKey("Bench Recruiting") } });
    const app = await prisma.app.create({
      data: { partnerId: partner.id, name: "BenchApp-dev", sortName: sortKey("BenchApp-dev"), provider: "INDEED", credentialType: "OAUTH2" },
    });
    await prisma.appService.create({ data: { appId: app.id, serviceId: services.get("job-sync-api")!, status: "APPROVED" } });
    const clientId = newClientId();
    const client = await prisma.client.create({ data: { appId: app.id, clientId, grantTypes: ["CLIENT_CREDENTIALS"] } });
    const secret = newSecretRow({ clientId: client.id, label: "bench" });
    await prisma.clientSecret.create({ data: secret.data });
    return { clientId, secret: secret.value };
  });
}

let sequence = 0;
function jobBody(): string {
  sequence += 1;
  return JSON.stringify({ query: CREATE, variables: { input: { jobPostings: [exampleJob(`BENCH-${sequence}`)] } } });
}

interface Measured extends Load {
  label: string;
}

async function main() {
  announceLoad("GraphQL", "route", config, timeLimitS, "the load generator shares the machine with the server: both routes pay that alike");
  step("Creating the database and an app provisioned for the Job Sync API");
  const { server, seeded } = await serveSeeded(config, CREDENTIALS_KEY, seedApp);

  step("Getting a token and checking both routes answer what we measure");
  const tokenResponse = await fetch(`${server.baseUrl}/indeed/oauth/v2/tokens`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: seeded.clientId, client_secret: seeded.secret, scope: "employer_access" }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token?: string };
  if (!token) throw new Error(`The token endpoint answered ${tokenResponse.status}`);
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const health = await fetch(`${server.baseUrl}/api/health`);
  if (health.status !== 200) throw new Error(`GET /api/health answered ${health.status}`);
  const probe = await fetch(`${server.baseUrl}/indeed/graphql`, { method: "POST", headers, body: jobBody() });
  const answer = (await probe.json()) as { data?: { jobsIngest?: { createSourcedJobPostings?: { results: unknown[] } } }; errors?: unknown };
  if (probe.status !== 200 || answer.errors || !answer.data?.jobsIngest?.createSourcedJobPostings?.results.length) {
    throw new Error(`POST /indeed/graphql answered ${probe.status} ${JSON.stringify(answer).slice(0, 300)}`);
  }
  console.log(`  POST /indeed/graphql: 200 ${JSON.stringify(answer).slice(0, 90)}…`);

  const measured: Measured[] = [];
  const targets = [
    { label: "GET /api/health", options: { url: `${server.baseUrl}/api/health`, method: "GET" as const } },
    {
      label: "POST /indeed/graphql (createSourcedJobPostings, 1 job)",
      options: {
        url: `${server.baseUrl}/indeed/graphql`,
        requests: [{ method: "POST" as const, path: "/indeed/graphql", headers, setupRequest: (request: object) => ({ ...request, body: jobBody() }) }],
      },
    },
  ];
  for (const target of targets) {
    step(`Loading ${target.label} for ${config.BENCH_DURATION} s`);
    const run = { label: target.label, ...(await measureLoad(target.options, config, server.pid)) };
    measured.push(run);
    const r = run.result;
    console.log(
      `  ${fmt(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}; ` +
        `server CPU ${fmt(run.cpuMsPerRequest, 2)} ms/request`,
    );
  }
  if (server.exited()) throw new Error(`The server exited during the run:\n${server.logs().slice(-40).join("\n")}`);
  const [base, api] = measured as [Measured, Measured];
  const ratio = api.result.requests.average / Math.max(1e-9, base.result.requests.average);
  step("Results");
  table([
    ["Route", "req/s", "p50 ms", "p99 ms", "non-2xx", "errors", "CPU ms/req"],
    ...measured.map((m) => [
      m.label,
      fmt(m.result.requests.average),
      String(m.result.latency.p50),
      String(m.result.latency.p99),
      String(m.result.non2xx),
      String(m.result.errors + m.result.timeouts),
      fmt(m.cpuMsPerRequest, 2),
    ]),
  ]);
  step("Summary");
  const failed = api.result.non2xx + api.result.errors + base.result.non2xx + base.result.errors;
  table([
    ["Goal", "Measured", "Result"],
    [`createSourcedJobPostings ≥ ${GOAL_RATIO * 100}% of the trivial route's rate`, `${fmt(ratio * 100)}% (ratio ${fmt(ratio, 2)})`, ratio >= GOAL_RATIO ? "PASS" : "FAIL"],
    ["no failed requests under load", `non-2xx and errors ${failed}`, failed === 0 ? "PASS" : "FAIL"],
  ]);
  reportServerErrors(server);
}

await runBenchmark(timeLimitS, main);
