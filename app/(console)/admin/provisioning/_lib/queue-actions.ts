import type { LifecycleAction } from "@/lib/provisioning/lifecycle";

/** The moves an admin makes from the queue; lib/provisioning/lifecycle.ts decides who may. */
export const QUEUE_ACTIONS = ["finishProvisioning", "approve", "reject", "remove"] as const satisfies readonly LifecycleAction[];
export type QueueActionName = (typeof QUEUE_ACTIONS)[number];

export function isQueueAction(action: LifecycleAction): action is QueueActionName {
  return (QUEUE_ACTIONS as readonly string[]).includes(action);
}
