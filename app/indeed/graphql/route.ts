// Indeed's simulated GraphQL APIs (Job Sync, Disposition Sync, Employer Data): lib/providers/indeed/graphql/endpoint.ts.
import { graphqlEndpoint } from "@/lib/providers/indeed/graphql/endpoint";

export function POST(request: Request): Promise<Response> {
  return graphqlEndpoint(request);
}

export function GET(request: Request): Promise<Response> {
  return graphqlEndpoint(request);
}
