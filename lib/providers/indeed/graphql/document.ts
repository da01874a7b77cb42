// The operation a request sends, parsed and validated against the schema with the query limits.
// Valid documents are kept by their text (bounded, least recently used dropped first): a partner
// sends the same few operations again and again, and a document depends on nothing but its text
// and the schema, so no console change can make a kept one stale.
import { GraphQLError, Kind, parse, specifiedRules, validate, visit, type DocumentNode } from "graphql";
import { operationCostRule, QUERY_LIMITS } from "./limits";
import { indeedSchema } from "./schema";

export type Checked =
  | { ok: true; document: DocumentNode }
  | { ok: false; stage: "parse" | "validate"; errors: readonly GraphQLError[] }
  | { ok: false; stage: "nul" };

const KEPT = 200;
/** Longer documents are checked every time: a cache of them would hold too much. */
const KEPT_CHARS = 20_000;
const kept = new Map<string, DocumentNode>();

function literalHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes("\0")) found = true;
    },
  });
  return found;
}

export function checkedDocument(query: string): Checked {
  const hit = kept.get(query);
  if (hit) {
    kept.delete(query);
    kept.set(query, hit);
    return { ok: true, document: hit };
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return { ok: false, stage: "parse", errors: [error] };
    throw error;
  }
  if (literalHasNul(document)) return { ok: false, stage: "nul" };
  const errors = validate(indeedSchema(), document, [...specifiedRules, operationCostRule], { maxErrors: 20 });
  if (errors.length > 0) return { ok: false, stage: "validate", errors };
  if (query.length <= KEPT_CHARS) {
    kept.set(query, document);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return { ok: true, document };
}
