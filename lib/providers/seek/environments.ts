// SEEK's two environments as its API tells them apart: the token audience a credential may ask
// for, and the object-id schemes each one's data lives in.
// @see docs/decisions/022

import { SEEK_AUDIENCES, SEEK_SCHEMES } from "../../credentials/seek";
import type { SeekEnvironment } from "../../generated/prisma/enums";

export type { SeekEnvironment };
export { SEEK_AUDIENCES, SEEK_HIRER_SCHEMES as HIRER_LIST_SCHEMES, SEEK_SCHEMES } from "../../credentials/seek";

export function environmentOfAudience(audience: string): SeekEnvironment | null {
  if (audience === SEEK_AUDIENCES.PLAYGROUND) return "PLAYGROUND";
  if (audience === SEEK_AUDIENCES.LIVE) return "LIVE";
  return null;
}

/** The environment whose data an object id belongs to, or null when its scheme is no SEEK one. */
export function environmentOfScheme(scheme: string): SeekEnvironment | null {
  if (SEEK_SCHEMES.PLAYGROUND.includes(scheme)) return "PLAYGROUND";
  if (SEEK_SCHEMES.LIVE.includes(scheme)) return "LIVE";
  return null;
}

export interface ObjectId {
  scheme: string;
  type: string;
  namespace: string;
  value: string;
}

/**
 * Parses `<scheme>:<type>:<namespace>:<value>`. Nothing is trimmed: SEEK does not recognise an
 * id with surrounding whitespace, so neither do we.
 */
export function parseObjectId(id: string): ObjectId | null {
  const match = /^([A-Za-z][A-Za-z0-9]*):([a-z][A-Za-z0-9-]*):([a-z][A-Za-z0-9-]*):([A-Za-z0-9_-]+)$/.exec(id);
  if (!match) return null;
  const [, scheme, type, namespace, value] = match as unknown as [string, string, string, string, string];
  return { scheme, type, namespace, value };
}

/** Every scope a browser token may carry (SEEK's list); `query:organizations` opens this schema. */
export const BROWSER_TOKEN_SCOPES = [
  "query:ad-products",
  "query:advertisement-brandings",
  "query:application-library-question-suggestions",
  "query:application-questionnaires",
  "mutate:application-questionnaires",
  "query:ontologies",
  "query:organizations",
  "query:position-profiles",
  "query:posted-position-profile-previews",
  "download:candidate-profile-attachments",
] as const;

export const ORGANIZATIONS_SCOPE = "query:organizations";
