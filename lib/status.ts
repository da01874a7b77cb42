// The provisioning statuses in the words of Indeed's Partner Console documentation.
import type { Provider, ProvisioningStatus } from "./generated/prisma/enums";

export type { Provider, ProvisioningStatus };

export const STATUS_LABELS: Record<ProvisioningStatus, string> = {
  PROVISIONING_IN_PROGRESS: "Provisioning in progress",
  PENDING_REVIEW: "Pending review",
  REVIEW_IN_PROGRESS: "Review in progress",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  NONE: "None",
};

/** Every provisioning status, in the lifecycle's order. */
export const PROVISIONING_STATUSES = Object.keys(STATUS_LABELS) as ProvisioningStatus[];

export const STATUS_DESCRIPTIONS: Record<ProvisioningStatus, string> = {
  PROVISIONING_IN_PROGRESS: "Indeed is provisioning the service.",
  PENDING_REVIEW: "You are integrating the service. Request a review when you complete the integration.",
  REVIEW_IN_PROGRESS: "Indeed is reviewing the integration.",
  APPROVED: "Indeed approved the integration.",
  REJECTED: "Indeed rejected the integration.",
  NONE: "The service does not require a review.",
};

/** The providers an app can belong to, in the order forms and filters list them. */
export const PROVIDERS = ["INDEED", "SEEK"] as const satisfies readonly Provider[];
export const PROVIDER_LABELS: Record<Provider, string> = { INDEED: "Indeed", SEEK: "SEEK" };
export const CREDENTIAL_TYPE_LABELS = { OAUTH2: "OAuth 2.0", INDEED_APPLY: "Indeed Apply" } as const;

export function isProvisioningStatus(value: string): value is ProvisioningStatus {
  return Object.hasOwn(STATUS_LABELS, value);
}
