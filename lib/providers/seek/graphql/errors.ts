// The error codes SEEK's GraphQL API answers in `errors[].extensions.code`, with HTTP 200.
import { GraphQLError } from "graphql";

export type SeekErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT";

export function seekError(code: SeekErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export function isSeekError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions.code;
  return code === "UNAUTHENTICATED" || code === "FORBIDDEN" || code === "BAD_USER_INPUT";
}
