import "server-only";
// The Indeed emulator's API route handlers by "METHOD /path" (the paths app/indeed/**/route.ts
// serves), for callers that dispatch a request in-process: the token tool, and tests.
import { discoveryResponse, jwksResponse } from "./discovery";
import { appinfoEndpoint, userinfoEndpoint } from "./resources";
import { tokenEndpoint } from "./token-endpoint";

export const INDEED_ROUTES: Record<string, (request: Request) => Response | Promise<Response>> = {
  "GET /indeed/.well-known/openid-configuration": discoveryResponse,
  "GET /indeed/.well-known/keys": () => jwksResponse(),
  "POST /indeed/oauth/v2/tokens": tokenEndpoint,
  "GET /indeed/v2/api/userinfo": userinfoEndpoint,
  "POST /indeed/v2/api/userinfo": userinfoEndpoint,
  "GET /indeed/v2/api/appinfo": appinfoEndpoint,
};
