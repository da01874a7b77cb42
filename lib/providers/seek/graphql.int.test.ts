// SEEK's GraphQL endpoint and browser tokens through the route handlers, queried with a GraphQL
// client from npm (graphql-request) and plain fetch: partner and browser tokens, relationships,
// environments, paging, partial access, introspection, and every refusal with its exact code.
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { ClientError, GraphQLClient, gql } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../../app/seek/graphql/route";
import { useTestDatabase } from "../../testing/database";
import { useTestKeys } from "../../testing/test-keys";
import { postJson, SEEK_URLS, seekFetch, type SeekClock } from "../../testing/seek-http";
import { seekRows, type TestSeekCredential } from "../../testing/seek-rows";

const t = useTestDatabase();
const seek = seekRows(() => t.prisma);

const DOCUMENTED_HIRER = "seekAnzPublicTest:organization:seek:93WyyF1h";

let partner: { id: string; name: string };
let playground: TestSeekCredential;
let live: TestSeekCredential;
let other: TestSeekCredential;
type Hirer = { id: string; name: string; seekAnzAdvertiserId: number | null };
let alpha: Hirer, beta: Hirer, gamma: Hirer, unrelated: Hirer, liveHirer: Hirer;
let playgroundToken: string;
let liveToken: string;
let otherToken: string;

async function partnerToken(credential: TestSeekCredential, clock?: SeekClock): Promise<string> {
  const audience = credential.environment === "PLAYGROUND" ? "https://test.graphql.seek.com" : "https://graphql.seek.com";
  const response = await postJson(
    SEEK_URLS.partnerToken,
    { audience, client_id: credential.clientId, client_secret: credential.secret, grant_type: "client_credentials" },
    { clock },
  );
  expect(response.status).toBe(200);
  return response.body.access_token as string;
}

async function browserToken(token: string, body: Record<string, unknown> | string, clock?: SeekClock) {
  return postJson(SEEK_URLS.browserToken, body, { headers: { authorization: `Bearer ${token}` }, clock });
}

