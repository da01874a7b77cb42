import { describe, expect, it } from "vitest";
import { formAll, formFlag, formText } from "./form-data";

function form(entries: [string, string | Blob][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formText", () => {
  it("reads text, and reads a missing field or a file as empty", () => {
    const data = form([["name", "Acme"], ["upload", new Blob(["x"])]]);
    expect(formText(data, "name")).toBe("Acme");
    expect(formText(data, "missing")).toBe("");
    expect(formText(data, "upload")).toBe("");
  });
});

describe("formFlag", () => {
  it("is true only for a ticked checkbox", () => {
    const data = form([["ticked", "on"], ["other", "yes"]]);
    expect(formFlag(data, "ticked")).toBe(true);
    expect(formFlag(data, "other")).toBe(false);
    expect(formFlag(data, "missing")).toBe(false);
  });
});

describe("formAll", () => {
  it("keeps every text value in order and drops files", () => {
    const data = form([["ids", "a"], ["ids", new Blob(["x"])], ["ids", "b"]]);
    expect(formAll(data, "ids")).toEqual(["a", "b"]);
    expect(formAll(data, "missing")).toEqual([]);
  });
});
