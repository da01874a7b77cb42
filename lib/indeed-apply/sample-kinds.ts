// The sample applications the testing tool offers (built in samples.ts, on the server).
export const SAMPLE_KINDS = ["resume-pdf", "resume-docx", "resume-text", "no-resume", "screener", "demographic"] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

export const SAMPLE_LABELS: Record<SampleKind, string> = {
  "resume-pdf": "With a PDF resume",
  "resume-docx": "With a Word (DOCX) resume",
  "resume-text": "With a plain-text resume",
  "no-resume": "Without a resume",
  screener: "With screener questions and answers",
  demographic: "With demographic answers",
};

export function isSampleKind(value: string): value is SampleKind {
  return (SAMPLE_KINDS as readonly string[]).includes(value);
}
