import "server-only";
// An OAuth client's Redirect URL Allowlist (docs/decisions/009). What is stored is exactly what
// lib/credentials/redirect-uri.ts checked, so the authorization endpoint's exact match sees the
// same string.
import { db } from "../db";
import { AppError } from "../errors";
import { isUuid } from "../ids";
import { validateRedirectUri } from "../credentials/redirect-uri";
import { appNotFound, clientForChange, recordActivity } from "./client-access";
import { isUniqueViolation, TX_OPTIONS } from "./shared";
import type { SessionUser } from "./users";

export async function addRedirectUri(user: SessionUser, input: { appId: string; uri: string }) {
  try {
    return await db().$transaction(async (tx) => {
      const { app, client } = await clientForChange(tx, user, input.appId, { lock: true });
      if (!client.grantTypes.includes("AUTHORIZATION_CODE")) {
        throw new AppError("CONFLICT", "Only clients with the authorization code grant have redirect URLs.");
      }
      const existing = (await tx.redirectUri.findMany({ where: { clientId: client.id }, select: { uri: true } })).map((r) => r.uri);
      const verdict = validateRedirectUri(input.uri, existing);
      if (!verdict.ok) throw new AppError("VALIDATION", verdict.reason, { uri: [verdict.reason] });
      const created = await tx.redirectUri.create({
        data: { clientId: client.id, uri: verdict.uri, createdById: user.id },
        select: { id: true, uri: true },
      });
      await recordActivity(tx, app.id, user.id, "redirect_uri.added", { uri: verdict.uri });
      return created;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const reason = "This URL is already on the allowlist.";
      throw new AppError("VALIDATION", reason, { uri: [reason] });
    }
    throw error;
  }
}

export async function removeRedirectUri(user: SessionUser, input: { appId: string; redirectUriId: string }) {
  if (!isUuid(input.redirectUriId)) throw appNotFound();
  return db().$transaction(async (tx) => {
    const { app, client } = await clientForChange(tx, user, input.appId);
    const row = await tx.redirectUri.findFirst({ where: { id: input.redirectUriId, clientId: client.id }, select: { id: true, uri: true } });
    if (!row) throw new AppError("NOT_FOUND", "This redirect URL is no longer on the allowlist.");
    const { count } = await tx.redirectUri.deleteMany({ where: { id: row.id, clientId: client.id } });
    if (count !== 1) throw new AppError("NOT_FOUND", "This redirect URL is no longer on the allowlist.");
    await recordActivity(tx, app.id, user.id, "redirect_uri.removed", { uri: row.uri });
    return { uri: row.uri };
  }, TX_OPTIONS);
}
