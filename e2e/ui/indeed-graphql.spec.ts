// Indeed's simulated GraphQL APIs end to end: a job posted through the Job Sync testing tool in
// Chromium shows up in the tool's list; graphql-request (a GraphQL client from npm), with a token
// from the emulator's token endpoint, creates, upserts and expires jobs, sends dispositions and
// patches an employer against the running app. Every provisioning status, the rate limit and
// cross-partner isolation are proven against the route handler in
// lib/providers/indeed/graphql/graphql.int.test.ts.
import { GraphQLClient } from "graphql-request";
import * as oauth from "oauth4webapi";
import { DEMO_USERS, expect, signIn, test } from "../fixtures";
import { demoIndeedClient, revokeDemoSecret } from "../indeed-client";

const insecure = { [oauth.allowInsecureRequests]: true };

async function openTestingTool(page: import("@playwright/test").Page, app: string, service: string) {
  await page.goto("/dashboard");
  await page.getByRole("main").getByRole("link", { name: app, exact: true }).click();
  await page.getByRole("link", { name: `Testing tool for the ${service}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${service} testing tool` })).toBeVisible();
}

test("a job posted through the Job Sync testing tool is listed with the request that created it", async ({ page }) => {
  await signIn(page, DEMO_USERS.owner);
  await openTestingTool(page, "AceRecruitersApp-dev", "Job Sync API");
  await expect(page.getByText(/Secret used for tokens/)).toBeVisible();
  await expect(page.getByText("acme-recruiting", { exact: true })).toBeVisible();
  // The editor is CodeMirror with the schema (loaded on this page only).
  await expect(page.getByTestId("graphql-editor").locator(".cm-content")).toContainText("createSourcedJobPostings");

  const jobPostingId = `E2E-${Date.now().toString(36)}`;
  const variables = page.getByLabel("Variables (JSON)");
  await variables.fill((await variables.inputValue()).replace("REQ-1001", jobPostingId));
  await page.getByRole("button", { name: "Send request" }).click();
  const body = page.getByLabel("Response body");
  await expect(body).toContainText(`"jobPostingId": "${jobPostingId}"`);
  await expect(body).toContainText('"status": "ACTIVE"');
  await expect(body).toContainText('"_simulatedMessage": "This is a simulated response"');
  await expect(page.getByRole("button", { name: "Copy as curl" })).toBeVisible();

  const row = page.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: jobPostingId });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("CreateSourcedJobPostings");

  // Bad input gets Indeed's message next to the job, not a crash.
  await variables.fill((await variables.inputValue()).replace('"maximumMinor": 2200', '"maximumMinor": 1'));
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(body).toContainText("Maximum amount cannot be less than minimum amount");
  await expect(body).toContainText('"code": "BAD_USER_INPUT"');

  await page.getByLabel("Variables (JSON)").fill("[1, 2");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText(/Variables must be a JSON object/)).toBeVisible();
});

