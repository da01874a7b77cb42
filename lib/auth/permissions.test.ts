import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertCan, can, PERMISSIONS, ROLE_LABELS, ROLES } from "./permissions";

/** Every permission there is: one added to the map is checked below without editing this file. */
const everything = PERMISSIONS;

describe("permissions", () => {
  it("gives admins everything", () => {
    for (const p of everything) expect(can("ADMIN", p)).toBe(true);
  });

  it("lets owners and developers work on their apps but not administer", () => {
    for (const role of ["OWNER", "DEVELOPER"] as const) {
      expect(can(role, "apps:view")).toBe(true);
      expect(can(role, "services:request")).toBe(true);
      expect(can(role, "credentials:manage")).toBe(true);
      expect(can(role, "apps:view-all")).toBe(false);
      expect(can(role, "services:administer")).toBe(false);
      expect(can(role, "apps:create")).toBe(false);
    }
  });

  it("lets viewers only look", () => {
    expect(everything.filter((p) => can("VIEWER", p))).toEqual(["apps:view"]);
  });

  it("fails closed for a missing or unknown role", () => {
    for (const p of everything) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p)).toBe(false);
      expect(can("ROOT" as never, p)).toBe(false);
    }
  });

  it("throws a FORBIDDEN AppError from assertCan", () => {
    let thrown: unknown;
    try {
      assertCan("VIEWER", "credentials:manage");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: "FORBIDDEN", status: 403 });
    expect(() => assertCan("OWNER", "credentials:manage")).not.toThrow();
    expect(() => assertCan(null, "apps:view")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("names the four roles, each with a label", () => {
    expect(ROLES).toEqual(["ADMIN", "OWNER", "DEVELOPER", "VIEWER"]);
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });
});
