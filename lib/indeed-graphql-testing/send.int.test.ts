// The services' testing tool sends through the token tool's transport: to the emulator
// in-process, or to a custom base URL through the outbound rules, whose failure is said in plain
// words. What it returns for the page is masked: the secret and the access token appear in no
// exchange and no curl command, which names them as shell variables.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/database";
import { useTestKeys } from "../testing/test-keys";
import { indeedRows } from "../testing/token-rows";
import type { SessionUser } from "../data/users";
import { sendTestOperation, type TestSendInput } from "./send";

const t = useTestDatabase();
const indeed = indeedRows(() => t.prisma);

let owner: SessionUser;
let app: Awaited<ReturnType<typeof indeed.client>>;

useTestKeys();

beforeAll(async () => {
  const partner = await t.rows.partner();
  owner = await t.rows.user("OWNER", partner);
  app = await indeed.client(partner.id, { grantTypes: ["CLIENT_CREDENTIALS"] });
});


const operation = (fields: Partial<TestSendInput>): TestSendInput => ({
  appId: app.appId,
  api: "job-sync-api",
  query: "query { __typename }",
  variables: null,
  operationName: null,
  employerId: null,
  target: "emulator",
  baseUrl: null,
  ...fields,
});

describe("sendTestOperation", () => {
  it("sends to the emulator in-process, the secret and the token masked in every exchange and in curl", async () => {
    const result = await sendTestOperation(owner, "http://console.test", operation({}));
    expect(result.failure).toBeNull();
    expect(result.target).toBe("This console’s emulator");
    expect(result.token.request.url).toBe("http://console.test/indeed/oauth/v2/tokens");
    expect(result.token.response?.status).toBe(200);
    expect(result.graphql?.request.url).toBe("http://console.test/indeed/graphql");
    expect(result.graphql?.response?.status).toBe(200);
    expect(result.graphql?.curl).toContain(`'authorization: Bearer '"$ACCESS_TOKEN"`);
    const token = (JSON.parse(JSON.stringify(result)) as { token: { response: { body: string } } }).token.response.body;
    expect(token).toMatch(/"access_token": "\S{6}…\S{6} \(\d+ characters\)"/);
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(app.secret);
    expect(shown).not.toMatch(/eyJ[\w-]{20,}\.[\w-]+\.[\w-]+/);
  });

  it("says why a custom target cannot be reached, with the exchange that failed", async () => {
    for (const [baseUrl, message] of [
      ["http://127.0.0.1:9", "127.0.0.1:9 refused the connection (nothing listens on that port)."],
      ["https://no-such-host.invalid", "The name no-such-host.invalid could not be resolved."],
    ] as const) {
      const result = await sendTestOperation(owner, "http://console.test", operation({ target: "custom", baseUrl }));
      expect(result).toMatchObject({ failure: message, graphql: null, target: "Custom issuer or base URL" });
      expect(result.token).toMatchObject({ request: { url: `${baseUrl}/oauth/v2/tokens` }, response: null, failure: { message } });
      expect(result.token.curl).toContain(`--user '${app.clientId}:'"$CLIENT_SECRET"`);
      expect(JSON.stringify(result)).not.toContain(app.secret);
    }
  });
});
