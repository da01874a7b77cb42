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
