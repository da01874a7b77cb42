// SEEK's GraphQL schema on graphql-js: the SDL of type-defs.ts with resolvers attached. Every
// root field checks the caller itself, so an error carries that field's `path` and the rest of
// the query still answers, as SEEK's partial access does.
import { buildSchema, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import {
  environmentOfScheme,
  HIRER_LIST_SCHEMES,
  ORGANIZATIONS_SCOPE,
  parseObjectId,
  type SeekEnvironment,
} from "../environments";
import { hirerIdEnvironment } from "../../../credentials/seek";
import { seekError } from "./errors";
import type { HirerCursor, HirerPageQuery, HirerView, ListedHirer, SeekGraphSource } from "./source";
import { SEEK_TYPE_DEFS } from "./type-defs";

/** What `version` answers: this emulator's API revision. */
export const SEEK_EMULATOR_VERSION = "partner-console-seek-emulator 1";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

export type SeekCaller =
  | { kind: "partner"; environment: SeekEnvironment }
  | { kind: "browser"; environment: SeekEnvironment; hirerId: string; scopes: readonly string[] };

export type SeekGraphContext =
  | { authenticated: true; caller: SeekCaller; source: SeekGraphSource }
  | { authenticated: false; message: string };

type Authenticated = Extract<SeekGraphContext, { authenticated: true }>;

function authenticated(context: SeekGraphContext): Authenticated {
  if (!context.authenticated) throw seekError("UNAUTHENTICATED", context.message);
  return context;
}

/** The caller, when allowed to query organizations: browser tokens need `query:organizations`. */
function organizationsCaller(context: SeekGraphContext): Authenticated {
  const auth = authenticated(context);
  const { caller } = auth;
  if (caller.kind === "browser" && !caller.scopes.includes(ORGANIZATIONS_SCOPE)) {
    throw seekError("FORBIDDEN", `The browser token lacks the ${ORGANIZATIONS_SCOPE} scope`);
  }
  return auth;
}

const TOKEN_NAME: Record<SeekEnvironment, string> = { PLAYGROUND: "Public test", LIVE: "Live" };

function otherEnvironment(caller: SeekCaller): never {
  throw seekError("UNAUTHENTICATED", `${TOKEN_NAME[caller.environment]} ${caller.kind} token cannot access data of the other environment`);
}

/**
 * Hirer ids are checked as given: another environment's object is refused as SEEK refuses it
 * (UNAUTHENTICATED), anything that is no hirer id is bad input.
 */
function checkHirerId(caller: SeekCaller, id: string) {
  const parsed = parseObjectId(id);
  const environment = parsed ? environmentOfScheme(parsed.scheme) : null;
  if (environment && environment !== caller.environment) otherEnvironment(caller);
  if (hirerIdEnvironment(id) !== caller.environment) throw seekError("BAD_USER_INPUT", "Invalid hiring organization ID");
}

const noRelationship = () => seekError("FORBIDDEN", "The partner has no relationship with this hiring organization");
const outsideBrowserHirer = () => seekError("FORBIDDEN", "The browser token is scoped to another hiring organization");

function encodeCursor(hirer: ListedHirer): string {
  return Buffer.from(JSON.stringify([hirer.sortName, hirer.id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): HirerCursor {
  const bad = () => seekError("BAD_USER_INPUT", "Invalid pagination cursor");
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { sortName: value[0], id: value[1] };
    }
  } catch {
    // falls through to the bad-input error
  }
  throw bad();
}

interface HiringOrganizationsArgs {
  schemeId: string;
  filter?: { nameSearch?: string | null; relationshipTypeCodes?: string[] | null } | null;
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function pageQuery(caller: SeekCaller, args: HiringOrganizationsArgs): HirerPageQuery {
  const { first, last, after, before, filter } = args;
  const schemeEnvironment = environmentOfScheme(args.schemeId);
  if (!schemeEnvironment || HIRER_LIST_SCHEMES[schemeEnvironment] !== args.schemeId) {
    throw seekError("BAD_USER_INPUT", `Unsupported schemeId: ${args.schemeId.slice(0, 64)}`);
  }
  if (schemeEnvironment !== caller.environment) otherEnvironment(caller);
  if (first != null && last != null) throw seekError("BAD_USER_INPUT", "first and last cannot be specified in the same query");
  if (after != null && before != null) throw seekError("BAD_USER_INPUT", "after and before cannot be specified in the same query");
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value != null && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw seekError("BAD_USER_INPUT", `${name} must be between 1 and ${MAX_PAGE_SIZE}`);
    }
  }
  const backward = last != null || (first == null && before != null);
  const cursorText = backward ? before : after;
  if (backward && after != null) throw seekError("BAD_USER_INPUT", "last pages backwards: use before, not after");
  if (!backward && before != null && first != null) throw seekError("BAD_USER_INPUT", "first pages forwards: use after, not before");
  const nameSearch = filter?.nameSearch ?? undefined;
  if (nameSearch !== undefined && nameSearch.length > 255) throw seekError("BAD_USER_INPUT", "nameSearch is longer than 255 characters");
  const codes = filter?.relationshipTypeCodes ?? undefined;
  return {
    direction: backward ? "backward" : "forward",
    limit: (backward ? last : first) ?? DEFAULT_PAGE_SIZE,
    ...(cursorText != null ? { cursor: decodeCursor(cursorText) } : {}),
    ...(nameSearch ? { nameSearch } : {}),
    ...(codes ? { relationshipTypeCodes: codes } : {}),
    ...(caller.kind === "browser" ? { onlyHirerId: caller.hirerId } : {}),
  };
}

const hirerNode = (hirer: HirerView) => ({
  id: { value: hirer.id },
  name: hirer.name,
  seekAnzAdvertiserId: hirer.seekAnzAdvertiserId,
  seekApiCapabilities: {
    relationshipTypeCodes: hirer.relationshipTypeCodes,
    applicationMethodCodes: hirer.applicationMethodCodes,
  },
});

type Resolver = GraphQLFieldResolver<unknown, SeekGraphContext, Record<string, unknown>>;

const QUERY_RESOLVERS: Record<string, Resolver> = {
  version: (_root, _args, context) => {
    authenticated(context);
    return SEEK_EMULATOR_VERSION;
  },

  self: async (_root, _args, context) => {
    const { caller, source } = organizationsCaller(context);
    const partner = await source.partner();
    if (caller.kind === "partner") return { partner, hirer: null };
    const hirer = await source.hirer(caller.hirerId);
    return { partner, hirer: hirer ? hirerNode(hirer) : null };
  },

  hiringOrganization: async (_root, args, context) => {
    const { caller, source } = organizationsCaller(context);
    const id = args.id as string;
    checkHirerId(caller, id);
    if (caller.kind === "browser" && id !== caller.hirerId) throw outsideBrowserHirer();
    const hirer = await source.hirer(id);
    if (!hirer) throw noRelationship();
    return hirerNode(hirer);
  },

  seekAnzAdvertiser: async (_root, args, context) => {
    const { caller, source } = organizationsCaller(context);
    const advertiserId = args.id as number;
    if (advertiserId < 1) throw seekError("BAD_USER_INPUT", "Invalid advertiser ID");
    const hirer = await source.hirerByAdvertiserId(advertiserId);
    if (!hirer) throw noRelationship();
    if (caller.kind === "browser" && hirer.id !== caller.hirerId) throw outsideBrowserHirer();
    return hirerNode(hirer);
  },

  hiringOrganizations: async (_root, args, context) => {
    const { caller, source } = organizationsCaller(context);
    const query = pageQuery(caller, args as unknown as HiringOrganizationsArgs);
    const page = await source.hirers(query);
    const beyondCursor = query.cursor ? await source.anyBeyond(query) : false;
    const edges = page.items.map((hirer) => ({ cursor: encodeCursor(hirer), node: hirerNode(hirer) }));
    const forward = query.direction === "forward";
    return {
      edges,
      pageInfo: {
        hasNextPage: forward ? page.more : beyondCursor,
        hasPreviousPage: forward ? beyondCursor : page.more,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },
};

function build(): GraphQLSchema {
  const schema = buildSchema(SEEK_TYPE_DEFS);
  const queryType = schema.getQueryType();
  if (!(queryType instanceof GraphQLObjectType)) throw new Error("The SEEK schema has no Query type.");
  const fields = queryType.getFields();
  for (const [name, resolve] of Object.entries(QUERY_RESOLVERS)) {
    const field = fields[name];
    if (!field) throw new Error(`The SEEK schema has no Query.${name}.`);
    field.resolve = resolve;
  }
  return schema;
}

/** Immutable once built: the same schema serves every request. */
export const SEEK_SCHEMA: GraphQLSchema = build();
