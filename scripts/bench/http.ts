// Signing in and fetching pages the way a browser would, without one: Auth.js's credentials
// callback with its CSRF double-submit cookie, then the session cookie on every request.

const TIMEOUT_MS = 30_000;

function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return jar;
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Signs in through /api/auth/callback/credentials; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}.`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken.");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookiesOf(csrf)) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/dashboard` }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.arrayBuffer();
  // The session cookie may be split into chunks (authjs.session-token.0, .1 …) when large.
  const session = new Map([...cookiesOf(response)].filter(([name]) => /^(__Secure-)?authjs\.session-token/.test(name)));
  if (session.size === 0) {
    const where = response.headers.get("location") ?? "";
    throw new Error(`Signing in as ${email} failed: ${response.status} ${where}`.trim());
  }
  return cookieHeader(session);
}

/** GETs a page with the session; fails unless it is a 200. Returns the HTML. */
export async function getPage(baseUrl: string, pathname: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}${pathname}`, {
    headers: { cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${pathname} answered ${response.status} ${response.headers.get("location") ?? ""}`.trim());
  }
  return body;
}

/** How many times `needle` occurs in `haystack`. */
export function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
