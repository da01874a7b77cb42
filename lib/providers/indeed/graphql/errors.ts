// The errors of Indeed's GraphQL APIs: HTTP 200 with `errors[].extensions.code` (the reference
// lists the codes), except rate limits (429) and requests that are not GraphQL requests at all.
import { GraphQLError, type ASTNode } from "graphql";
import { FORBIDDEN_MESSAGE } from "../../../provisioning/indeed-apis";

export type IndeedErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "NOT_FOUND"
  | "INTERNAL_SERVER_ERROR";

export function indeedError(code: IndeedErrorCode, message: string, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code } });
}

export function forbidden(message: string = FORBIDDEN_MESSAGE): GraphQLError {
  return indeedError("FORBIDDEN", message);
}

export function badUserInput(message: string): GraphQLError {
  return indeedError("BAD_USER_INPUT", message);
}
