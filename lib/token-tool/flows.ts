import "server-only";
// The token tool's flows, by id. A flow family adds its flows here and nowhere else.
import type { FlowDefinition } from "./flow";
import { indeedAuthorizationCodeFlow } from "./indeed/authorization-code";
import { indeedClientCredentialsFlow } from "./indeed/client-credentials";
import { seekPartnerFlow } from "./seek/flow";

export const FLOWS: readonly FlowDefinition[] = [indeedClientCredentialsFlow, indeedAuthorizationCodeFlow, seekPartnerFlow];

export function flowById(id: string): FlowDefinition | undefined {
  return FLOWS.find((f) => f.id === id);
}

/** The flows an app's provider offers. */
export function flowsFor(provider: "INDEED" | "SEEK"): FlowDefinition[] {
  return FLOWS.filter((f) => f.provider === (provider === "INDEED" ? "indeed" : "seek"));
}
