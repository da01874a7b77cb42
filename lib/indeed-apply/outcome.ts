// What an endpoint's answer means for an Indeed Apply integration. Indeed expects 200 when the
// application was taken, 409 for a duplicate (same email and job within 120 days) and 410 when
// the job has expired; it does not follow redirects, so a 3xx loses the application.
import type { OutboundResult } from "../outbound/outbound-fetch";

export const OUTCOMES = [
  "accepted",
  "duplicate",
  "expired",
  "refused",
  "redirect",
  "unexpected_status",
  "timeout",
  "tls",
  "connection",
  "blocked",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: "Accepted (200)",
  duplicate: "Duplicate (409)",
  expired: "Expired job (410)",
  refused: "Refused",
  redirect: "Redirect: integration error",
  unexpected_status: "Unexpected status: integration error",
  timeout: "Timed out",
  tls: "TLS failure",
  connection: "Connection failure",
  blocked: "Not sent",
};

export type Interpretation = { outcome: Outcome; message: string; status: number | null };

export type SendKind = "signed" | "repeat" | "forged";

/**
 * The meaning of one send's result. A forged send is judged the other way round: the endpoint
 * should refuse it (any 4xx but 409/410 passes; taking it is the integration error).
 */
export function interpret(result: OutboundResult, kind: SendKind): Interpretation {
  if (!result.ok) {
    const outcome: Outcome =
      result.kind === "timeout"
        ? "timeout"
        : result.kind === "tls"
          ? "tls"
          : result.kind === "blocked_address" || result.kind === "blocked_scheme" || result.kind === "invalid_url"
            ? "blocked"
            : "connection";
    return { outcome, status: null, message: result.message };
  }
  const { status } = result;
  if (status >= 300 && status < 400) {
    return {
      outcome: "redirect",
      status,
      message: `The endpoint redirected (${status}${result.redirectTo ? ` to ${result.redirectTo}` : ""}). Indeed does not follow redirects: the application would be lost. Post to the final URL directly.`,
    };
  }
  if (kind === "forged") {
    if (status >= 400 && status < 500 && status !== 409 && status !== 410) {
      return { outcome: "refused", status, message: `The endpoint refused the application with a wrong signature (${status}), as it should.` };
    }
    return {
      outcome: status >= 200 && status < 300 ? "accepted" : "unexpected_status",
      status,
      message:
        status >= 200 && status < 300
          ? `The endpoint took an application with a wrong signature (${status}). It must compute the signature of the raw body with your secret and refuse a mismatch.`
          : `The endpoint answered ${status} to a forged application; refuse it with a 4xx such as 401 or 403.`,
    };
  }
  if (status === 200) {
    return kind === "repeat"
      ? { outcome: "accepted", status, message: "The endpoint took the same application again (200). A repeat of the same email and job within 120 days should be answered 409." }
      : { outcome: "accepted", status, message: "The endpoint took the application (200)." };
  }
  if (status === 409) return { outcome: "duplicate", status, message: "The endpoint reported a duplicate application (409)." };
  if (status === 410) return { outcome: "expired", status, message: "The endpoint reported that the job has expired (410)." };
  return {
    outcome: "unexpected_status",
    status,
    message: `The endpoint answered ${status}. Indeed expects 200, 409 or 410; any other status is an integration error and Indeed retries or drops the application.`,
  };
}

/** Whether the result is what a correct endpoint does for this kind of send. */
export function isExpected(kind: SendKind, { outcome }: Interpretation): boolean {
  if (kind === "forged") return outcome === "refused";
  if (kind === "repeat") return outcome === "duplicate";
  return outcome === "accepted" || outcome === "duplicate" || outcome === "expired";
}
