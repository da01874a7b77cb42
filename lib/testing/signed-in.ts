// The session as the action tests see it: `vi.mock("@/lib/auth/session", () =>
// import("@/lib/testing/signed-in"))` makes every server action run as the user last given to
// `actAs` (signed out before the first call, or after `actAs(null)`), so a test calls the
// actions directly, the way a crafted POST would, as whoever it likes.
import type { SessionUser } from "../data/users";

let current: SessionUser | null = null;

export function actAs(user: SessionUser | null): void {
  current = user;
}

export async function requireUser(): Promise<SessionUser> {
  if (!current) throw new Error("signed out");
  return current;
}
