// Indeed's simulated GraphQL APIs through the route handler, driven by graphql-request (a
// GraphQL client from npm) with tokens from the emulator's own token endpoint.
import { randomBytes } from "node:crypto";
import { ClientError, GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceCatalog } from "../../../../prisma/catalog";
import { useCredentialsKeyForTesting } from "../../../crypto/credentials-key";
import type { ProvisioningStatus } from "../../../generated/prisma/enums";
import { forgetSigningKeysForTesting } from "../../../oauth/signing-keys";
import { useTestDatabase } from "../../../testing/database";
import { ORIGIN, tokenJson } from "../../../testing/token-http";
import { indeedRows, type TestClient } from "../../../testing/token-rows";
import { graphqlEndpoint, MAX_BODY_BYTES, SIMULATED_MESSAGE, type EndpointOptions } from "./endpoint";
import { PRUNE_EVERY, RETENTION } from "./store";
import { MESSAGES } from "./validation";

// The server's pool size, so that concurrent requests run as concurrently as they do there.
const t = useTestDatabase({ poolSize: 10 });
const indeed = indeedRows(() => t.prisma);
const URL_ = `${ORIGIN}/indeed/graphql`;

// GraphQL answers and job inputs are free-form JSON here, checked field by field with expect.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let services: Map<string, string>;

beforeAll(async () => {
  useCredentialsKeyForTesting(randomBytes(32));
  forgetSigningKeysForTesting();
  services = await seedServiceCatalog(t.prisma);
});

afterAll(() => {
  useCredentialsKeyForTesting(undefined);
  forgetSigningKeysForTesting();
});

type Statuses = Partial<Record<"job-sync-api" | "disposition-sync-api" | "employer-data-api", ProvisioningStatus>>;

const ALL_OPEN: Statuses = { "job-sync-api": "APPROVED", "employer-data-api": "NONE", "disposition-sync-api": "REVIEW_IN_PROGRESS" };

async function app(statuses: Statuses = ALL_OPEN, partnerId?: string) {
  const partner = partnerId ?? (await t.rows.partner()).id;
  const client = await indeed.client(partner, { grantTypes: ["CLIENT_CREDENTIALS"] });
  for (const [slug, status] of Object.entries(statuses)) await t.rows.appService(client.appId, services.get(slug)!, status);
  return client;
}

async function tokenFor(client: TestClient, scope = "employer_access"): Promise<string> {
  const { status, body } = await tokenJson({
    params: { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret, scope },
  });
  expect(status).toBe(200);
  return body.access_token as string;
}

function graphql(token: string | null, options: EndpointOptions = {}) {
  return new GraphQLClient(URL_, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    errorPolicy: "all",
    fetch: (input, init) => graphqlEndpoint(new Request(input as string, init), options),
  });
}

async function post(body: string, headers: Record<string, string> = {}, token?: string, method = "POST") {
  const request = new Request(URL_, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: method === "GET" ? undefined : body,
  });
  const response = await graphqlEndpoint(request, { perMinute: 10_000 });
  return { status: response.status, headers: response.headers, json: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string }; path?: unknown[] }[] } };
}

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSourcedJobPostingsInput) {
    jobsIngest { createSourcedJobPostings(input: $input) { results { jobPosting { sourcedPostingId jobPostingId status } } } }
  }`;

const EXPIRE = /* GraphQL */ `
  mutation Expire($input: ExpireSourcedJobsBySourcedPostingIdInput!) {
    jobsIngest { expireSourcedJobsBySourcedPostingId(input: $input) { results { trackingKey } } }
  }`;

const STATUS = /* GraphQL */ `
  query Status($ids: [ID!]!) {
    jobsIngest { sourcedJobPostingsBySourcedPostingId(input: {sourcedPostingIds: $ids}) { results { jobPosting { sourcedPostingId status expiredAt } } } }
  }`;

const SEND = /* GraphQL */ `
  mutation Send($input: PartnerDispositionSendInput!) {
    partnerDisposition { send(input: $input) { numberGoodDispositions failedDispositions { identifiedBy { indeedApplyID ittk } rationale } } }
  }`;

const PATCH = /* GraphQL */ `
  mutation Patch($input: PatchEmployerInput!) { patchEmployer(input: $input) { attributeUpdated } }`;

function job(id: string, change: (j: Record<string, Loose>) => void = () => {}) {
  const value: Record<string, Loose> = {
    body: {
      title: "Warehouse associate",
      description: "Pick, pack and ship orders.",
      descriptionFormatting: "TEXT",
      location: { country: "US", cityRegionPostal: "Austin, TX 78701" },
      benefits: [],
      salary: { currency: "USD", minimumMinor: 1_800_00, maximumMinor: 2_200_00, period: "HOUR" },
    },
    metadata: {
      jobSource: { companyName: "Acme", sourceName: "Acme ATS", sourceType: "Employer" },
      jobPostingId: id,
      datePublished: "2026-11-30T09:00:00Z",
      url: `https://jobs.acme.example/${id}`,
    },
  };
  change(value);
  return value;
}

