// The SEEK emulator's route handlers behind a fetch function, so that standard clients
// (oauth4webapi, graphql-request, plain fetch) talk to them in integration tests exactly as
// they would over HTTP. `now` moves the emulator's clock for expiry tests.
import { browserTokenEndpoint } from "../providers/seek/browser-token";
import { graphqlEndpoint } from "../providers/seek/graphql/handler";
import { partnerTokenEndpoint } from "../providers/seek/partner-token";

export const SEEK_ORIGIN = "http://emulator.test";
export const SEEK_ISSUER = `${SEEK_ORIGIN}/seek`;

export const SEEK_URLS = {
  partnerToken: `${SEEK_ORIGIN}/seek/oauth/token`,
  browserToken: `${SEEK_ORIGIN}/seek/auth/token`,
  graphql: `${SEEK_ORIGIN}/seek/graphql`,
} as const;

export interface SeekClock {
  now?: Date;
}

export function seekFetch(clock: SeekClock = {}): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const now = clock.now ?? new Date();
    switch (new URL(request.url).pathname) {
      case "/seek/oauth/token":
        return partnerTokenEndpoint(request, now);
      case "/seek/auth/token":
        return browserTokenEndpoint(request, now);
      case "/seek/graphql":
        return graphqlEndpoint(request, now);
      default:
        return new Response("Not found", { status: 404 });
    }
  };
}

/** A JSON POST the way SEEK's documentation writes its examples. */
export async function postJson(
  url: string,
  body: unknown,
  { headers = {}, clock }: { headers?: Record<string, string>; clock?: SeekClock } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await seekFetch(clock)(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "YourPartnerService/1.2.3", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
