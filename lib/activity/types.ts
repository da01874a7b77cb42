// The kinds of rows in an app's activity log. Credential events are ActivityEvent rows with one
// of these types; "secret.expired" is derived from ClientSecret.expiresAt and
// "provisioning.changed" from ServiceStatusChange (lib/data/activity.ts merges them).
// `detail` carries display data only: labels, URLs, field names, reasons. Never a secret.

/** Each type and how the log names it: the types are this table's keys. */
const LABELS = {
  "client.created": "Credentials created",
  "secret.added": "Secret added",
  "secret.revealed": "Secret revealed",
  "secret.revoked": "Secret revoked",
  "secret.rotated": "Secret rotated",
  "secret.expired": "Secret expired",
  "redirect_uri.added": "Redirect URL added",
  "redirect_uri.removed": "Redirect URL removed",
  "review.requested": "Authorization code review started",
  "review.approved": "Authorization code grant approved",
  "review.rejected": "Authorization code grant rejected",
  "review.resubmitted": "Authorization code grant resubmitted",
  "partner_info.updated": "Partner information updated",
  "provisioning.changed": "Provisioning changed",
  "indeed_apply.test_sent": "Test application sent",
  "indeed_apply.signature_checked": "Signature checked",
  "secret.used": "Secret used by a testing tool",
  // SEEK (issue 11)
  "seek.credential.issued": "SEEK credentials issued",
  "seek.secret.rotated": "SEEK secret rotated",
  "seek.secret.revealed": "SEEK secret revealed",
  "seek.secret.revoked": "SEEK secret revoked",
  "seek.tokens.expired": "SEEK tokens expired",
  "seek.live.requested": "Live credentials requested",
  "seek.live.approved": "Live credentials approved",
  "seek.live.refused": "Live credentials refused",
  "seek.self_service.changed": "Live self-service changed",
  "seek.relationship.changed": "Hirer relationship changed",
} as const;

export type ActivityType = keyof typeof LABELS;

export const ACTIVITY_LABELS: Record<ActivityType, string> = LABELS;

export function isActivityType(value: string): value is ActivityType {
  return Object.hasOwn(LABELS, value);
}

/** What each type's `detail` holds. */
export type ActivityDetail = {
  label?: string;
  uri?: string;
  reason?: string;
  fields?: string[];
  service?: string;
  from?: string | null;
  to?: string | null;
  note?: string | null;
  /** SEEK: the credential's environment label, the overlap's end, a hirer and its relationship types. */
  environment?: string;
  until?: string | null;
  hirer?: string;
  fromTypes?: string[];
  toTypes?: string[];
  enabled?: boolean;
};
