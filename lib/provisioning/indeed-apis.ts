// Which provisioning statuses open which API (decision 021). Pure, shared by the endpoint and the
// console's testing tool, so the page's explanation and the API's answer cannot drift apart.
import { STATUS_LABELS, type ProvisioningStatus } from "../status";

export const INDEED_APIS = {
  "job-sync-api": { name: "Job Sync API", requires: [] },
  "disposition-sync-api": { name: "Disposition Sync API", requires: ["job-sync-api"] },
  "employer-data-api": { name: "Employer Data API", requires: [] },
} as const;

export type IndeedApi = keyof typeof INDEED_APIS;

export function isIndeedApi(slug: string): slug is IndeedApi {
  return Object.hasOwn(INDEED_APIS, slug);
}

/** Statuses in which Indeed has provisioned the client for the API (it may still be under review). */
export const OPEN_STATUSES: readonly ProvisioningStatus[] = ["PENDING_REVIEW", "REVIEW_IN_PROGRESS", "APPROVED", "NONE"];

export const FORBIDDEN_MESSAGE = "Client is not authorized.";

export type Statuses = Partial<Record<string, ProvisioningStatus>>;

export type Access = { open: true } | { open: false; reason: string };

function describe(slug: IndeedApi, status: ProvisioningStatus | undefined): string | null {
  const name = INDEED_APIS[slug].name;
  if (status === undefined) return `The app does not have the ${name}.`;
  if (OPEN_STATUSES.includes(status)) return null;
  return `The ${name} is “${STATUS_LABELS[status]}” on this app; requests are accepted once it is ${openList()}.`;
}

function openList(): string {
  const labels = OPEN_STATUSES.map((s) => `“${STATUS_LABELS[s]}”`);
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** Whether an app whose services are in `statuses` may call `api`, and if not, why. */
export function apiAccess(api: IndeedApi, statuses: Statuses): Access {
  for (const slug of [api, ...INDEED_APIS[api].requires] as IndeedApi[]) {
    const reason = describe(slug, statuses[slug]);
    if (reason) return { open: false, reason: slug === api ? reason : `${INDEED_APIS[api].name} needs the ${INDEED_APIS[slug].name} on the same OAuth client. ${reason}` };
  }
  return { open: true };
}
