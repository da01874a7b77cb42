// SEEK's environments, hirer identifiers, relationship types and the rules of SEEK client
// secrets. Pure: the console and the SEEK emulator read the same definitions.
// See docs/decisions/023-seek-console.md.
import type { SeekEnvironment, SeekRelationshipType } from "../generated/prisma/enums";

export const SEEK_ENVIRONMENTS = ["PLAYGROUND", "LIVE"] as const satisfies readonly SeekEnvironment[];

export const SEEK_ENVIRONMENT_LABELS: Record<SeekEnvironment, string> = {
  PLAYGROUND: "Playground",
  LIVE: "Live",
};

/** The `audience` a partner token request must name for a credential of each environment. */
export const SEEK_AUDIENCES: Record<SeekEnvironment, string> = {
  PLAYGROUND: "https://test.graphql.seek.com",
  LIVE: "https://graphql.seek.com",
};

/** The object identifier schemes each environment's tokens may see. */
export const SEEK_SCHEMES: Record<SeekEnvironment, readonly string[]> = {
  PLAYGROUND: ["seekAnzPublicTest", "globalPublicTest"],
  LIVE: ["seekAnz", "global"],
};

/** The scheme of hirer (organization) ids in each environment: `hiringOrganizations(schemeId:)`. */
export const SEEK_HIRER_SCHEMES: Record<SeekEnvironment, string> = {
  PLAYGROUND: "seekAnzPublicTest",
  LIVE: "seekAnz",
};

export const SEEK_RELATIONSHIP_TYPES = [
  "ApplicationExport",
  "ApplicationPrefill",
  "JobPosting",
  "ProactiveSourcing",
  "CandidateProfiles",
  "CandidateVerification",
] as const satisfies readonly SeekRelationshipType[];

export const SEEK_RELATIONSHIP_LABELS: Record<SeekRelationshipType, string> = {
  ApplicationExport: "Application export",
  ApplicationPrefill: "Application prefill",
  JobPosting: "Job posting",
  ProactiveSourcing: "Proactive sourcing",
  CandidateProfiles: "Candidate profiles",
  CandidateVerification: "Candidate verification",
};

export function isSeekRelationshipType(value: string): value is SeekRelationshipType {
  return (SEEK_RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** The relationship types in SEEK's order, without duplicates. */
export function sortRelationshipTypes(types: Iterable<SeekRelationshipType>): SeekRelationshipType[] {
  const set = new Set(types);
  return SEEK_RELATIONSHIP_TYPES.filter((type) => set.has(type));
}

/**
 * A hirer id as SEEK writes it: `<scheme>:organization:seek:<value>`, nothing trimmed. The
 * value part is what SEEK's examples show (letters and digits); anything else is not an id.
 */
const HIRER_ID = /^(seekAnzPublicTest|seekAnz):organization:seek:([A-Za-z0-9]{1,64})$/;

/** The environment a hirer id belongs to, or null when it is not a hirer id. */
export function hirerIdEnvironment(id: string): SeekEnvironment | null {
  const match = HIRER_ID.exec(id);
  if (!match) return null;
  return match[1] === "seekAnzPublicTest" ? "PLAYGROUND" : "LIVE";
}

/** SEEK's legacy numeric advertiser ids: positive 32-bit integers (GraphQL `Int`). */
export const MAX_SEEK_ADVERTISER_ID = 2_147_483_647;
export const SEEK_HIRER_NAME_MAX_LENGTH = 200;

// ─── Secrets ────────────────────────────────────────────────────────────────────────────────

/**
 * Active secrets one SEEK credential may hold: the current one and, during a rotation
 * overlap, the one it replaced. A second rotation before the overlap ends is refused.
 */
export const MAX_ACTIVE_SEEK_SECRETS = 2;

/** How long a rotated-out secret keeps working, chosen by the owner at rotation. */
export const SEEK_ROTATION_OVERLAPS = ["NONE", "1H", "24H", "7D"] as const;
export type SeekRotationOverlap = (typeof SEEK_ROTATION_OVERLAPS)[number];

export const SEEK_ROTATION_OVERLAP_MS: Record<SeekRotationOverlap, number> = {
  NONE: 0,
  "1H": 60 * 60 * 1000,
  "24H": 24 * 60 * 60 * 1000,
  "7D": 7 * 24 * 60 * 60 * 1000,
};

export const SEEK_ROTATION_OVERLAP_LABELS: Record<SeekRotationOverlap, string> = {
  NONE: "None: the current secret stops now",
  "1H": "1 hour",
  "24H": "24 hours",
  "7D": "7 days",
};

/** The associated data a SEEK secret is sealed with: a ciphertext opens on its own row only. */
export function seekSecretSealContext(secretId: string): string {
  return `seek-client-secret:${secretId}`;
}

/**
 * Whether a token minted at `iatSeconds` (a JWT `iat`) predates the credential's
 * "Expire issued tokens now". `iat` has whole seconds, so a token minted in the same second
 * just after the click is refused too.
 */
export function issuedBeforeCutoff(iatSeconds: number, tokensNotBefore: Date | null): boolean {
  return tokensNotBefore !== null && iatSeconds * 1000 < tokensNotBefore.getTime();
}

// ─── Emulator settings ─────────────────────────────────────────────────────────────────────

export const DEFAULT_PARTNER_TOKEN_EXPIRES_IN = 1800;
export const MIN_PARTNER_TOKEN_EXPIRES_IN = 60;
export const MAX_PARTNER_TOKEN_EXPIRES_IN = 86_400;
/** Request records older than this are pruned. */
export const SEEK_REQUEST_RECORD_RETENTION_DAYS = 7;
