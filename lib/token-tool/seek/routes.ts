import "server-only";
// The SEEK emulator's route handlers the token tool dispatches to in-process, by the paths the
// emulator serves under /seek (the same handlers as app/seek/**/route.ts).
import { jwksResponse } from "../../oauth/jwks";
import { browserTokenEndpoint } from "../../providers/seek/browser-token";
import { graphqlEndpoint } from "../../providers/seek/graphql/handler";
import { SEEK_KEYS } from "../../providers/seek/keys";
import { partnerTokenEndpoint } from "../../providers/seek/partner-token";
import type { RouteTable } from "../transport";

const ROUTES: RouteTable = {
  "POST /seek/oauth/token": (request) => partnerTokenEndpoint(request),
  "POST /seek/auth/token": browserTokenEndpoint,
  "POST /seek/graphql": graphqlEndpoint,
  "GET /seek/.well-known/jwks.json": () => jwksResponse(SEEK_KEYS, "GET /seek/.well-known/jwks.json"),
};

export async function seekRoutes(): Promise<RouteTable> {
  return ROUTES;
}