test("viewers see what the app sent but cannot send", async ({ page }) => {
  await signIn(page, DEMO_USERS.viewer);
  await openTestingTool(page, "AceRecruitersApp-dev", "Disposition Sync API");
  await expect(page.getByRole("heading", { name: "What this app has sent" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send request" })).toBeDisabled();
  await expect(page.getByText("Viewers can read what the app has sent, but cannot send requests.")).toBeVisible();
});

test("graphql-request with an emulator token creates, upserts and expires jobs, sends dispositions and patches an employer", async ({ page, baseURL }) => {
  const demo = await demoIndeedClient(page, "graphql");
  const issuer = new URL(`${baseURL}/indeed`);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecure }));
  const client: oauth.Client = { client_id: demo.clientId };
  const tokens = await oauth.processClientCredentialsResponse(
    as,
    client,
    await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(demo.secret), { scope: "employer_access" }, insecure),
  );
  const api = new GraphQLClient(`${baseURL}/indeed/graphql`, { headers: { authorization: `Bearer ${tokens.access_token}` }, errorPolicy: "all" });
  const suffix = Date.now().toString(36);

  const employer = { type: "acme-recruiting", id: `E2E-EMP-${suffix}` };
  const patch = `mutation($input: PatchEmployerInput!) { patchEmployer(input: $input) { attributeUpdated } }`;
  const created = await api.rawRequest<{ patchEmployer: { attributeUpdated: boolean } }>(patch, { input: { id: employer, employerName: "E2E Logistics" } });
  expect(created.errors).toBeUndefined();
  expect(created.data.patchEmployer.attributeUpdated).toBe(true);
  const updated = await api.rawRequest<{ patchEmployer: { attributeUpdated: boolean } }>(patch, { input: { id: employer, employerName: "E2E Logistics Ltd" } });
  expect(updated.data.patchEmployer.attributeUpdated).toBe(true);

  const create = `mutation($input: CreateSourcedJobPostingsInput) { jobsIngest { createSourcedJobPostings(input: $input) {
    results { jobPosting { sourcedPostingId title status } } } } }`;
  const job = (title: string) => ({
    body: { title, description: "Drive forklifts.", descriptionFormatting: "TEXT", location: { country: "GB", cityRegionPostal: "Leeds" }, benefits: [] },
    metadata: {
      jobSource: { companyName: "E2E Logistics", sourceName: "E2E ATS", sourceType: "Employer", employerIds: [employer] },
      jobPostingId: `E2E-JOB-${suffix}`,
      datePublished: "2026-12-01T08:00:00+01:00",
      url: "https://jobs.example.com/e2e",
    },
  });
  type Created = { jobsIngest: { createSourcedJobPostings: { results: { jobPosting: { sourcedPostingId: string; title: string; status: string } | null }[] } } };
  const first = await api.rawRequest<Created>(create, { input: { jobPostings: [job("Forklift driver")] } });
  expect(first.errors).toBeUndefined();
  const posted = first.data.jobsIngest.createSourcedJobPostings.results[0]!.jobPosting!;
  const second = await api.rawRequest<Created>(create, { input: { jobPostings: [job("Senior forklift driver")] } });
  expect(second.data.jobsIngest.createSourcedJobPostings.results[0]!.jobPosting).toMatchObject({
    sourcedPostingId: posted.sourcedPostingId,
    title: "Senior forklift driver",
    status: "ACTIVE",
  });

  const expire = `mutation($id: ID!) { jobsIngest { expireSourcedJobsBySourcedPostingId(input: {jobs: [{sourcedPostingId: $id}]}) { results { trackingKey } } } }`;
  const expired = await api.rawRequest<{ jobsIngest: { expireSourcedJobsBySourcedPostingId: { results: { trackingKey: string }[] } } }>(expire, { id: posted.sourcedPostingId });
  expect(expired.data.jobsIngest.expireSourcedJobsBySourcedPostingId.results[0]!.trackingKey).toMatch(/^[0-9a-f-]{36}$/);

  const send = `mutation($input: PartnerDispositionSendInput!) { partnerDisposition { send(input: $input) {
    numberGoodDispositions failedDispositions { identifiedBy { indeedApplyID } rationale } } } }`;
  const disposition = (identifiedBy: Record<string, string>) => ({
    identifiedBy,
    dispositionStatus: "HIRED",
    rawDispositionStatus: "Offer accepted",
    atsName: "E2E ATS",
    statusChangeDateTime: "2026-12-01T09:00:00Z",
  });
  const sent = await api.rawRequest<{ partnerDisposition: { send: unknown } }>(send, {
    input: { dispositions: [disposition({ indeedApplyID: `apply-${suffix}` }), disposition({ indeedApplyID: "a", ittk: "b" })] },
  });
  expect(sent.data.partnerDisposition.send).toEqual({
    numberGoodDispositions: 1,
    failedDispositions: [
      { identifiedBy: { indeedApplyID: "a" }, rationale: "PartnerDispositionIdentifierInput must specify one of indeedApplyID, ittk, universalApplyId, or alternateIdentifier" },
    ],
  });

  // A GET is no GraphQL request here.
  const get = await page.request.get("/indeed/graphql");
  expect(get.status()).toBe(405);
  await revokeDemoSecret(page, demo);
});
