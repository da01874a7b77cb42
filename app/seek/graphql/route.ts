// SEEK's GraphQL endpoint (graphql.seek.com/graphql): lib/providers/seek/graphql/handler.ts.
import { graphqlEndpoint } from "@/lib/providers/seek/graphql/handler";
import { methodNotAllowed } from "@/lib/providers/seek/method-not-allowed";

export function POST(request: Request): Promise<Response> {
  return graphqlEndpoint(request);
}

export function GET(request: Request): Promise<Response> {
  return methodNotAllowed(request, "GRAPHQL", "GET /seek/graphql");
}
