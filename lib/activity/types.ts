// The kinds of rows in an app's activity log. Credential events are ActivityEvent rows with one
// of these types; "secret.expired" is derived from ClientSecret.expiresAt and
// "provisioning.changed" from ServiceStatusChange (lib/data/activity.ts merges them).
// `detail` carries display data only: labels, URLs, field names, reasons. Never a secret.

export const ACTIVITY_TYPES = [
  "client.created",
  "secret.added",
  "secret.revealed",
  "secret.revoked",
  "secret.rotated",
  "secret.expired",
  "redirect_uri.added",
  "redirect_uri.removed",
  "review.requested",
  "review.approved",
  "review.rejected",
  "review.resubmitted",
  "partner_info.updated",
  "provisioning.changed",
  "indeed_apply.test_sent",
  "indeed_apply.signature_checked",
  "secret.used",
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_LABELS: Record<ActivityType, string> = {
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
};

export function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(value);
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
};
