import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertCan, can, type Permission, ROLES } from "./permissions";

const everything: Permission[] = [
  "apps:view-all",
  "apps:view",
  "apps:create",
  "services:request",
  "services:administer",
  "credentials:manage",
  "platform:administer",
];

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
    expect(() => assertCan("VIEWER", "credentials:manage")).toThrow(AppError);
    expect(() => assertCan("OWNER", "credentials:manage")).not.toThrow();
    expect(ROLES).toHaveLength(4);
  });
});
