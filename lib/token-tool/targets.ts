// Where the console's testing tools send a provider's requests: this console's emulator (the
// default), the real provider, or a custom issuer / base URL. Every endpoint of each provider is
// named here once; the token tool, its SEEK flows and the service testing tools read them.
// Pure: no I/O. Indeed's endpoints may also come from OIDC discovery (lib/token-tool/indeed).

export const TARGET_KINDS = ["emulator", "provider", "custom"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const PROVIDERS = ["indeed", "seek"] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export const PROVIDER_NAMES: Record<ProviderId, string> = { indeed: "Indeed", seek: "SEEK" };

export function targetLabel(kind: TargetKind, provider: ProviderId): string {
  if (kind === "emulator") return "This console’s emulator";
  if (kind === "provider") return provider === "indeed" ? "Indeed (secure.indeed.com, apis.indeed.com)" : "SEEK (auth.seek.com, graphql.seek.com)";
  return "Custom issuer or base URL";
}

/** Where the run's requests go: the console's own origin for the emulator, else a base URL. */
export interface Target {
  kind: TargetKind;
  /** The console's public origin (emulator) or the custom base URL, without a trailing slash. */
  base: string;
}

export interface IndeedEndpoints {
  issuer: string;
  /** OIDC discovery (the target's endpoints come from it where it answers). */
  discovery: string;
  authorize: string;
  token: string;
  userinfo: string;
  appinfo: string;
  jwks: string;
  graphql: string;
}

export interface SeekEndpoints {
  /** The partner token (client credentials). */
  partnerToken: string;
  /** Browser tokens, with a partner token. */
  browserToken: string;
  graphql: string;
  /** The partner token's issuer and its keys (to verify the tokens received). */
  issuer: string;
  jwks: string;
}

/** Paths below an Indeed issuer (the emulator serves the same paths under /indeed). */
const INDEED_PATHS = {
  discovery: "/.well-known/openid-configuration",
  authorize: "/oauth/v2/authorize",
  token: "/oauth/v2/tokens",
  userinfo: "/v2/api/userinfo",
  appinfo: "/v2/api/appinfo",
  jwks: "/.well-known/keys",
  graphql: "/graphql",
} as const;

const SEEK_PATHS = { partnerToken: "/oauth/token", browserToken: "/auth/token", graphql: "/graphql", jwks: "/.well-known/jwks.json" } as const;

export const INDEED_HOSTS = { issuer: "https://secure.indeed.com", api: "https://apis.indeed.com" } as const;
export const SEEK_HOSTS = { auth: "https://auth.seek.com", graphql: "https://graphql.seek.com" } as const;

function trim(base: string): string {
  return base.replace(/\/+$/, "");
}

export function indeedEndpoints(target: Target): IndeedEndpoints {
  if (target.kind === "provider") {
    const site = INDEED_HOSTS.issuer;
    return {
      issuer: site,
      discovery: site + INDEED_PATHS.discovery,
      authorize: site + INDEED_PATHS.authorize,
      token: INDEED_HOSTS.api + INDEED_PATHS.token,
      userinfo: site + INDEED_PATHS.userinfo,
      appinfo: site + INDEED_PATHS.appinfo,
      jwks: site + INDEED_PATHS.jwks,
      graphql: INDEED_HOSTS.api + INDEED_PATHS.graphql,
    };
  }
  const issuer = target.kind === "emulator" ? `${trim(target.base)}/indeed` : trim(target.base);
  return {
    issuer,
    discovery: issuer + INDEED_PATHS.discovery,
    authorize: issuer + INDEED_PATHS.authorize,
    token: issuer + INDEED_PATHS.token,
    userinfo: issuer + INDEED_PATHS.userinfo,
    appinfo: issuer + INDEED_PATHS.appinfo,
    jwks: issuer + INDEED_PATHS.jwks,
    graphql: issuer + INDEED_PATHS.graphql,
  };
}

export function seekEndpoints(target: Target): SeekEndpoints {
  if (target.kind === "provider") {
    return {
      partnerToken: SEEK_HOSTS.auth + SEEK_PATHS.partnerToken,
      browserToken: SEEK_HOSTS.graphql + SEEK_PATHS.browserToken,
      graphql: SEEK_HOSTS.graphql + SEEK_PATHS.graphql,
      // auth.seek.com is an Auth0 tenant: its issuer ends with a slash, its keys are Auth0's path.
      issuer: `${SEEK_HOSTS.auth}/`,
      jwks: SEEK_HOSTS.auth + SEEK_PATHS.jwks,
    };
  }
  const base = target.kind === "emulator" ? `${trim(target.base)}/seek` : trim(target.base);
  return {
    partnerToken: base + SEEK_PATHS.partnerToken,
    browserToken: base + SEEK_PATHS.browserToken,
    graphql: base + SEEK_PATHS.graphql,
    issuer: base,
    jwks: base + SEEK_PATHS.jwks,
  };
}