type Payload = Record<string, Loose>;

async function create(client: GraphQLClient, jobs: Payload[]) {
  return client.rawRequest<Payload>(CREATE, { input: { jobPostings: jobs } });
}

describe("Job Sync", () => {
  it("creates, upserts by jobPostingId + sourceName, expires and reactivates jobs, and reads their status", async () => {
    const client = graphql(await tokenFor(await app()));
    const first = await create(client, [job("J-1")]);
    expect(first.errors).toBeUndefined();
    expect(first.data._simulatedMessage).toBe(SIMULATED_MESSAGE);
    const posted = first.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting;
    expect(posted).toMatchObject({ jobPostingId: "J-1", status: "ACTIVE", sourcedPostingId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const again = await create(client, [job("J-1", (j) => (j.body.title = "Senior warehouse associate"))]);
    expect(again.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting.sourcedPostingId).toBe(posted.sourcedPostingId);
    const other = await create(client, [job("J-1", (j) => (j.metadata.jobSource.sourceName = "Other board"))]);
    expect(other.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting.sourcedPostingId).not.toBe(posted.sourcedPostingId);

    const expired = await client.rawRequest<Payload>(EXPIRE, { input: { jobs: [{ sourcedPostingId: posted.sourcedPostingId }] } });
    const trackingKey = expired.data.jobsIngest.expireSourcedJobsBySourcedPostingId.results[0].trackingKey;
    expect(trackingKey).toMatch(/^[0-9a-f-]{36}$/);
    const status = await client.rawRequest<Payload>(STATUS, { ids: [posted.sourcedPostingId] });
    expect(status.data.jobsIngest.sourcedJobPostingsBySourcedPostingId.results[0].jobPosting).toMatchObject({ status: "EXPIRED", expiredAt: expect.any(String) });

    const reactivated = await create(client, [job("J-1")]);
    expect(reactivated.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting).toMatchObject({
      sourcedPostingId: posted.sourcedPostingId,
      status: "ACTIVE",
    });
  });

  it("no longer reactivates a job expired more than 30 days ago", async () => {
    const test = await app();
    const client = graphql(await tokenFor(test));
    const first = await create(client, [job("OLD-1")]);
    const id = first.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting.sourcedPostingId;
    await t.prisma.indeedJobPosting.update({ where: { id }, data: { status: "EXPIRED", expiredAt: new Date(Date.now() - 31 * 86_400_000) } });
    const again = await create(client, [job("OLD-1")]);
    expect(again.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting).toBeNull();
    expect(again.errors?.[0]?.message).toContain("more than 30 days ago");
  });

  it("rejects a bad job alone: jobPosting null with its error at that path, the others accepted", async () => {
    const client = graphql(await tokenFor(await app()));
    const result = await create(client, [
      job("OK-1"),
      job("BAD-1", (j) => (j.body.salary.maximumMinor = 100)),
      job("OK-2"),
    ]);
    const results = result.data.jobsIngest.createSourcedJobPostings.results;
    expect(results[0].jobPosting.jobPostingId).toBe("OK-1");
    expect(results[1].jobPosting).toBeNull();
    expect(results[2].jobPosting.jobPostingId).toBe("OK-2");
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      message: MESSAGES.salaryRange,
      path: ["jobsIngest", "createSourcedJobPostings", "results", 1, "jobPosting"],
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  const invalid: [string, (j: Record<string, Loose>) => void, string][] = [
    ["salary maximum below minimum", (j) => (j.body.salary.maximumMinor = 1), MESSAGES.salaryRange],
    ["invalid datetime", (j) => (j.metadata.datePublished = "30/11/2026"), "Invalid datetime format"],
    ["impossible date", (j) => (j.metadata.datePublished = "2026-02-31T10:00:00Z"), "Invalid datetime format"],
    ["invalid country code", (j) => (j.body.location.country = "XX"), "Invalid country code"],
    ["lower-case country code", (j) => (j.body.location.country = "us"), "Invalid country code"],
    ["invalid currency code", (j) => (j.body.salary.currency = "DOLLARS"), "Invalid currency code"],
    ["description over 65,000 bytes", (j) => (j.body.description = "é".repeat(32_501)), MESSAGES.stringLength],
    ["title too long", (j) => (j.body.title = "x".repeat(501)), MESSAGES.stringLength],
    ["empty title", (j) => (j.body.title = "  "), "title must not be empty"],
    ["non-HTTPS postUrl", (j) => (j.applyMethod = { indeedApply: { postUrl: "http://ats.example/apply" } }), "must be an HTTPS URL"],
    ["unknown sourceType", (j) => (j.metadata.jobSource.sourceType = "Recruiter"), "sourceType must be one of"],
    ["relative url", (j) => (j.metadata.url = "/jobs/1"), "url must be an absolute"],
    ["employer that does not exist", (j) => (j.metadata.jobSource.employerIds = [{ type: "placeholder", id: "nope" }]), "employerIds"],
  ];
  it.each(invalid)("rejects a job with %s", async (_name, change, message) => {
    const client = graphql(await tokenFor(await app()));
    const result = await create(client, [job("V-1", change)]);
    expect(result.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting).toBeNull();
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(result.errors?.[0]?.message).toContain(message);
  });

  it("rejects required fields that are missing (benefits) as BAD_USER_INPUT, before anything runs", async () => {
    const client = graphql(await tokenFor(await app()));
    const result = await create(client, [job("R-1", (j) => delete j.body.benefits)]);
    expect(result.data).toEqual({ _simulatedMessage: SIMULATED_MESSAGE });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(result.errors?.[0]?.message).toContain("benefits");
  });

  it("refuses duplicate jobs and more than 100 jobs in a request, storing none", async () => {
    const test = await app();
    const client = graphql(await tokenFor(test));
    const duplicate = await create(client, [job("D-1"), job("D-1")]);
    expect(duplicate.data.jobsIngest.createSourcedJobPostings).toBeNull();
    expect(duplicate.errors?.[0]).toMatchObject({ message: MESSAGES.duplicateJobs, extensions: { code: "BAD_USER_INPUT" } });
    const many = await create(client, Array.from({ length: 101 }, (_, i) => job(`M-${i}`)));
    expect(many.errors?.[0]?.message).toContain("at most 100");
    expect(await t.prisma.indeedJobPosting.count({ where: { clientId: test.id } })).toBe(0);
  });

  it("accepts 100 jobs in a request", async () => {
    const client = graphql(await tokenFor(await app()));
    const result = await create(client, Array.from({ length: 100 }, (_, i) => job(`H-${i}`)));
    expect(result.errors).toBeUndefined();
    expect(result.data.jobsIngest.createSourcedJobPostings.results).toHaveLength(100);
  });

  it("answers NOT_FOUND for expiring a job of another client", async () => {
    const mine = graphql(await tokenFor(await app()));
    const theirs = graphql(await tokenFor(await app()));
    const posted = await create(theirs, [job("T-1")]);
    const id = posted.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting.sourcedPostingId;
    const result = await mine.rawRequest<Payload>(EXPIRE, { input: { jobs: [{ sourcedPostingId: id }, { sourcedPostingId: "not-a-uuid" }] } });
    expect(result.data.jobsIngest.expireSourcedJobsBySourcedPostingId.results).toEqual([{ trackingKey: null }, { trackingKey: null }]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    const status = await mine.rawRequest<Payload>(STATUS, { ids: [id] });
    expect(status.data.jobsIngest.sourcedJobPostingsBySourcedPostingId.results[0].jobPosting).toBeNull();
  });
});

describe("concurrent requests of one client", () => {
  it("all succeed, and the client's stored jobs and requests stay within their bound", async () => {
    const test = await app();
    const client = graphql(await tokenFor(test), { perMinute: 10_000 });
    // A client past its bounds by a batch (as pruning in batches leaves it), so that the
    // requests below prune overlapping sets of rows at once.
    const old = new Date(Date.now() - 86_400_000);
    const seeded = await t.prisma.indeedGraphqlRequest.create({ data: { clientId: test.id, query: "seed", createdAt: old }, select: { id: true } });
    await t.prisma.indeedGraphqlRequest.createMany({
      data: Array.from({ length: RETENTION.requests + PRUNE_EVERY }, (_, i) => ({ clientId: test.id, query: "seed", createdAt: new Date(old.getTime() + i) })),
    });
    await t.prisma.indeedJobPosting.createMany({
      data: Array.from({ length: RETENTION.jobs + PRUNE_EVERY }, (_, i) => ({
        clientId: test.id,
        sourceName: "Acme ATS",
        jobPostingId: `SEED-${i}`,
        title: "Seeded",
        posting: {},
        requestId: seeded.id,
        updatedAt: new Date(old.getTime() + i),
      })),
    });
    const parallel = 30;
    const answers = await Promise.all(Array.from({ length: parallel }, (_, i) => create(client, [job(`PAR-${i}`)])));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.jobsIngest.createSourcedJobPostings.results[0].jobPosting).toMatchObject({ status: "ACTIVE" });
    }
    const where = { clientId: test.id };
    expect(await t.prisma.indeedJobPosting.count({ where: { ...where, jobPostingId: { startsWith: "PAR-" } } })).toBe(parallel);
    expect(await t.prisma.indeedJobPosting.count({ where })).toBeLessThan(RETENTION.jobs + PRUNE_EVERY);
    expect(await t.prisma.indeedGraphqlRequest.count({ where })).toBeLessThan(RETENTION.requests + PRUNE_EVERY);
    // The oldest went first.
    expect(await t.prisma.indeedJobPosting.count({ where: { ...where, jobPostingId: "SEED-0" } })).toBe(0);
  });
});

describe("pruning", () => {
  it("keeps exactly the newest rows, equal timestamps ordered by id", async () => {
    const test = await app();
    const client = graphql(await tokenFor(test));
    const over = 10;
    // Pairs of rows share a timestamp, so which of a pair survives is decided by id.
    const old = new Date(Date.now() - 86_400_000);
    await t.prisma.indeedGraphqlRequest.createMany({
      data: Array.from({ length: RETENTION.requests + over }, (_, i) => ({ clientId: test.id, query: `seed ${i}`, createdAt: new Date(old.getTime() + Math.floor(i / 2)) })),
    });
    const newestFirst = await t.prisma.indeedGraphqlRequest.findMany({
      where: { clientId: test.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    // The first write this process sees for a client prunes at once.
    const answer = await create(client, [job("PRUNE-1")]);
    expect(answer.errors).toBeUndefined();
    const left = await t.prisma.indeedGraphqlRequest.findMany({
      where: { clientId: test.id, query: { startsWith: "seed " } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(await t.prisma.indeedGraphqlRequest.count({ where: { clientId: test.id } })).toBe(RETENTION.requests);
    expect(left.map(({ id }) => id)).toEqual(newestFirst.slice(0, RETENTION.requests - 1).map(({ id }) => id));
  });
});

describe("Disposition Sync", () => {
  it("counts good dispositions and returns each failed one with its rationale", async () => {
    const test = await app();
    const client = graphql(await tokenFor(test));
    const result = await client.rawRequest<Payload>(SEND, {
      input: {
        dispositions: [
          { identifiedBy: { indeedApplyID: "apply-1" }, dispositionStatus: "INTERVIEW", rawDispositionStatus: "Phone screen", atsName: "Acme ATS", statusChangeDateTime: "2026-11-30T10:00:00Z" },
          { identifiedBy: { indeedApplyID: "apply-2", ittk: "tk" }, dispositionStatus: "HIRED", rawDispositionStatus: "Hired", atsName: "Acme ATS", statusChangeDateTime: "2026-11-30T11:00:00Z" },
          { identifiedBy: { ittk: "tk-3" }, dispositionStatus: "NEW", rawDispositionStatus: "New", atsName: "Acme ATS", statusChangeDateTime: "yesterday" },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.partnerDisposition.send).toEqual({
      numberGoodDispositions: 1,
      failedDispositions: [
        { identifiedBy: { indeedApplyID: "apply-2", ittk: "tk" }, rationale: MESSAGES.dispositionIdentifier },
        { identifiedBy: { indeedApplyID: null, ittk: "tk-3" }, rationale: MESSAGES.statusChangeDateTime },
      ],
    });
    const stored = await t.prisma.indeedDisposition.findMany({ where: { clientId: test.id }, select: { rationale: true, requestId: true } });
    expect(stored).toHaveLength(3);
    expect(stored.every((d) => d.requestId)).toBe(true);
  });

  it("refuses more than 25 dispositions in a request", async () => {
    const client = graphql(await tokenFor(await app()));
    const d = { identifiedBy: { indeedApplyID: "a" }, dispositionStatus: "NEW", rawDispositionStatus: "New", atsName: "ATS", statusChangeDateTime: "2026-11-30T10:00:00Z" };
    const result = await client.rawRequest<Payload>(SEND, { input: { dispositions: Array.from({ length: 26 }, () => d) } });
    expect(result.data.partnerDisposition.send).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ message: "A request can contain at most 25 dispositions", extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("Employer Data", () => {
  it("creates and updates an employer by {type, id}; jobs can then name it; another client of the partner is FORBIDDEN", async () => {
    const partner = await t.rows.partner("Ümlaut Staffing & Co");
    const owner = await app(ALL_OPEN, partner.id);
    const client = graphql(await tokenFor(owner));
    const type = "umlaut-staffing-co";
    const created = await client.rawRequest<Payload>(PATCH, { input: { id: { type, id: "E-1" }, employerName: "Umlaut Coffee" } });
    expect(created.errors).toBeUndefined();
    expect(created.data.patchEmployer).toEqual({ attributeUpdated: true });
    const same = await client.rawRequest<Payload>(PATCH, { input: { id: { type, id: "E-1" }, employerName: "Umlaut Coffee" } });
    expect(same.data.patchEmployer).toEqual({ attributeUpdated: false });
    const renamed = await client.rawRequest<Payload>(PATCH, {
      input: { id: { type, id: "E-1" }, employerName: "Umlaut Coffee Roasters", employerAttributes: [{ key: "website", value: "https://umlaut.example" }] },
    });
    expect(renamed.data.patchEmployer).toEqual({ attributeUpdated: true });
    expect(await t.prisma.indeedEmployer.findFirst({ where: { type, externalId: "E-1" }, select: { name: true } })).toEqual({ name: "Umlaut Coffee Roasters" });

    const posted = await create(client, [job("E-JOB", (j) => (j.metadata.jobSource.employerIds = [{ type, id: "E-1" }]))]);
    expect(posted.errors).toBeUndefined();
    const missing = await create(client, [job("E-JOB-2", (j) => (j.metadata.jobSource.employerIds = [{ type, id: "E-404" }]))]);
    expect(missing.errors?.[0]?.message).toContain("create it with patchEmployer first");

    const sibling = graphql(await tokenFor(await app(ALL_OPEN, partner.id)));
    const touched = await sibling.rawRequest<Payload>(PATCH, { input: { id: { type, id: "E-1" }, employerName: "Hijacked" } });
    expect(touched.data.patchEmployer).toBeNull();
    expect(touched.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN" });
  });

  it("checks the type and Indeed's rules for employer names", async () => {
    const client = graphql(await tokenFor(await app()));
    const other = await client.rawRequest<Payload>(PATCH, { input: { id: { type: "someone-else", id: "E" }, employerName: "Fine" } });
    expect(other.errors?.[0]?.message).toContain("must be your employerIdType");
    const type = other.errors![0]!.message.match(/employerIdType "([^"]+)"/)![1]!;
    for (const [employerName, message] of [
      ["x".repeat(256), MESSAGES.stringLength],
      ["Mail jobs@acme.example", "email address"],
      ["Store 12345678", "8 or more consecutive digits"],
    ] as const) {
      const result = await client.rawRequest<Payload>(PATCH, { input: { id: { type, id: "E" }, employerName } });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
      expect(result.errors?.[0]?.message).toContain(message);
    }
  });
});

describe("authorization by provisioning", () => {
  const cases: [string, Statuses, boolean, boolean][] = [
    // [what, statuses, Job Sync open, Disposition Sync open]
    ["Provisioning in progress", { "job-sync-api": "PROVISIONING_IN_PROGRESS", "disposition-sync-api": "APPROVED" }, false, false],
    ["Pending review", { "job-sync-api": "PENDING_REVIEW", "disposition-sync-api": "PENDING_REVIEW" }, true, true],
    ["Review in progress", { "job-sync-api": "REVIEW_IN_PROGRESS", "disposition-sync-api": "REVIEW_IN_PROGRESS" }, true, true],
    ["Approved", { "job-sync-api": "APPROVED", "disposition-sync-api": "APPROVED" }, true, true],
    ["Rejected", { "job-sync-api": "REJECTED", "disposition-sync-api": "APPROVED" }, false, false],
    ["None", { "job-sync-api": "NONE", "disposition-sync-api": "NONE" }, true, true],
    ["absent", {}, false, false],
    ["Disposition Sync without Job Sync", { "disposition-sync-api": "APPROVED" }, false, false],
    ["Job Sync without Disposition Sync", { "job-sync-api": "APPROVED" }, true, false],
    ["Disposition Sync rejected", { "job-sync-api": "APPROVED", "disposition-sync-api": "REJECTED" }, true, false],
  ];
  it.each(cases)("%s", async (_name, statuses, jobSync, dispositionSync) => {
    const client = graphql(await tokenFor(await app(statuses)));
    const jobs = await create(client, [job("P-1")]);
    const sent = await client.rawRequest<Payload>(SEND, {
      input: { dispositions: [{ identifiedBy: { indeedApplyID: "a" }, dispositionStatus: "NEW", rawDispositionStatus: "New", atsName: "ATS", statusChangeDateTime: "2026-11-30T10:00:00Z" }] },
    });
    const forbidden = { message: "Client is not authorized.", extensions: { code: "FORBIDDEN" } };
    if (jobSync) expect(jobs.errors).toBeUndefined();
    else {
      expect(jobs.data).toEqual({ jobsIngest: null, _simulatedMessage: SIMULATED_MESSAGE });
      expect(jobs.errors).toEqual([{ ...forbidden, path: ["jobsIngest"], locations: expect.any(Array) }]);
    }
    if (dispositionSync) expect(sent.data.partnerDisposition.send.numberGoodDispositions).toBe(1);
    else expect(sent.errors?.[0]).toMatchObject({ ...forbidden, path: ["partnerDisposition"] });
  });

  it("sees a status an admin moved between two requests", async () => {
    const test = await app({ "job-sync-api": "REVIEW_IN_PROGRESS" });
    const client = graphql(await tokenFor(test));
    expect((await create(client, [job("S-1")])).errors).toBeUndefined();
    await t.prisma.appService.updateMany({ where: { appId: test.appId }, data: { status: "REJECTED" } });
    expect((await create(client, [job("S-1")])).errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN" });
    await t.prisma.appService.updateMany({ where: { appId: test.appId }, data: { status: "REVIEW_IN_PROGRESS" } });
    expect((await create(client, [job("S-1")])).errors).toBeUndefined();
  });

  it("requires a valid client-credentials token with employer_access: UNAUTHENTICATED otherwise", async () => {
    const test = await app();
    for (const token of [null, "not.a.jwt", await tokenFor(test, "")]) {
      const result = await create(graphql(token), [job("U-1")]);
      expect(result.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
      expect(result.data).toEqual({ _simulatedMessage: SIMULATED_MESSAGE });
    }
    expect(await t.prisma.indeedJobPosting.count({ where: { clientId: test.id } })).toBe(0);
  });

  it("keeps each client's records to itself", async () => {
    const a = await app();
    const b = await app();
    const clientA = graphql(await tokenFor(a));
    await create(clientA, [job("ISO-1")]);
    await create(graphql(await tokenFor(b)), [job("ISO-1")]);
    const rows = await t.prisma.indeedJobPosting.findMany({ where: { jobPostingId: "ISO-1", clientId: { in: [a.id, b.id] } }, select: { id: true, clientId: true } });
    expect(rows).toHaveLength(2);
    const theirs = rows.find((r) => r.clientId === b.id)!;
    const status = await clientA.rawRequest<Payload>(STATUS, { ids: [theirs.id] });
    expect(status.data.jobsIngest.sourcedJobPostingsBySourcedPostingId.results).toEqual([{ jobPosting: null }]);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-client limit of a rolling minute, and frees up as the minute rolls", async () => {
    const test = await app();
    const token = await tokenFor(test);
    let now = new Date("2026-12-01T12:00:00Z");
    const client = graphql(token, { perMinute: 3, now: () => now });
    for (let i = 0; i < 3; i += 1) expect((await create(client, [job(`RL-${i}`)])).errors).toBeUndefined();
    const refused = await graphqlEndpoint(
      new Request(URL_, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ __typename }" }) }),
      { perMinute: 3, now: () => now },
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    await expect(create(client, [job("RL-4")])).rejects.toBeInstanceOf(ClientError);
    // Another client has its own window.
    expect((await create(graphql(await tokenFor(await app()), { perMinute: 3, now: () => now }), [job("RL-0")])).errors).toBeUndefined();
    now = new Date(now.getTime() + 60_001);
    expect((await create(client, [job("RL-5")])).errors).toBeUndefined();
  });

  async function hit(token: string, perMinute: number, at: Date) {
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    const response = await graphqlEndpoint(request, { perMinute, now: () => at });
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  }

  it("counts the minute second by second: Retry-After names when the oldest hits stop counting", async () => {
    const token = await tokenFor(await app());
    const start = Date.parse("2026-12-01T12:00:00.250Z");
    const at = (s: number) => new Date(start + s * 1000);
    for (const s of [0, 10, 20]) expect((await hit(token, 3, at(s))).status).toBe(200);
    expect(await hit(token, 3, at(30))).toEqual({ status: 429, retryAfter: "30" });
    // The hit at 0 s stops counting when the minute has rolled past its second.
    expect(await hit(token, 3, at(59.5))).toEqual({ status: 429, retryAfter: "1" });
    expect((await hit(token, 3, at(60))).status).toBe(200);
    expect(await hit(token, 3, at(61))).toEqual({ status: 429, retryAfter: "9" });
    // A refused request is not counted: once the hits at 10 s and 20 s have gone, two fit.
    expect((await hit(token, 3, at(80))).status).toBe(200);
    expect((await hit(token, 3, at(80))).status).toBe(200);
    expect(await hit(token, 3, at(80))).toEqual({ status: 429, retryAfter: "40" });
  });

  it("holds the limit when a client's requests arrive at once", async () => {
    const token = await tokenFor(await app());
    const at = new Date("2026-12-01T12:00:00Z");
    const answers = await Promise.all(Array.from({ length: 24 }, () => hit(token, 7, at)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(7);
    expect(answers.filter((a) => a.status === 429 && a.retryAfter === "60")).toHaveLength(17);
  });

  it("keeps at most a minute of a client's seconds", async () => {
    const test = await app();
    const token = await tokenFor(test);
    const start = Date.parse("2026-12-01T12:00:00Z");
    for (let s = 0; s < 90; s += 3) expect((await hit(token, 1_000, new Date(start + s * 1000))).status).toBe(200);
    const seconds = await t.prisma.indeedGraphqlHits.findMany({ where: { clientId: test.id }, orderBy: { second: "asc" } });
    expect(seconds.map((r) => Number(r.second) - start / 1000)).toEqual(Array.from({ length: 20 }, (_, i) => 30 + 3 * i));
  });
});

describe("requests that are not GraphQL requests, and query limits", () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(await app());
  });

  it("refuses a GET with 405 and Allow: POST", async () => {
    const { status, headers, json } = await post("", {}, token, "GET");
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("POST");
    expect(json.errors?.[0]?.extensions.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("refuses malformed JSON, a body without a query and another media type with a clear 4xx", async () => {
    expect((await post("{not json", {}, token)).status).toBe(400);
    expect((await post(JSON.stringify({ variables: {} }), {}, token)).json.errors?.[0]?.message).toBe("The request has no query.");
    expect((await post(JSON.stringify([1]), {}, token)).status).toBe(400);
    expect((await post("query=x", { "content-type": "application/x-www-form-urlencoded" }, token)).status).toBe(415);
  });

  it("refuses an oversized body with 413, by its declared length and by what arrives", async () => {
    const declared = await post("{}", { "content-length": String(MAX_BODY_BYTES + 1) }, token);
    expect(declared.status).toBe(413);
    const huge = JSON.stringify({ query: "{ __typename }", variables: { x: "a".repeat(MAX_BODY_BYTES) } });
    const sent = await post(huge, {}, token);
    expect(sent.status).toBe(413);
    expect(sent.json.errors?.[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers a syntax error as GRAPHQL_PARSE_FAILED and an unknown field as a validation error", async () => {
    const syntax = await post(JSON.stringify({ query: "mutation { jobsIngest { " }), {}, token);
    expect(syntax.status).toBe(200);
    expect(syntax.json.errors?.[0]?.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(syntax.json.data).toEqual({ _simulatedMessage: SIMULATED_MESSAGE });
    const unknown = await post(JSON.stringify({ query: "{ jobsIngest { nope } }" }), {}, token);
    expect(unknown.json.errors?.[0]).toMatchObject({ message: 'Cannot query field "nope" on type "JobsIngestQuery".', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  });

  it("answers introspection", async () => {
    const { json } = await post(JSON.stringify({ query: "{ __schema { mutationType { fields { name } } } }" }), {}, token);
    expect((json.data as Loose).__schema.mutationType.fields.map((f: { name: string }) => f.name)).toEqual(["jobsIngest", "partnerDisposition", "patchEmployer"]);
  });

  it("bounds deep, wide and huge queries with a GraphQL error, quickly", async () => {
    const started = Date.now();
    const deep = `{ ${"__schema { types { fields { type { ofType { ".repeat(4)}name${" } } } } }".repeat(4)} }`;
    const deepAnswer = await post(JSON.stringify({ query: deep }), {}, token);
    expect(deepAnswer.status).toBe(200);
    expect(deepAnswer.json.errors?.[0]?.message).toContain("nested more than");
    const wide = `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect((await post(JSON.stringify({ query: wide }), {}, token)).json.errors?.[0]?.message).toContain("more than 500 fields");
    const fragments = `query { ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { a: __typename ${i < 29 ? `...F${i + 1} ...F${i + 1}` : ""} }`).join(" ")}`;
    const bomb = await post(JSON.stringify({ query: fragments }), {}, token);
    expect(bomb.json.errors?.map((e) => e.message).join(" ")).toContain("more than 500 fields");
    const tokens = `{ ${"__typename ".repeat(6000)} }`;
    expect((await post(JSON.stringify({ query: tokens }), {}, token)).json.errors?.[0]?.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses NUL characters instead of failing in the database", async () => {
    const inVariables = await post(JSON.stringify({ query: CREATE, variables: { input: { jobPostings: [job("N\u0000UL")] } } }), {}, token);
    expect(inVariables.status).toBe(400);
    const inLiteral = await post(JSON.stringify({ query: '{ jobsIngest { sourcedJobPostingsBySourcedPostingId(input: {sourcedPostingIds: ["a\\u0000"]}) { results { jobPosting { status } } } } }' }), {}, token);
    expect(inLiteral.json.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});
