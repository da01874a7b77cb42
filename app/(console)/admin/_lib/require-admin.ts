import "server-only";
import { notFound } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireUser, type SessionUser } from "@/lib/auth/session";

/**
 * For admin pages: the signed-in user, who must hold `permission`. Anyone else gets the 404
 * page, exactly like a page that does not exist. Each page calls this itself (a layout does not
 * re-run on client navigation), and lib/data checks the permission again on every read.
 */
export async function requireAdminPage(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) notFound();
  return user;
}

/**
 * For admin list pages: the entries `list` gives a user holding `permission`, and the one a
 * form has just saved (its id is the `saved` parameter the form redirects here with).
 */
export async function loadAdminList<T extends { id: string }>(
  permission: Permission,
  list: (user: SessionUser) => Promise<T[]>,
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<{ rows: T[]; saved: T | undefined }> {
  const user = await requireAdminPage(permission);
  const [rows, params] = await Promise.all([list(user), searchParams]);
  return { rows, saved: rows.find((row) => row.id === params.saved) };
}
