// The queue's filters as they arrive in the URL. Anything malformed is dropped rather than
// refused: a stale bookmark or a hand-edited link shows the unfiltered queue, never an error.
import { z } from "zod";
import type { QueueFilters } from "@/lib/data/provisioning";
import { PROVIDERS } from "@/lib/status";

export const QUEUE_STATUSES = ["PROVISIONING_IN_PROGRESS", "REVIEW_IN_PROGRESS"] as const;

const fields = {
  provider: z.enum(PROVIDERS),
  serviceId: z.uuid(),
  partnerId: z.uuid(),
  status: z.enum(QUEUE_STATUSES),
};

/** The URL parameter of each filter. */
export const FILTER_PARAMS = {
  provider: "provider",
  serviceId: "service",
  partnerId: "partner",
  status: "status",
} as const satisfies Record<keyof QueueFilters, string>;

type SearchParams = Record<string, string | string[] | undefined>;

export function parseQueueFilters(params: SearchParams): QueueFilters {
  const value = (key: keyof QueueFilters) => {
    const raw = params[FILTER_PARAMS[key]];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  return {
    provider: fields.provider.safeParse(value("provider")).data,
    serviceId: fields.serviceId.safeParse(value("serviceId")).data,
    partnerId: fields.partnerId.safeParse(value("partnerId")).data,
    status: fields.status.safeParse(value("status")).data,
  };
}

export function hasFilters(filters: QueueFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}
