// Errors that reach Next.js itself (a page's render, a route handler or a server action that did
// not answer them): a database outage among them is noted (lib/db-unavailable.ts), so that the
// proxy answers the following page requests with the outage page instead of rendering them.
import type { Instrumentation } from "next";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "./lib/db-unavailable";

export const onRequestError: Instrumentation.onRequestError = (error) => {
  if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
};