function client(token?: string, clock?: SeekClock) {
  return new GraphQLClient(SEEK_URLS.graphql, {
    fetch: seekFetch(clock),
    headers: {
      "user-agent": "YourPartnerService/1.2.3",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
}

interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** The errors of a query that answered with some, and the data that came with them. */
async function failing(promise: Promise<unknown>): Promise<{ status: number; errors: GraphQLErrorShape[]; data: Record<string, unknown> | null }> {
  const error = await promise.then(
    () => {
      throw new Error("The query succeeded");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof ClientError)) throw error;
  return {
    status: error.response.status,
    errors: (error.response.errors ?? []) as GraphQLErrorShape[],
    data: (error.response.data as Record<string, unknown> | undefined) ?? null,
  };
}

const codes = (errors: GraphQLErrorShape[]) => errors.map((e) => e.extensions?.code);

useTestKeys();

beforeAll(async () => {
  partner = await t.rows.partner();
  await t.prisma.partner.update({ where: { id: partner.id }, data: { seekLiveSelfService: true } });
  const app = await seek.app(partner.id);
  playground = await seek.credential(app.id, "PLAYGROUND");
  live = await seek.credential(app.id, "LIVE");
  const otherPartner = await t.rows.partner();
  other = await seek.credential((await seek.app(otherPartner.id)).id, "PLAYGROUND");

  alpha = await seek.hirer("PLAYGROUND", { id: DOCUMENTED_HIRER, name: "Alpha Outfitters" });
  beta = await seek.hirer("PLAYGROUND", { name: "beta Bakery", advertiserId: null });
  gamma = await seek.hirer("PLAYGROUND", { name: "Gamma Logistics" });
  unrelated = await seek.hirer("PLAYGROUND", { name: "Delta Dental" });
  liveHirer = await seek.hirer("LIVE", { name: "Live Test Hirer" });
  await seek.relationship(partner.id, alpha.id, ["JobPosting", "ApplicationExport"]);
  await seek.relationship(partner.id, beta.id, ["ProactiveSourcing"]);
  await seek.relationship(partner.id, gamma.id, ["JobPosting"]);
  await seek.relationship(partner.id, liveHirer.id, ["JobPosting"]);
  await seek.relationship(otherPartner.id, unrelated.id, ["JobPosting"]);

  [playgroundToken, liveToken, otherToken] = await Promise.all([partnerToken(playground), partnerToken(live), partnerToken(other)]);
});


const HIRER_FIELDS = gql`
  fragment HirerFields on HiringOrganization {
    id {
      value
    }
    name
    seekAnzAdvertiserId
    seekApiCapabilities {
      relationshipTypeCodes
      applicationMethodCodes
    }
  }
`;

const HIRER = gql`
  query Hirer($id: String!) {
    hiringOrganization(id: $id) {
      ...HirerFields
    }
  }
  ${HIRER_FIELDS}
`;

const HIRERS = gql`
  query Hirers($schemeId: String!, $filter: HiringOrganizationsFilterInput, $first: Int, $last: Int, $after: String, $before: String) {
    hiringOrganizations(schemeId: $schemeId, filter: $filter, first: $first, last: $last, after: $after, before: $before) {
      edges {
        cursor
        node {
          name
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

interface HirersPage {
  hiringOrganizations: {
    edges: { cursor: string; node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const names = (page: HirersPage) => page.hiringOrganizations.edges.map((e) => e.node.name);

describe("with a partner token", () => {
  it("answers version and self: the partner's name and self-service switch, no hirer", async () => {
    const data = await client(playgroundToken).request<{ version: string; self: unknown }>(gql`
      {
        version
        self {
          partner {
            name
            credentialSelfServiceApprovedIndicator
          }
          hirer {
            name
          }
        }
      }
    `);
    expect(typeof data.version).toBe("string");
    expect(data.self).toEqual({ partner: { name: partner.name, credentialSelfServiceApprovedIndicator: true }, hirer: null });
  });

  it("reads a related hirer by id, with SEEK's field names", async () => {
    const data = await client(playgroundToken).request(HIRER, { id: DOCUMENTED_HIRER });
    expect(data).toEqual({
      hiringOrganization: {
        id: { value: DOCUMENTED_HIRER },
        name: "Alpha Outfitters",
        seekAnzAdvertiserId: alpha.seekAnzAdvertiserId,
        seekApiCapabilities: { relationshipTypeCodes: ["ApplicationExport", "JobPosting"], applicationMethodCodes: [] },
      },
    });
  });

  it("reads a related hirer by its legacy advertiser id", async () => {
    const data = await client(playgroundToken).request<{ seekAnzAdvertiser: { id: { value: string } } }>(
      gql`
        query ($id: Int!) {
          seekAnzAdvertiser(id: $id) {
            id {
              value
            }
          }
        }
      `,
      { id: alpha.seekAnzAdvertiserId },
    );
    expect(data.seekAnzAdvertiser.id.value).toBe(DOCUMENTED_HIRER);
  });

  it("FORBIDDEN for a hirer without a relationship, by id and by advertiser id, with the field's path and HTTP 200", async () => {
    const byId = await failing(client(playgroundToken).request(HIRER, { id: unrelated.id }));
    expect(byId.status).toBe(200);
    expect(byId.data).toEqual({ hiringOrganization: null });
    expect(byId.errors).toMatchObject([{ path: ["hiringOrganization"], extensions: { code: "FORBIDDEN" } }]);
    const byAdvertiser = await failing(
      client(playgroundToken).request(gql`{ seekAnzAdvertiser(id: ${unrelated.seekAnzAdvertiserId}) { name } }`),
    );
    expect(codes(byAdvertiser.errors)).toEqual(["FORBIDDEN"]);
  });

  it("FORBIDDEN for another partner's credentials on this partner's hirers", async () => {
    const result = await failing(client(otherToken).request(HIRER, { id: DOCUMENTED_HIRER }));
    expect(codes(result.errors)).toEqual(["FORBIDDEN"]);
    const list = await client(otherToken).request<HirersPage>(HIRERS, { schemeId: "seekAnzPublicTest" });
    expect(names(list)).toEqual(["Delta Dental"]);
  });

  it("answers what it can and refuses the rest: partial access", async () => {
    const result = await failing(
      client(playgroundToken).request(gql`{ self { partner { name } } hiringOrganization(id: "${unrelated.id}") { name } }`),
    );
    expect(result.data).toEqual({ self: { partner: { name: partner.name } }, hiringOrganization: null });
    expect(result.errors).toMatchObject([{ path: ["hiringOrganization"], extensions: { code: "FORBIDDEN" } }]);
  });

  it("BAD_USER_INPUT for an id with surrounding whitespace or no hirer id at all", async () => {
    for (const id of [` ${DOCUMENTED_HIRER}`, "93WyyF1h", "seekAnzPublicTest:position-profile:seek:abc"]) {
      expect(codes((await failing(client(playgroundToken).request(HIRER, { id }))).errors)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("keeps the environments apart: a Playground token on live data, and a live token on Playground data, are UNAUTHENTICATED", async () => {
    expect(codes((await failing(client(playgroundToken).request(HIRER, { id: liveHirer.id }))).errors)).toEqual(["UNAUTHENTICATED"]);
    expect(codes((await failing(client(liveToken).request(HIRER, { id: DOCUMENTED_HIRER }))).errors)).toEqual(["UNAUTHENTICATED"]);
    expect(codes((await failing(client(playgroundToken).request(HIRERS, { schemeId: "seekAnz" }))).errors)).toEqual(["UNAUTHENTICATED"]);
    const liveData = await client(liveToken).request(HIRER, { id: liveHirer.id });
    expect(liveData).toMatchObject({ hiringOrganization: { name: "Live Test Hirer" } });
    expect(names(await client(liveToken).request<HirersPage>(HIRERS, { schemeId: "seekAnz" }))).toEqual(["Live Test Hirer"]);
  });

  it("lists related hirers alphabetically, ignoring case, and pages forwards and backwards", async () => {
    const all = await client(playgroundToken).request<HirersPage>(HIRERS, { schemeId: "seekAnzPublicTest" });
    expect(names(all)).toEqual(["Alpha Outfitters", "beta Bakery", "Gamma Logistics"]);
    expect(all.hiringOrganizations.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    // Each page: its names, then whether there is a page after it and one before it.
    const expectPage = async (variables: Record<string, unknown>, expected: string[], hasNextPage: boolean, hasPreviousPage: boolean) => {
      const page = await client(playgroundToken).request<HirersPage>(HIRERS, { schemeId: "seekAnzPublicTest", ...variables });
      expect(names(page)).toEqual(expected);
      expect(page.hiringOrganizations.pageInfo).toMatchObject({ hasNextPage, hasPreviousPage });
      return page.hiringOrganizations.pageInfo;
    };
    const first = await expectPage({ first: 2 }, ["Alpha Outfitters", "beta Bakery"], true, false);
    await expectPage({ first: 2, after: first.endCursor }, ["Gamma Logistics"], false, true);
    const last = await expectPage({ last: 2 }, ["beta Bakery", "Gamma Logistics"], false, true);
    await expectPage({ last: 2, before: last.startCursor }, ["Alpha Outfitters"], true, false);
  });

  it("filters by name (case-insensitive substring) and by relationship types", async () => {
    const byName = await client(playgroundToken).request<HirersPage>(HIRERS, { schemeId: "seekAnzPublicTest", filter: { nameSearch: "BAKE" } });
    expect(names(byName)).toEqual(["beta Bakery"]);
    const byType = await client(playgroundToken).request<HirersPage>(HIRERS, {
      schemeId: "seekAnzPublicTest",
      filter: { relationshipTypeCodes: ["JobPosting"] },
    });
    expect(names(byType)).toEqual(["Alpha Outfitters", "Gamma Logistics"]);
    const unknownType = await client(playgroundToken).request<HirersPage>(HIRERS, {
      schemeId: "seekAnzPublicTest",
      filter: { relationshipTypeCodes: ["Nonsense"] },
    });
    expect(names(unknownType)).toEqual([]);
  });

  it("BAD_USER_INPUT for first with last, out-of-range sizes, a forged cursor and an unknown scheme", async () => {
    const cases: Record<string, unknown>[] = [
      { schemeId: "seekAnzPublicTest", first: 1, last: 1 },
      { schemeId: "seekAnzPublicTest", first: 101 },
      { schemeId: "seekAnzPublicTest", first: 0 },
      { schemeId: "seekAnzPublicTest", after: "not-a-cursor!" },
      { schemeId: "globalPublicTest" },
    ];
    for (const variables of cases) {
      expect(codes((await failing(client(playgroundToken).request(HIRERS, variables))).errors)).toEqual(["BAD_USER_INPUT"]);
    }
  });
});

describe("authentication", () => {
  it("UNAUTHENTICATED without a token, on every root field, with HTTP 200", async () => {
    const result = await failing(client().request(gql`{ version self { partner { name } } }`));
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(codes(result.errors)).toEqual(["UNAUTHENTICATED"]);
  });

  it("UNAUTHENTICATED for a malformed or forged token", async () => {
    for (const token of ["not.a.jwt", `${playgroundToken.slice(0, -4)}AAAA`]) {
      const result = await failing(client(token).request(gql`{ version }`));
      expect(result.errors).toMatchObject([{ message: "Invalid token", extensions: { code: "UNAUTHENTICATED" } }]);
    }
  });

  it("an expired Playground partner token: SEEK's message; a fresh token then works (get a new token and retry once)", async () => {
    const later: SeekClock = { now: new Date(Date.now() + 1801_000) };
    const result = await failing(client(playgroundToken, later).request(gql`{ version }`));
    expect(result.errors).toMatchObject([{ message: "Public test partner token is expired", path: ["version"], extensions: { code: "UNAUTHENTICATED" } }]);
    const fresh = await partnerToken(playground, later);
    expect(await client(fresh, later).request(gql`{ version }`)).toHaveProperty("version");
  });

  it("expire issued tokens now: partner and browser tokens issued before the moment stop, on every use", async () => {
    const app = await seek.app(partner.id);
    const credential = await seek.credential(app.id, "PLAYGROUND");
    const token = await partnerToken(credential);
    const browser = await browserToken(token, { hirerId: DOCUMENTED_HIRER, scope: "query:organizations", userId: "u1" });
    await t.prisma.seekCredential.update({ where: { id: credential.id }, data: { tokensNotBefore: new Date(Date.now() + 1) } });
    for (const stale of [token, browser.body.access_token as string]) {
      const result = await failing(client(stale).request(gql`{ version }`));
      expect(codes(result.errors)).toEqual(["UNAUTHENTICATED"]);
    }
    const renewedAt: SeekClock = { now: new Date(Date.now() + 2000) };
    const renewed = await partnerToken(credential, renewedAt);
    expect(await client(renewed, renewedAt).request(gql`{ version }`)).toHaveProperty("version");
  });
});

describe("browser tokens", () => {
  it("issues one for a related hirer: expires_in 3600, token_type exactly Bearer, no-store", async () => {
    const response = await browserToken(playgroundToken, {
      hirerId: DOCUMENTED_HIRER,
      scope: "query:ad-products query:ontologies query:organizations",
      userId: "317665",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(response.body).sort()).toEqual(["access_token", "expires_in", "token_type"]);
    expect(response.body).toMatchObject({ expires_in: 3600, token_type: "Bearer" });
  });

  it("sees only its hirer: self adds it, another hirer is FORBIDDEN, the list holds it alone", async () => {
    const { body } = await browserToken(playgroundToken, { hirerId: DOCUMENTED_HIRER, scope: "query:organizations", userId: "317665" });
    const browser = client(body.access_token as string);
    const self = await browser.request<{ self: unknown }>(gql`{ self { partner { name } hirer { id { value } } } }`);
    expect(self.self).toEqual({ partner: { name: partner.name }, hirer: { id: { value: DOCUMENTED_HIRER } } });
    expect(await browser.request(HIRER, { id: DOCUMENTED_HIRER })).toMatchObject({ hiringOrganization: { name: "Alpha Outfitters" } });
    expect(codes((await failing(browser.request(HIRER, { id: beta.id }))).errors)).toEqual(["FORBIDDEN"]);
    expect(codes((await failing(browser.request(gql`{ seekAnzAdvertiser(id: ${gamma.seekAnzAdvertiserId}) { name } }`))).errors)).toEqual([
      "FORBIDDEN",
    ]);
    expect(names(await browser.request<HirersPage>(HIRERS, { schemeId: "seekAnzPublicTest" }))).toEqual(["Alpha Outfitters"]);
  });

  it("FORBIDDEN outside its scope", async () => {
    const { body } = await browserToken(playgroundToken, { hirerId: DOCUMENTED_HIRER, scope: "query:ontologies", userId: "317665" });
    expect(codes((await failing(client(body.access_token as string).request(HIRER, { id: DOCUMENTED_HIRER }))).errors)).toEqual(["FORBIDDEN"]);
  });

  it("accepts a stringified advertiser id as hirerId (older docs)", async () => {
    const response = await browserToken(playgroundToken, { hirerId: String(gamma.seekAnzAdvertiserId), scope: "query:organizations", userId: "u" });
    expect(response.status).toBe(200);
    const data = await client(response.body.access_token as string).request<{ self: { hirer: { name: string } } }>(gql`{ self { hirer { name } } }`);
    expect(data.self.hirer.name).toBe("Gamma Logistics");
  });

  it("refuses: no relationship 403, the other environment 403, a browser token 403, no token 401, bad input 400", async () => {
    const scope = "query:organizations";
    const refusals: [Promise<{ status: number; body: Record<string, unknown> }>, number, string][] = [
      [browserToken(playgroundToken, { hirerId: unrelated.id, scope, userId: "u" }), 403, "access_denied"],
      [browserToken(otherToken, { hirerId: DOCUMENTED_HIRER, scope, userId: "u" }), 403, "access_denied"],
      [browserToken(playgroundToken, { hirerId: liveHirer.id, scope, userId: "u" }), 403, "access_denied"],
      [postJson(SEEK_URLS.browserToken, { hirerId: DOCUMENTED_HIRER, scope, userId: "u" }), 401, "invalid_token"],
      [browserToken("not.a.jwt", { hirerId: DOCUMENTED_HIRER, scope, userId: "u" }), 401, "invalid_token"],
      [browserToken(playgroundToken, { hirerId: DOCUMENTED_HIRER, scope: "query:everything", userId: "u" }), 400, "invalid_scope"],
      [browserToken(playgroundToken, { hirerId: DOCUMENTED_HIRER, scope }), 400, "invalid_request"],
      [browserToken(playgroundToken, { hirerId: ` ${DOCUMENTED_HIRER}`, scope, userId: "u" }), 400, "invalid_request"],
      [browserToken(playgroundToken, '{"hirerId":'), 400, "invalid_request"],
      [browserToken(playgroundToken, { hirerId: DOCUMENTED_HIRER, scope, userId: "x".repeat(20_000) }), 413, "invalid_request"],
    ];
    for (const [pending, status, error] of refusals) {
      const response = await pending;
      expect([response.status, response.body.error]).toEqual([status, error]);
    }
    const { body } = await browserToken(playgroundToken, { hirerId: DOCUMENTED_HIRER, scope, userId: "u" });
    const again = await browserToken(body.access_token as string, { hirerId: DOCUMENTED_HIRER, scope, userId: "u" });
    expect([again.status, again.body.error]).toEqual([403, "access_denied"]);
  });
});

describe("the GraphQL endpoint as an HTTP server", () => {
  it("serves introspection, so GraphQL tools can build the schema", async () => {
    const data = await client(playgroundToken).request<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(data);
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual([
      "hiringOrganization",
      "hiringOrganizations",
      "seekAnzAdvertiser",
      "self",
      "version",
    ]);
    expect(schema.getType("PartnerOrganization")).toBeDefined();
  });

  it("answers an unknown field with GraphQL's validation error (400)", async () => {
    const result = await failing(client(playgroundToken).request(gql`{ self { partner { id } } }`));
    expect(result.status).toBe(400);
    expect(result.errors[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(result.errors[0]!.message).toContain('Cannot query field "id" on type "PartnerOrganization"');
  });

  it("refuses malformed JSON (400), oversized bodies (413), other media types (415) and GET (405)", async () => {
    const post = (body: string, type = "application/json") =>
      seekFetch()(SEEK_URLS.graphql, { method: "POST", headers: { "content-type": type, authorization: `Bearer ${playgroundToken}` }, body });
    const malformed = await post('{"query": "{ version }"');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await malformed.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    expect((await post(JSON.stringify({ query: `{ version ${" ".repeat(70_000)} }` }))).status).toBe(413);
    expect((await post("query=%7Bversion%7D", "application/x-www-form-urlencoded")).status).toBe(415);
    const get = await GET(new Request(`${SEEK_URLS.graphql}?query=%7Bversion%7D`));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("refuses a query that repeats a root field past the limit", async () => {
    const query = `{ ${Array.from({ length: 25 }, (_, i) => `v${i}: version`).join(" ")} }`;
    const result = await failing(client(playgroundToken).request(query));
    expect(result.status).toBe(400);
  });

  it("records GraphQL requests with their outcome, operation name and hirer", async () => {
    const sessionId = crypto.randomUUID();
    const { body } = await browserToken(playgroundToken, { hirerId: DOCUMENTED_HIRER, scope: "query:organizations", userId: "u" });
    const traced = new GraphQLClient(SEEK_URLS.graphql, {
      fetch: seekFetch(),
      headers: { authorization: `Bearer ${body.access_token as string}`, "x-session-id": sessionId, "x-request-id": crypto.randomUUID() },
    });
    await traced.request(HIRER, { id: DOCUMENTED_HIRER });
    await failing(traced.request(HIRER, { id: beta.id }));
    const records = await t.prisma.seekRequestRecord.findMany({ where: { xSessionId: sessionId }, orderBy: { createdAt: "asc" } });
    expect(records.map((r) => [r.endpoint, r.credentialId, r.httpStatus, r.errorCode, r.operationName, r.hirerId])).toEqual([
      ["GRAPHQL", playground.id, 200, null, "Hirer", DOCUMENTED_HIRER],
      ["GRAPHQL", playground.id, 200, "FORBIDDEN", "Hirer", DOCUMENTED_HIRER],
    ]);
  });
});
