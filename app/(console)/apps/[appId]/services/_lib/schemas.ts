// Inputs of the services tab's server actions, shared by the forms (limits, messages) and the
// actions (which parse every call: an action is a public POST endpoint).
import { z } from "zod";
import { NOTE_MAX_LENGTH } from "./limits";
import { LIFECYCLE_ACTIONS, MOVES } from "@/lib/provisioning/lifecycle";

export { NOTE_MAX_LENGTH };

const note = z
  .string()
  .trim()
  .max(NOTE_MAX_LENGTH, `At most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.`)
  .nullish();

export const requestServiceInput = z.object({
  appId: z.uuid({ message: "This app does not exist." }),
  serviceId: z.uuid({ message: "Choose a service." }),
  note,
});
export type RequestServiceInput = z.input<typeof requestServiceInput>;

export const MOVE_ACTIONS = LIFECYCLE_ACTIONS.filter((a) => a !== "request") as Exclude<
  (typeof LIFECYCLE_ACTIONS)[number],
  "request"
>[];

export const moveServiceInput = z
  .object({
    appId: z.uuid({ message: "This app does not exist." }),
    serviceId: z.uuid({ message: "This service does not exist." }),
    action: z.enum(MOVE_ACTIONS, { message: "Unknown action." }),
    /** The AppService version the page showed: the move fails if it changed since. */
    version: z.number().int().min(0),
    note,
  })
  .superRefine((input, ctx) => {
    // The lifecycle says which moves need a reason; lib/data checks it again.
    if (MOVES[input.action].noteRequired && !input.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Give a reason." });
    }
  });
export type MoveServiceInput = z.input<typeof moveServiceInput>;
