import "server-only";
// SEEK hirers and partners' relationships with them. Partners read their own relationships
// through one of their SEEK apps (another partner's app is "not found"); admins manage the
// sandbox hirers and every relationship. The searches mean what SEEK's GraphQL queries mean
// (docs/decisions/023-seek-console.md): `hiringOrganizations` lists the hirers the partner has
// a relationship with in one scheme, alphabetically, filtered by a case-insensitive name
// fragment and by relationship types (any of them), 10 a page by default and at most 100;
// `hiringOrganization(id:)` answers for one id, exactly as written, and only when the partner
// has a relationship with it.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import type { SeekEnvironment, SeekRelationshipType } from "../generated/prisma/enums";
import { db } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { isUuid } from "../ids";
import { sortKey } from "../sort";
import {
  MAX_SEEK_ADVERTISER_ID,
  SEEK_ENVIRONMENT_LABELS,
  SEEK_HIRER_NAME_MAX_LENGTH,
  SEEK_RELATIONSHIP_TYPES,
  hirerIdEnvironment,
  sortRelationshipTypes,
} from "../credentials/seek";
import { visibleApps } from "../auth/scope";
import { recordSeekActivity } from "./seek-credentials";
import type { SessionUser } from "./users";
import { TX_OPTIONS } from "./shared";

export const HIRER_PAGE_SIZE = 10;
export const MAX_HIRER_PAGE_SIZE = 100;

/** The partner behind a SEEK app `user` may see, or null (missing, another partner's, Indeed). */
async function partnerOfSeekApp(user: SessionUser, appId: string) {
  if (!isUuid(appId)) return null;
  const app = await db().app.findFirst({
    where: { AND: [{ id: appId }, { provider: "SEEK" }, visibleApps(user)] },
    select: { partnerId: true },
  });
  return app?.partnerId ?? null;
}

const HIRER_SELECT = {
  id: true,
  name: true,
  seekAnzAdvertiserId: true,
  environment: true,
  testPartnerId: true,
} as const;

export interface HirerView {
  id: string;
  name: string;
  seekAnzAdvertiserId: number | null;
  environment: SeekEnvironment;
  isTestHirer: boolean;
  relationshipTypes: SeekRelationshipType[];
}

function view(row: { id: string; name: string; seekAnzAdvertiserId: number | null; environment: SeekEnvironment; testPartnerId: string | null }, types: SeekRelationshipType[]): HirerView {
  return {
    id: row.id,
    name: row.name,
    seekAnzAdvertiserId: row.seekAnzAdvertiserId,
    environment: row.environment,
    isTestHirer: row.testPartnerId !== null,
    relationshipTypes: sortRelationshipTypes(types),
  };
}

// ─── The partner's side: the Hirers tab ───────────────────────────────────────────────────

export const hirerSearchInput = z.object({
  environment: z.enum(["PLAYGROUND", "LIVE"]).default("PLAYGROUND"),
  nameSearch: z.string().max(SEEK_HIRER_NAME_MAX_LENGTH, `Search with at most ${SEEK_HIRER_NAME_MAX_LENGTH} characters.`).default(""),
  relationshipTypes: z.array(z.enum(SEEK_RELATIONSHIP_TYPES)).default([]),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_HIRER_PAGE_SIZE).default(HIRER_PAGE_SIZE),
});
export type HirerSearchInput = z.input<typeof hirerSearchInput>;

