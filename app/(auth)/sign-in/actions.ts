"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { SIGN_IN_LIMIT } from "@/lib/data/users";
import { z } from "zod";
import { text } from "@/lib/plain-text";
import { signIn } from "@/lib/auth/config";
import type { SignInFormState } from "@/components/sign-in-form";
import { formText } from "@/lib/form-data";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { UNAVAILABLE_MESSAGE } from "@/lib/errors";

const input = z.object({
  email: text({ message: "Enter your email address without control characters." })
    .trim()
    .min(1, "Enter your email address.")
    .max(320, "The email or password is incorrect."),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(256, "The email or password is incorrect."),
  callbackUrl: z.string().optional(),
});

export async function signInAction(_prev: SignInFormState, formData: FormData): Promise<SignInFormState> {
  // A server action is a public endpoint: it may be called with anything, not only our form.
  if (!(formData instanceof FormData)) return { error: "Enter your email and password." };
  const email = formText(formData, "email");
  const parsed = input.safeParse({
    email,
    password: formText(formData, "password"),
    callbackUrl: formText(formData, "callbackUrl") || undefined,
  });
  if (!parsed.success) {
    return { error: parsed.error.issues[0]?.message ?? "Enter your email and password.", email };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
    return {};
  } catch (error) {
    // Success is a redirect, which Next.js implements by throwing: let it through.
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return {
        error: `Too many failed sign-in attempts for this account. Wait ${SIGN_IN_LIMIT.windowSeconds / 60} minutes and try again.`,
        email,
      };
    }
    // The database is unavailable: temporary, and no reason to doubt the password.
    if (isDatabaseUnavailable(error)) return { error: UNAVAILABLE_MESSAGE, email };
    if (error instanceof AuthError) {
      // One message for an unknown email and a wrong password: it must not reveal accounts.
      return { error: "The email or password is incorrect.", email };
    }
    throw error;
  }
}
