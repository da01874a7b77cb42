// The target a tester chooses (this console's emulator, the real provider, a custom base URL)
// as a form sends it, checked by the actions of the token tool and of the services' testing
// tools alike: a custom base URL must be one the console may call (lib/outbound/url.ts).
import { z } from "zod";
import { vetOutboundUrl } from "../outbound/url";
import { TARGET_KINDS } from "./targets";

export const targetFields = {
  target: z.enum(TARGET_KINDS, { message: "Choose a target." }),
  baseUrl: z.string().trim().max(2000, "The URL is longer than 2,000 characters.").default(""),
};

/** A custom target needs a callable base URL; the message goes by the `baseUrl` field. */
export function checkTarget(value: { target: string; baseUrl: string }, ctx: z.RefinementCtx): void {
  if (value.target !== "custom") return;
  const vetted = vetOutboundUrl(value.baseUrl);
  if (!vetted.ok) ctx.addIssue({ code: "custom", path: ["baseUrl"], message: value.baseUrl === "" ? "Enter the custom issuer or base URL." : vetted.message });
}

/** The base URL without its trailing slashes, for the custom target only. */
export function baseUrlOf(value: { target: string; baseUrl: string }): string | null {
  return value.target === "custom" ? value.baseUrl.replace(/\/+$/, "") : null;
}
