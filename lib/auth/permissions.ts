// The one role → permission map. Server code asks `assertCan`; the UI asks `can` to decide which
// buttons to show, so both always agree. Anything not listed is denied (fail closed).
import { AppError } from "../errors";

export const ROLES = ["ADMIN", "OWNER", "DEVELOPER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** See every partner's apps, not only one's own partner's. */
  "apps:view-all",
  /** See apps, their services and credential metadata. */
  "apps:view",
  /** Create apps for partners and manage the service catalog. */
  "apps:create",
  /** Request services and reviews for an app. */
  "services:request",
  /** Move provisioning and review statuses. */
  "services:administer",
  /** Add, reveal, revoke secrets; edit redirect URLs and partner information. */
  "credentials:manage",
  /** SEEK: issue, rotate and revoke client credentials, and ask for live ones (owners). */
  "seek-credentials:issue",
  /** Manage users and sandbox accounts. */
  "platform:administer",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  OWNER: ["apps:view", "services:request", "credentials:manage", "seek-credentials:issue"],
  DEVELOPER: ["apps:view", "services:request", "credentials:manage"],
  VIEWER: ["apps:view"],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return GRANTS[role]?.includes(permission) ?? false;
}

export function assertCan(role: Role | null | undefined, permission: Permission): void {
  if (!can(role, permission)) {
    throw new AppError("FORBIDDEN", "You do not have permission to do that.");
  }
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  OWNER: "Owner",
  DEVELOPER: "Developer",
  VIEWER: "Viewer",
};
