import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/apps/123/services", "/apps/123/services"],
    ["/dashboard?page=2", "/dashboard?page=2"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "/apps\\..\\x",
    "javascript:alert(1)",
    "/dash\nboard",
    "",
    "/sign-in?callbackUrl=//evil.example",
    undefined,
    42,
    `/${"a".repeat(3000)}`,
  ])("refuses %s", (input) => {
    expect(safeCallbackPath(input)).toBe("/dashboard");
  });
});
