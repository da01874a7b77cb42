import { afterEach, describe, expect, it, vi } from "vitest";
import type { GrantType } from "../generated/prisma/enums";
import { InvalidClient, InvalidGrant, InvalidRequest, type OAuthError } from "./errors";
import { readForm } from "./http";
import { tokenEndpoint, type TokenProvider } from "./token-endpoint";

// A provider made of recording fakes: each step fails when the request asks it to, so one
// request can fail several checks at once and the answer tells which ran first.
interface FakeClient {
  grantTypes: GrantType[];
}

function fakeProvider(overrides: Partial<TokenProvider<string, FakeClient, string>> = {}) {
  const steps: string[] = [];
  const provider: TokenProvider<string, FakeClient, string> = {
    route: "POST /fake/token",
    policy: "the policy",
    async readParams(request) {
      steps.push("readParams");
      return readForm(request);
    },
    async authenticateClient(_request, params) {
      steps.push("authenticateClient");
      if (params.get("client_id") !== "good") throw new InvalidClient("Client authentication failed.");
      return { grantTypes: params.get("registered") === "no" ? [] : ["CLIENT_CREDENTIALS"] };
    },
    grants: {
      client_credentials: {
        registeredAs: "CLIENT_CREDENTIALS",
        async run(policy, client, params) {
          steps.push(`grant:${policy}`);
          if (params.has("bad_grant")) throw new InvalidGrant("The grant says no.");
          return `issued to ${client.grantTypes.join(",")}`;
        },
      },
    },
    async responseBody(issued) {
      steps.push("responseBody");
      return { access_token: issued };
    },
    ...overrides,
  };
  return { steps, endpoint: tokenEndpoint(provider) };
}

function post(body: string, contentType = "application/x-www-form-urlencoded") {
  return new Request("http://emulator.test/fake/token", { method: "POST", headers: { "content-type": contentType }, body });
}

async function call(body: string, provider = fakeProvider(), contentType?: string) {
  const response = await provider.endpoint(post(body, contentType));
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("pragma")).toBe("no-cache");
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, steps: provider.steps };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the token endpoint's order of checks (docs/decisions/011)", () => {
  it("reads the body first: a bad body is invalid_request before anything else is looked at", async () => {
    const answer = await call(JSON.stringify({ grant_type: "password" }), undefined, "application/json");
    expect(answer).toMatchObject({ status: 400, body: { error: "invalid_request" }, steps: ["readParams"] });
  });

  it("then needs grant_type, before the client is authenticated", async () => {
    const answer = await call("client_id=unknown");
    expect(answer).toMatchObject({ status: 400, body: { error: "invalid_request" }, steps: ["readParams"] });
    expect(answer.body.error_description).toMatch(/grant_type/);
  });

  it("then an unknown grant type is unsupported_grant_type, before the client is authenticated", async () => {
    const answer = await call("grant_type=password&client_id=unknown");
    expect(answer).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" }, steps: ["readParams"] });
    // Inherited object keys are no grant types.
    expect((await call("grant_type=constructor&client_id=good")).body.error).toBe("unsupported_grant_type");
  });

  it("then authenticates the client, before asking whether it may use the grant", async () => {
    const answer = await call("grant_type=client_credentials&client_id=unknown&registered=no");
    expect(answer).toMatchObject({ status: 401, body: { error: "invalid_client" }, steps: ["readParams", "authenticateClient"] });
  });

  it("then refuses a grant the client is not registered for, before the grant runs", async () => {
    const answer = await call("grant_type=client_credentials&client_id=good&registered=no&bad_grant=1");
    expect(answer).toMatchObject({
      status: 400,
      body: { error: "unauthorized_client", error_description: "This client is not registered for the client credentials grant." },
      steps: ["readParams", "authenticateClient"],
    });
  });

  it("then runs the grant with the provider's policy, and answers its errors", async () => {
    const answer = await call("grant_type=client_credentials&client_id=good&bad_grant=1");
    expect(answer).toMatchObject({
      status: 400,
      body: { error: "invalid_grant", error_description: "The grant says no." },
      steps: ["readParams", "authenticateClient", "grant:the policy"],
    });
  });

  it("answers the provider's body on success", async () => {
    const answer = await call("grant_type=client_credentials&client_id=good");
    expect(answer).toEqual({
      status: 200,
      body: { access_token: "issued to CLIENT_CREDENTIALS" },
      steps: ["readParams", "authenticateClient", "grant:the policy", "responseBody"],
    });
  });
});

describe("the token endpoint's answers", () => {
  it("lets the provider shape its errors, and still adds no-store", async () => {
    const provider = fakeProvider({
      errorAnswer: (error: OAuthError) => ({
        status: error.error === "invalid_client" ? 401 : 403,
        body: { error: "access_denied", error_description: "Unauthorized" },
        headers: { "Cache-Control": "public", "X-Provider": "fake" },
      }),
    });
    const response = await provider.endpoint(post("grant_type=client_credentials&client_id=unknown"));
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-provider")).toBe("fake");
    expect(await response.json()).toEqual({ error: "access_denied", error_description: "Unauthorized" });
  });

  it("answers an unexpected failure as server_error with a logged reference, never its message", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const provider = fakeProvider({
      async responseBody() {
        throw new Error("the signing key is gone: secret detail");
      },
    });
    const answer = await call("grant_type=client_credentials&client_id=good", provider);
    expect(answer.status).toBe(500);
    expect(answer.body.error).toBe("server_error");
    expect(JSON.stringify(answer.body)).not.toContain("secret detail");
    const reference = /reference ([0-9a-f-]{36})/.exec(String(answer.body.error_description))?.[1];
    expect(reference).toBeDefined();
    expect(logged).toHaveBeenCalledOnce();
    expect(JSON.parse(String(logged.mock.calls[0]![0]))).toMatchObject({ errorId: reference, route: "POST /fake/token" });
  });

  it("passes an OAuthError thrown by the body reader through as it is", async () => {
    const provider = fakeProvider({
      async readParams() {
        throw new InvalidRequest("The request body is too large.");
      },
    });
    expect((await call("grant_type=client_credentials", provider)).body).toEqual({
      error: "invalid_request",
      error_description: "The request body is too large.",
    });
  });
});
