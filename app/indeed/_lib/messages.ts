// What the emulator tells a user when a request cannot go on. Shared by the pages (React) and
// the route handlers (plain HTML), so both say the same thing.
import type { GoneReason } from "@/lib/providers/indeed/authorization-flow";

export const GONE_MESSAGES: Record<GoneReason, { title: string; message: string }> = {
  unknown: {
    title: "This link does not work",
    message: "This sign-in link is not valid. Go back to the app and try again.",
  },
  expired: {
    title: "This request has expired",
    message: "You took a little too long. Go back to the app and start again.",
  },
  completed: {
    title: "This request is complete",
    message: "You have already answered this request. Go back to the app; start again there if you need to.",
  },
  "other-account": {
    title: "This request belongs to another account",
    message: "It was started with another Indeed account. Go back to the app and start again.",
  },
};

export const CSRF_MESSAGE = {
  title: "Your session has changed",
  message: "This form was opened in another session. Go back to the app and start again.",
};

export const TOO_LARGE_MESSAGE = {
  title: "This form is too large",
  message: "The form sent more than Indeed accepts. Go back to the app and start again.",
};
