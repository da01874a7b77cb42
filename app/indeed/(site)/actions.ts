"use server";
// The emulator's own server actions: sign in, sign out, remove an app's access. Each is a public
// POST endpoint: it validates its input and, when acting for a session, checks the session's
// CSRF token (Next's origin check is not the only guard).
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { text } from "@/lib/plain-text";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password";
import { nextStep, revokeGrant } from "@/lib/providers/indeed/authorization-flow";
import { TooManySandboxSignInAttempts, verifySandboxCredentials } from "@/lib/providers/indeed/sign-in";
import { createSandboxSession, deleteSandboxSession, isValidCsrfToken } from "@/lib/providers/indeed/sessions";
import { SIGN_IN_LIMIT } from "@/lib/data/users";
import { isRequestHandle } from "@/lib/providers/indeed/authorize";
import type { SignInFormState } from "@/components/sign-in-form";
import { formText } from "@/lib/form-data";
import { logUnexpected } from "@/lib/log";
import { stepLocation } from "../_lib/responses";
import { currentSandboxAccount, SESSION_COOKIE, sessionCookieOptions, sessionToken } from "../_lib/session";
import { outageAnswer } from "@/lib/oauth/errors";

const WRONG = "The email or password is incorrect.";

const signInInput = z.object({
  email: text({ message: "Enter your email address without control characters." }).trim().min(1, "Enter your email address.").max(320, WRONG),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH, WRONG),
});

export async function indeedSignInAction(_prev: SignInFormState, formData: FormData): Promise<SignInFormState> {
  if (!(formData instanceof FormData)) return { error: "Enter your email and password." };
  const email = formText(formData, "email");
  const parsed = signInInput.safeParse({ email, password: formText(formData, "password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email and password.", email };
  const handle = formText(formData, "request");
  let account;
  try {
    account = await verifySandboxCredentials(parsed.data.email, parsed.data.password);
  } catch (error) {
    if (error instanceof TooManySandboxSignInAttempts) {
      return {
        error: `Too many failed sign-in attempts for this account. Wait ${SIGN_IN_LIMIT.windowSeconds / 60} minutes and try again.`,
        email,
      };
    }
    if (outageAnswer(error)) return { error: "Indeed is temporarily unavailable. Try again in a moment.", email };
    const id = logUnexpected(error, { action: "indeedSignIn" });
    return { error: `Something went wrong. Please try again (reference ${id}).`, email };
  }
  // One message for an unknown email and a wrong password: it must not reveal accounts.
  if (!account) return { error: WRONG, email };

  const previous = await sessionToken();
  const session = await createSandboxSession(account.id);
  await deleteSandboxSession(previous);
  (await cookies()).set(SESSION_COOKIE, session.token, await sessionCookieOptions());
  // Straight to the request's next step (a page, or the client when nothing needs asking).
  if (!isRequestHandle(handle)) redirect("/indeed/authorized-applications");
  redirect(stepLocation(handle, await nextStep(handle, account)));
}

export async function indeedSignOutAction(formData: FormData): Promise<void> {
  const token = await sessionToken();
  if (formData instanceof FormData && isValidCsrfToken(token, "sign-out", formData.get("csrf"))) {
    await deleteSandboxSession(token);
    (await cookies()).delete({ name: SESSION_COOKIE, path: "/indeed" });
  }
  redirect("/indeed/sign-in");
}

export interface RemoveAccessState {
  ok?: boolean;
  message?: string;
}

export async function removeAccessAction(_prev: RemoveAccessState, formData: FormData): Promise<RemoveAccessState> {
  const account = await currentSandboxAccount();
  if (!account) redirect("/indeed/sign-in");
  if (!(formData instanceof FormData) || !isValidCsrfToken(await sessionToken(), "authorized-applications", formData.get("csrf"))) {
    return { ok: false, message: "Your session has changed. Reload the page and try again." };
  }
  const grantId = formText(formData, "grant");
  const removed = await revokeGrant(account.id, grantId);
  revalidatePath("/indeed/authorized-applications");
  // An unknown id, another account's grant and one removed a moment ago all read the same.
  if (!removed) return { ok: false, message: "This app no longer has access to your account." };
  return { ok: true, message: `${removed.appName} no longer has access to your account.` };
}
