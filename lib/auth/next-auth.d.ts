import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The ConsoleSession row this cookie belongs to (lib/data/console-sessions.ts). */
    sid?: string;
  }
}
