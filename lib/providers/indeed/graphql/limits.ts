// Bounds on the operations the endpoint will execute, checked before execution so that a
// deeply nested or very wide query costs a GraphQL error, never a hang (decision 021).
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";

export const QUERY_LIMITS = {
  /** Lexer tokens of the document (graphql-js stops parsing past it). */
  maxTokens: 5_000,
  /** Nesting of selection sets, fragments expanded; an operation of these APIs needs 7, the introspection query of GraphiQL 15. */
  maxDepth: 16,
  /** Fields selected, fragments expanded once per spread. */
  maxFields: 500,
} as const;

interface Cost {
  depth: number;
  fields: number;
}

/**
 * One rule for depth and width. Fragment spreads are expanded (and a fragment that spreads
 * itself is left to graphql-js's NoFragmentCycles rule); counting stops as soon as a limit is
 * passed, so a document of many fragments spreading each other several times is bounded too.
 */
export function operationCostRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return {
    OperationDefinition(node) {
      const cost: Cost = { depth: 0, fields: 0 };
      const exceeded = measure(node.selectionSet, 1, cost, fragments, new Set());
      if (exceeded) {
        context.reportError(new GraphQLError(exceeded, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }));
      }
      return false;
    },
  };
}

function measure(
  set: SelectionSetNode,
  depth: number,
  cost: Cost,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): string | null {
  if (depth > QUERY_LIMITS.maxDepth) return `The query is nested more than ${QUERY_LIMITS.maxDepth} levels deep.`;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      cost.fields += 1;
      if (cost.fields > QUERY_LIMITS.maxFields) return `The query selects more than ${QUERY_LIMITS.maxFields} fields.`;
      if (selection.selectionSet) {
        const inner = measure(selection.selectionSet, depth + 1, cost, fragments, visiting);
        if (inner) return inner;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, depth, cost, fragments, visiting);
      if (inner) return inner;
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      const inner = measure(fragment.selectionSet, depth, cost, fragments, visiting);
      visiting.delete(name);
      if (inner) return inner;
    }
  }
  return null;
}
