// The executable schema: Indeed's SDL, built once per process (it holds no state).
import { buildSchema, type GraphQLSchema } from "graphql";
import { INDEED_GRAPHQL_SDL } from "./sdl";

let schema: GraphQLSchema | undefined;

export function indeedSchema(): GraphQLSchema {
  schema ??= buildSchema(INDEED_GRAPHQL_SDL);
  return schema;
}
