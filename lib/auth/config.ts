// Auth.js: email + password sign-in, encrypted JWT session cookies naming a ConsoleSession row
// (decision 003). Role and partner are read from the database with the session on every request
// (lib/auth/session.ts), so a changed role or a deleted user takes effect at once, and signing
// out deletes the row, which ends the session on every instance even for a copied cookie.
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { text } from "../plain-text";
import { TooManySignInAttempts, verifyCredentials } from "../data/users";
import { MAX_PASSWORD_LENGTH } from "./password";
import { authSecret } from "./secret";
import { sessionCookieRefusal } from "./session-cookie-refusal";
import { log, logUnexpected } from "../log";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "../db-unavailable";
import {
  CONSOLE_SESSION_MAX_AGE_SECONDS,
  createConsoleSession,
  deleteConsoleSession,
  isLiveConsoleSession,
} from "../data/console-sessions";

const CLIENT_ERRORS = new Set<string>(["MissingCSRF", "UnknownAction", "InvalidCallbackUrl", "InvalidCheck"]);

const credentialsSchema = z.object({
  email: text().trim().max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

export class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // Missing on PostgreSQL in production: Auth.js then refuses every request (fail closed),
  // and lib/auth/session.ts reports the configuration error before it gets that far.
  secret: authSecret() ?? undefined,
  // The app is meant to run behind a load balancer that sets X-Forwarded-Host.
  trustHost: true,
  session: { strategy: "jwt", maxAge: CONSOLE_SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        let user;
        try {
          user = await verifyCredentials(parsed.data.email, parsed.data.password);
        } catch (error) {
          if (error instanceof TooManySignInAttempts) throw new RateLimitedSignIn();
          throw error;
        }
        if (!user) throw new InvalidCredentials();
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace in the logs.
    // Bad requests from clients (a missing CSRF token, an unknown action, a session cookie that
    // does not decrypt) are warnings too.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      // A database outage: one line for the outage, not a stack per sign-in (decision 024).
      if (isDatabaseUnavailable(error)) {
        noteDatabaseUnavailable();
        return;
      }
      if (error instanceof AuthError && CLIENT_ERRORS.has(error.type)) {
        log("warn", "auth request refused", { type: error.type });
        return;
      }
      const refusal = sessionCookieRefusal(error);
      if (refusal) {
        log("warn", "session cookie refused", { reason: refusal });
        return;
      }
      logUnexpected(error, { source: "auth" });
    },
    warn(code) {
      log("warn", "auth warning", { code });
    },
    debug() {},
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await deleteConsoleSession(sid);
    },
  },
  callbacks: {
    // At sign-in (`user` set) the session gets its row; afterwards (Auth.js's own session
    // endpoint) a token whose row is gone is no session, and Auth.js clears the cookie.
    async jwt({ token, user }) {
      if (user?.id) return { ...token, sub: user.id, sid: await createConsoleSession(user.id) };
      if (typeof token.sid !== "string" || !(await isLiveConsoleSession(token.sid))) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
