import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { useTestDatabase } from "../testing/database";
import {
  CONSOLE_SESSION_MAX_AGE_SECONDS,
  createConsoleSession,
  deleteConsoleSession,
  deleteUserSessions,
  findSessionUser,
  isLiveConsoleSession,
} from "./console-sessions";

const t = useTestDatabase();

let partner: { id: string; name: string };

beforeAll(async () => {
  partner = await t.rows.partner("Initech");
});

describe("findSessionUser", () => {
  it("returns the session's user with role and partner", async () => {
    const owner = await t.rows.user("OWNER", partner);
    expect(await findSessionUser(await createConsoleSession(owner.id))).toEqual({ ...owner, partnerName: "Initech" });
    const admin = await t.rows.user("ADMIN", null);
    expect(await findSessionUser(await createConsoleSession(admin.id))).toMatchObject({ role: "ADMIN", partnerId: null, partnerName: null });
  });

  it("returns null for a malformed id, a user id, or an unknown session", async () => {
    const owner = await t.rows.user("OWNER", partner);
    await createConsoleSession(owner.id);
    for (const id of ["", "not-a-uuid", "1' OR '1'='1", `${randomUUID()} `, owner.id, randomUUID()]) {
      expect(await findSessionUser(id), id).toBeNull();
    }
  });

  it("returns null once the session has expired", async () => {
    const owner = await t.rows.user("OWNER", partner);
    const startedAt = new Date(Date.now() - CONSOLE_SESSION_MAX_AGE_SECONDS * 1000 - 1000);
    const id = await createConsoleSession(owner.id, startedAt);
    expect(await findSessionUser(id, startedAt)).not.toBeNull();
    expect(await findSessionUser(id)).toBeNull();
    expect(await isLiveConsoleSession(id)).toBe(false);
  });

  it("reads the role at each request: a changed role applies to a session already open", async () => {
    const developer = await t.rows.user("DEVELOPER", partner);
    const id = await createConsoleSession(developer.id);
    await db().user.update({ where: { id: developer.id }, data: { role: "VIEWER" } });
    expect(await findSessionUser(id)).toMatchObject({ id: developer.id, role: "VIEWER" });
  });
});

describe("ending sessions", () => {
  it("sign-out ends that session and no other", async () => {
    const owner = await t.rows.user("OWNER", partner);
    const laptop = await createConsoleSession(owner.id);
    const phone = await createConsoleSession(owner.id);
    await deleteConsoleSession(laptop);
    expect(await findSessionUser(laptop)).toBeNull();
    expect(await isLiveConsoleSession(laptop)).toBe(false);
    expect(await findSessionUser(phone)).toMatchObject({ id: owner.id });
    expect(await isLiveConsoleSession(phone)).toBe(true);
  });

  it("ending a user's sessions ends all of them, and only theirs", async () => {
    const owner = await t.rows.user("OWNER", partner);
    const colleague = await t.rows.user("DEVELOPER", partner);
    const sessions = [await createConsoleSession(owner.id), await createConsoleSession(owner.id)];
    const other = await createConsoleSession(colleague.id);
    expect(await deleteUserSessions(owner.id)).toBe(2);
    for (const id of sessions) expect(await findSessionUser(id)).toBeNull();
    expect(await findSessionUser(other)).toMatchObject({ id: colleague.id });
  });

  it("deleting the user deletes their sessions", async () => {
    const viewer = await t.rows.user("VIEWER", partner);
    const id = await createConsoleSession(viewer.id);
    await db().user.delete({ where: { id: viewer.id } });
    expect(await db().consoleSession.count({ where: { id } })).toBe(0);
  });

  it("a new sign-in drops the user's expired sessions", async () => {
    const owner = await t.rows.user("OWNER", partner);
    const old = await createConsoleSession(owner.id, new Date(Date.now() - CONSOLE_SESSION_MAX_AGE_SECONDS * 1000 - 1000));
    await createConsoleSession(owner.id);
    expect(await db().consoleSession.count({ where: { id: old } })).toBe(0);
  });
});
