// Requests to the Indeed emulator's handlers as a client would send them, for integration
// tests: the handlers are called with real Request objects and answer real Responses.
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { tokenEndpoint } from "../providers/indeed/token-endpoint";
import { appinfoEndpoint, userinfoEndpoint } from "../providers/indeed/resources";
import { discoveryResponse, jwksResponse } from "../providers/indeed/discovery";
import { indeedIssuer } from "../providers/indeed/policy";

export const ORIGIN = "http://emulator.test";
export const ISSUER = indeedIssuer(new Request(`${ORIGIN}/indeed`));

/** RFC 6749 §2.3.1: each part form-urlencoded, then base64 of "id:secret". */
export function basic(clientId: string, secret: string): string {
  const form = (v: string) => new URLSearchParams({ v }).toString().slice(2);
  return `Basic ${Buffer.from(`${form(clientId)}:${form(secret)}`).toString("base64")}`;
}

export interface TokenCall {
  params?: Record<string, string> | string;
  authorization?: string;
  contentType?: string | null;
}

export function postToken({ params = {}, authorization, contentType = "application/x-www-form-urlencoded" }: TokenCall) {
  const headers = new Headers();
  if (contentType) headers.set("content-type", contentType);
  if (authorization) headers.set("authorization", authorization);
  const body = typeof params === "string" ? params : new URLSearchParams(params).toString();
  return tokenEndpoint(new Request(`${ORIGIN}/indeed/oauth/v2/tokens`, { method: "POST", headers, body }));
}

export async function tokenJson(call: TokenCall): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await postToken(call);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

export function getResource(which: "userinfo" | "appinfo", accessToken?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (accessToken) headers.set("authorization", `Bearer ${accessToken}`);
  const request = new Request(`${ORIGIN}/indeed/v2/api/${which}`, { method: "GET", ...init, headers });
  return which === "userinfo" ? userinfoEndpoint(request) : appinfoEndpoint(request);
}

export async function jwks() {
  return (await (await jwksResponse()).json()) as { keys: Record<string, unknown>[] };
}

export function discovery() {
  return discoveryResponse(new Request(`${ORIGIN}/indeed/.well-known/openid-configuration`));
}

/** Verifies a JWT against the published JWKS; returns its header and claims. */
export async function verified(token: unknown, options: { audience?: string } = {}): Promise<{ kid: string; claims: JWTPayload }> {
  if (typeof token !== "string") throw new Error(`Not a JWT: ${String(token)}`);
  const { payload } = await jwtVerify(token, createLocalJWKSet((await jwks()) as never), {
    issuer: ISSUER,
    algorithms: ["ES256"],
    typ: "JWT",
    ...options,
  });
  return { kid: decodeProtectedHeader(token).kid!, claims: payload };
}
