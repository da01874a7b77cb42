// What the GraphQL resolvers read, bound to one partner and one environment per request, so a
// resolver cannot reach another partner's or the other environment's hirers.
// lib/providers/seek/store.ts implements it on the database.

export interface HirerView {
  id: string;
  name: string;
  seekAnzAdvertiserId: number | null;
  relationshipTypeCodes: string[];
  applicationMethodCodes: string[];
}

/** A hirer as listed: with the key it sorts by, which its cursor carries. */
export interface ListedHirer extends HirerView {
  sortName: string;
}

/** Keyset position in the (sortName, id) order. */
export interface HirerCursor {
  sortName: string;
  id: string;
}

export interface HirerPageQuery {
  nameSearch?: string;
  relationshipTypeCodes?: string[];
  /** forward: the first `limit` after `cursor`; backward: the last `limit` before it. */
  direction: "forward" | "backward";
  cursor?: HirerCursor;
  limit: number;
  /** A browser token lists its own hirer only. */
  onlyHirerId?: string;
}

export interface HirerPage {
  /** In list order, at most `limit`. */
  items: ListedHirer[];
  /** Whether more items exist beyond the page in the direction read. */
  more: boolean;
}

export interface SeekGraphSource {
  partner(): Promise<{ name: string; credentialSelfServiceApprovedIndicator: boolean }>;
  /** A hirer of this environment that the partner has a relationship with. */
  hirer(id: string): Promise<HirerView | null>;
  hirerByAdvertiserId(advertiserId: number): Promise<HirerView | null>;
  /** Related, searchable hirers of this environment. */
  hirers(query: HirerPageQuery): Promise<HirerPage>;
  /** Whether any related hirer lies beyond `cursor` in the other direction (pageInfo). */
  anyBeyond(query: HirerPageQuery): Promise<boolean>;
}
