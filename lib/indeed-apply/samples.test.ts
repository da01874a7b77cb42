import { describe, expect, it } from "vitest";
import { SAMPLE_KINDS, sampleApplication, sampleBody } from "./samples";

type Obj = Record<string, unknown>;

function fileOf(kind: (typeof SAMPLE_KINDS)[number]) {
  const app = sampleApplication(kind, { apiToken: "tok" }) as Obj;
  return ((app.applicant as Obj).resume as Obj | undefined)?.file as { fileName: string; contentType: string; data: string } | undefined;
}

describe("sample applications", () => {
  it("each is JSON with Indeed's top-level fields and a fresh 64-hex application id", () => {
    for (const kind of SAMPLE_KINDS) {
      const app = JSON.parse(sampleBody(kind, { apiToken: "tok", now: 1_700_000_000_000 })) as Obj;
      expect(app).toMatchObject({ appliedOnMillis: 1_700_000_000_000, locale: "en_US", job: { apiToken: "tok" }, applicant: { email: "jordan.rivera@example.com" } });
      expect(app.id).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(sampleApplication("no-resume", { apiToken: "t" }).id).not.toBe(sampleApplication("no-resume", { apiToken: "t" }).id);
  });

  it("carries real resume files, Base64-encoded", () => {
    const pdf = Buffer.from(fileOf("resume-pdf")!.data, "base64");
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    expect(pdf.toString("latin1")).toContain("(Jordan Rivera) Tj");
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);

    const docx = fileOf("resume-docx")!;
    expect(docx.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const zip = Buffer.from(docx.data, "base64");
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.toString("latin1")).toContain("word/document.xml");
    expect(zip.toString("utf8")).toContain("<w:t xml:space=\"preserve\">Jordan Rivera</w:t>");

    expect(Buffer.from(fileOf("resume-text")!.data, "base64").toString("utf8")).toMatch(/^Jordan Rivera\n/);
    expect(fileOf("no-resume")).toBeUndefined();
  });

  it("has screener answers of nested types, and demographic answers", () => {
    const screener = sampleApplication("screener", { apiToken: "t" }).questionsAndAnswers as Obj;
    const types = (screener.questionsAndAnswers as Array<{ question: { type: string } }>).map((q) => q.question.type);
    expect(types).toEqual(expect.arrayContaining(["text", "select", "multiselect", "hierarchical", "date", "textarea", "file"]));
    const demographic = sampleApplication("demographic", { apiToken: "t" }).questionsAndAnswers as Obj;
    expect((demographic.demographicQuestionsAndAnswers as unknown[]).length).toBeGreaterThan(0);
  });
});