/** Prisma passes `contains` to ILIKE as it is: escape its wildcards so a fragment matches literally. */
function literalPattern(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of the hirers `partnerId` has a relationship with in `environment`, alphabetical
 * (sort key, then id). What `hiringOrganizations` answers for a partner token.
 */
export async function searchPartnerHirers(partnerId: string, input: HirerSearchInput) {
  const q = hirerSearchInput.parse(input);
  // Any of the types, matched in SQL: the driver adapters send an enum array filter (`has`,
  // `hasSome`) as a malformed literal.
  const withTypes = q.relationshipTypes.length
    ? (
        await db().$queryRaw<{ id: string }[]>`
          SELECT "id"::text AS id FROM "SeekHirerRelationship"
          WHERE "partnerId" = ${partnerId}::uuid AND "types" && ${q.relationshipTypes}::text[]::"SeekRelationshipType"[]`
      ).map((r) => r.id)
    : null;
  const where: Prisma.SeekHirerRelationshipWhereInput = {
    partnerId,
    hirer: {
      environment: q.environment,
      ...(q.nameSearch ? { name: { contains: literalPattern(q.nameSearch), mode: "insensitive" as const } } : {}),
    },
    ...(withTypes ? { id: { in: withTypes } } : {}),
  };
  const [total, rows] = await Promise.all([
    db().seekHirerRelationship.count({ where }),
    db().seekHirerRelationship.findMany({
      where,
      orderBy: [{ hirer: { sortName: "asc" } }, { hirerId: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { types: true, hirer: { select: HIRER_SELECT } },
    }),
  ]);
  return {
    hirers: rows.map((r) => view(r.hirer, r.types)),
    page: q.page,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
    total,
  };
}

/** The Hirers tab's list and search. Null when the app is not visible. */
export async function listAppHirers(user: SessionUser, appId: string, input: HirerSearchInput) {
  const partnerId = await partnerOfSeekApp(user, appId);
  if (!partnerId) return null;
  return searchPartnerHirers(partnerId, input);
}

export type HirerLookup =
  | { found: true; hirer: HirerView }
  | { found: false; reason: "INVALID_ID" | "UNKNOWN" | "NO_RELATIONSHIP" };

/**
 * "Look up a hirer by ID": the id exactly as typed (SEEK trims nothing). A hirer without a
 * relationship answers NO_RELATIONSHIP, as `hiringOrganization` answers FORBIDDEN.
 */
export async function lookupPartnerHirer(partnerId: string, id: string): Promise<HirerLookup> {
  if (!hirerIdEnvironment(id)) return { found: false, reason: "INVALID_ID" };
  const hirer = await db().seekHirer.findUnique({
    where: { id },
    select: { ...HIRER_SELECT, relationships: { where: { partnerId }, select: { types: true } } },
  });
  if (!hirer) return { found: false, reason: "UNKNOWN" };
  const relationship = hirer.relationships[0];
  if (!relationship) return { found: false, reason: "NO_RELATIONSHIP" };
  return { found: true, hirer: view(hirer, relationship.types) };
}

export async function lookupAppHirer(user: SessionUser, appId: string, id: string) {
  const partnerId = await partnerOfSeekApp(user, appId);
  if (!partnerId) return null;
  return lookupPartnerHirer(partnerId, id);
}

// ─── The admin's side: sandbox hirers and relationships ──────────────────────────────────

const optionalAdvertiserId = z
  .union([z.literal(""), z.coerce.number({ message: "Enter a whole number." })])
  .transform((v) => (v === "" ? null : v))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= MAX_SEEK_ADVERTISER_ID), {
    message: `Enter a whole number from 1 to ${MAX_SEEK_ADVERTISER_ID.toLocaleString("en")}.`,
  });

export const seekHirerInput = z.object({
  id: z
    .string()
    .min(1, "Enter the hirer's id.")
    .refine((v) => hirerIdEnvironment(v) !== null, {
      message: "Use SEEK's form: seekAnzPublicTest:organization:seek:<letters and digits> (Playground) or seekAnz:organization:seek:… (live).",
    }),
  name: z.string().trim().min(1, "Enter a name.").max(SEEK_HIRER_NAME_MAX_LENGTH, `Use at most ${SEEK_HIRER_NAME_MAX_LENGTH} characters.`),
  seekAnzAdvertiserId: optionalAdvertiserId,
  /** A live test hirer for one partner's own testing (empty: an ordinary hirer). */
  testPartnerId: z.union([z.literal(""), z.uuid({ message: "Choose a partner." })]).transform((v) => (v === "" ? null : v)),
});
export type SeekHirerInput = z.input<typeof seekHirerInput>;
export type SeekHirerData = z.output<typeof seekHirerInput>;

export async function listSeekHirersForAdmin(user: SessionUser) {
  assertCan(user.role, "platform:administer");
  const [hirers, partners] = await Promise.all([
    db().seekHirer.findMany({
      orderBy: [{ environment: "asc" }, { sortName: "asc" }, { id: "asc" }],
      select: {
        ...HIRER_SELECT,
        testPartner: { select: { name: true } },
        relationships: {
          orderBy: { partner: { sortName: "asc" } },
          select: { partnerId: true, types: true, updatedAt: true, partner: { select: { name: true } } },
        },
      },
    }),
    db().partner.findMany({ orderBy: { sortName: "asc" }, select: { id: true, name: true } }),
  ]);
  return { hirers, partners };
}

/** Adds a sandbox hirer; `data` is seekHirerInput's output (the action parses it). */
export async function createSeekHirer(user: SessionUser, data: SeekHirerData) {
  assertCan(user.role, "platform:administer");
  const environment = hirerIdEnvironment(data.id)!;
  if (data.testPartnerId && environment !== "LIVE") {
    const message = "A test hirer is a live hirer: use a seekAnz: id.";
    throw new AppError("VALIDATION", "Some fields need your attention.", { testPartnerId: [message] });
  }
  try {
    return await db().seekHirer.create({
      data: {
        id: data.id,
        name: data.name,
        sortName: sortKey(data.name),
        seekAnzAdvertiserId: data.seekAnzAdvertiserId,
        environment,
        testPartnerId: data.testPartnerId,
      },
      select: { id: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Which key collided: the id, or else the advertiser id (the only other unique one).
      const sameId = await db().seekHirer.findUnique({ where: { id: data.id }, select: { id: true } });
      const field = sameId ? "id" : "seekAnzAdvertiserId";
      const message = field === "id" ? "A hirer with this id exists." : "Another hirer has this advertiser id.";
      throw new AppError("VALIDATION", "Some fields need your attention.", { [field]: [message] });
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("VALIDATION", "Some fields need your attention.", { testPartnerId: ["Choose a partner."] });
    }
    throw error;
  }
}

export const relationshipInput = z.object({
  partnerId: z.uuid({ message: "Choose a partner." }),
  hirerId: z.string().min(1, "Choose a hirer."),
  types: z.array(z.enum(SEEK_RELATIONSHIP_TYPES, { message: "Choose relationship types from SEEK's list." })),
});

/**
 * Sets a partner's relationship types with a hirer (none: the relationship ends). The change
 * is recorded with who and when, and appears in the activity of each of the partner's SEEK
 * apps. The relationship row is locked first, so concurrent changes are recorded in order.
 */
export async function setSeekRelationship(user: SessionUser, data: z.output<typeof relationshipInput>) {
  assertCan(user.role, "platform:administer");
  if (!isUuid(data.partnerId)) throw new AppError("VALIDATION", "Some fields need your attention.", { partnerId: ["Choose a partner."] });
  const toTypes = sortRelationshipTypes(data.types);
  try {
    return await changeRelationship(user, data.partnerId, data.hirerId, toTypes);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "This relationship changed meanwhile. Reload the page and try again.");
    }
    throw error;
  }
}

async function changeRelationship(user: SessionUser, partnerId: string, hirerId: string, toTypes: SeekRelationshipType[]) {
  const data = { partnerId, hirerId };
  return db().$transaction(async (tx) => {
    const [partner, hirer] = await Promise.all([
      tx.partner.findUnique({ where: { id: data.partnerId }, select: { id: true } }),
      tx.seekHirer.findUnique({ where: { id: data.hirerId }, select: { id: true, name: true, environment: true, testPartnerId: true } }),
    ]);
    if (!partner) throw new AppError("VALIDATION", "Some fields need your attention.", { partnerId: ["Choose a partner."] });
    if (!hirer) throw new AppError("NOT_FOUND", "This hirer does not exist.");
    if (hirer.testPartnerId && hirer.testPartnerId !== partner.id && toTypes.length > 0) {
      throw new AppError("CONFLICT", "This is another partner's test hirer: only that partner can have a relationship with it.");
    }
    // Locks the row when there is one; two first-time adds collide on the unique key instead.
    await tx.$queryRaw`SELECT 1 FROM "SeekHirerRelationship" WHERE "partnerId" = ${partner.id}::uuid AND "hirerId" = ${hirer.id} FOR UPDATE`;
    const existing = await tx.seekHirerRelationship.findUnique({
      where: { partnerId_hirerId: { partnerId: partner.id, hirerId: hirer.id } },
      select: { types: true },
    });
    const fromTypes = sortRelationshipTypes(existing?.types ?? []);
    if (fromTypes.join() === toTypes.join()) return { changed: false };
    const now = new Date();
    if (toTypes.length === 0) {
      await tx.seekHirerRelationship.delete({ where: { partnerId_hirerId: { partnerId: partner.id, hirerId: hirer.id } }, select: { id: true } });
    } else {
      await tx.seekHirerRelationship.upsert({
        where: { partnerId_hirerId: { partnerId: partner.id, hirerId: hirer.id } },
        create: { partnerId: partner.id, hirerId: hirer.id, types: toTypes, createdAt: now },
        update: { types: toTypes },
        select: { id: true },
      });
    }
    await tx.seekHirerRelationshipChange.create({
      data: { partnerId: partner.id, hirerId: hirer.id, fromTypes, toTypes, actorId: user.id, createdAt: now },
      select: { id: true },
    });
    const apps = await tx.app.findMany({ where: { partnerId: partner.id, provider: "SEEK" }, select: { id: true } });
    for (const app of apps) {
      await recordSeekActivity(
        tx,
        app.id,
        user.id,
        "seek.relationship.changed",
        { hirer: `${hirer.name} (${SEEK_ENVIRONMENT_LABELS[hirer.environment]})`, fromTypes, toTypes },
        now,
      );
    }
    return { changed: true };
  }, TX_OPTIONS);
}
