// The authorization endpoint with a real client and percent-encoding that is not UTF-8 text: the
// framework turns invalid UTF-8 into U+FFFD before the route sees it, so the emulator refuses
// the request as invalid_request, and a state that cannot come back byte for byte does not come
// back at all. (A browser is only needed to read the demo client's id from the console.)
import { expect, test } from "@playwright/test";
import { clientIdOf, DEMO_CLIENTS, issuerOf } from "../indeed";

test("state or nonce that is not valid UTF-8 text is refused with an invalid_request redirect", async ({ browser, baseURL, request }) => {
  const clientId = await clientIdOf(browser, baseURL!, DEMO_CLIENTS.aceDev.app);
  const redirectUri = encodeURIComponent(DEMO_CLIENTS.aceDev.redirectUri);
  const base = `${issuerOf(baseURL!)}/oauth/v2/authorize?client_id=${clientId}&redirect_uri=${redirectUri}&response_type=code`;
  const cases: { extra: string; state: string | null }[] = [
    { extra: "&state=%FF", state: null },
    { extra: "&state=a%00b", state: null },
    { extra: "&state=%C3", state: null },
    { extra: "&state=keep-me&nonce=%00", state: "keep-me" },
  ];
  for (const { extra, state } of cases) {
    const response = await request.get(`${base}${extra}`, { maxRedirects: 0 });
    expect(response.status(), extra).toBe(303);
    const location = new URL(response.headers()["location"]!);
    expect(`${location.origin}${location.pathname}`, extra).toBe(DEMO_CLIENTS.aceDev.redirectUri);
    expect(location.searchParams.get("error"), extra).toBe("invalid_request");
    expect(location.searchParams.get("code"), extra).toBeNull();
    expect(location.searchParams.get("state"), extra).toBe(state);
  }
});
