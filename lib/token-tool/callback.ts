// The tool's own redirect URI, and why its callback could not hand over to a run (a code the
// token tool page explains).
import { isAppError } from "../errors";

export const CALLBACK_PATH = "/token-tool/callback";

export function callbackUrl(origin: string): string {
  return `${origin}${CALLBACK_PATH}`;
}

export const CALLBACK_PROBLEMS = {
  unknown: "The callback’s state matches none of your runs: it may belong to another account, or the run was started elsewhere. Start a new run.",
  forbidden: "Only owners and developers can finish an authorization: it uses the app’s secret.",
  failed: "The callback could not be handled. Open the run and try again.",
} as const;

export type CallbackProblem = keyof typeof CALLBACK_PROBLEMS;

export function explainCallbackFailure(error: unknown): CallbackProblem {
  if (isAppError(error) && error.code === "FORBIDDEN") return "forbidden";
  if (isAppError(error) && error.code === "NOT_FOUND") return "unknown";
  return "failed";
}

export function isCallbackProblem(value: unknown): value is CallbackProblem {
  return typeof value === "string" && value in CALLBACK_PROBLEMS;
}
