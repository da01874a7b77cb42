// The testing tool's inputs, shared by its forms and its actions (docs/decisions/017): the
// action parses with these and lib/data receives the output. Browser-safe.
import { z } from "zod";
import { vetOutboundUrl } from "../outbound/url";
import { parseCapturedRequest } from "./captured-request";
import { SAMPLE_KINDS } from "./sample-kinds";

export const MAX_ENDPOINT_URL_LENGTH = 2048;
/** Applications with a Base64 resume are a few hundred KB at most. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const appId = z.uuid({ message: "This app does not exist." });

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

const endpointUrl = z
  .string({ message: "Enter your endpoint’s URL." })
  .trim()
  .min(1, "Enter your endpoint’s URL.")
  .max(MAX_ENDPOINT_URL_LENGTH, `A URL can have at most ${MAX_ENDPOINT_URL_LENGTH.toLocaleString("en")} characters.`)
  .superRefine((value, ctx) => {
    const vetted = vetOutboundUrl(value);
    if (!vetted.ok) ctx.addIssue({ code: "custom", message: vetted.message });
  });

const applicationJson = z
  .string({ message: "Enter the application JSON." })
  .refine((v) => v.length <= MAX_BODY_BYTES && utf8Bytes(v) <= MAX_BODY_BYTES, "The application is larger than 2 MB.")
  .refine((v) => {
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  }, "The application must be valid JSON, as Indeed sends it.");

export const sendInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      appId,
      kind: z.enum(["signed", "forged"]),
      url: endpointUrl,
      sample: z.enum(SAMPLE_KINDS, { message: "Choose a sample application." }),
      body: applicationJson,
    }),
    z.object({ appId, kind: z.literal("repeat"), sendId: z.uuid({ message: "There is no earlier send to repeat." }) }),
  ],
  { message: "Choose what to send." },
);
export type SendInput = z.output<typeof sendInput>;

const rawBody = z
  .string({ message: "Paste the raw body exactly as it was received." })
  .min(1, "Paste the raw body exactly as it was received.")
  .refine((v) => v.length <= MAX_BODY_BYTES && utf8Bytes(v) <= MAX_BODY_BYTES, "The body is larger than 2 MB.");

/** Either a body and its signature, or a whole captured request; both give { appId, body, signature }. */
export const verifyInput = z
  .discriminatedUnion(
    "mode",
    [
      z.object({
        appId,
        mode: z.literal("parts"),
        body: rawBody,
        signature: z
          .string({ message: "Paste the X-Indeed-Signature header’s value." })
          .trim()
          .min(1, "Paste the X-Indeed-Signature header’s value.")
          .max(200, "A signature is 28 characters long."),
      }),
      z.object({
        appId,
        mode: z.literal("captured"),
        captured: z
          .string({ message: "Paste the whole request." })
          .refine((v) => v.length <= MAX_BODY_BYTES && utf8Bytes(v) <= MAX_BODY_BYTES, "The request is larger than 2 MB.")
          .transform((v, ctx) => {
            const parsed = parseCapturedRequest(v);
            if (!parsed) {
              ctx.addIssue({ code: "custom", message: "Paste the whole request: the request line, the headers, an empty line and the body." });
              return z.NEVER;
            }
            if (!parsed.signature) {
              ctx.addIssue({ code: "custom", message: "This request has no X-Indeed-Signature header." });
              return z.NEVER;
            }
            return { body: parsed.body, signature: parsed.signature };
          }),
      }),
    ],
    { message: "Choose what to paste." },
  )
  .transform((input) =>
    input.mode === "parts"
      ? { appId: input.appId, body: input.body, signature: input.signature }
      : { appId: input.appId, body: input.captured.body, signature: input.captured.signature },
  );
export type VerifyInput = z.output<typeof verifyInput>;
