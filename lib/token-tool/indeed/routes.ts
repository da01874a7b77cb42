import "server-only";
// The Indeed emulator's route handlers the token tool dispatches to in-process, by the paths
// the emulator serves under /indeed (the same handlers as app/indeed/**/route.ts).
import { discoveryResponse, jwksResponse } from "../../providers/indeed/discovery";
import { appinfoEndpoint, userinfoEndpoint } from "../../providers/indeed/resources";
import { tokenEndpoint } from "../../providers/indeed/token-endpoint";
import type { RouteTable } from "../transport";

const ROUTES: RouteTable = {
  "GET /indeed/.well-known/openid-configuration": discoveryResponse,
  "GET /indeed/.well-known/keys": () => jwksResponse(),
  "POST /indeed/oauth/v2/tokens": tokenEndpoint,
  "GET /indeed/v2/api/userinfo": userinfoEndpoint,
  "POST /indeed/v2/api/userinfo": userinfoEndpoint,
  "GET /indeed/v2/api/appinfo": appinfoEndpoint,
};

export async function indeedRoutes(): Promise<RouteTable> {
  return ROUTES;
}
