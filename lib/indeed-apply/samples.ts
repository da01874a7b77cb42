// Sample applications in the shape Indeed Apply posts to a job's postUrl: top-level `id`,
// `appliedOnMillis`, `locale`, `job`, `applicant` (with `resume.file` {contentType, data,
// fileName} for an uploaded file, Base64), `analytics` and `questionsAndAnswers`. Field names are
// Indeed's; the people, jobs and answers are invented and say so (example.com addresses).
import { randomBytes } from "node:crypto";
import { resumeDocx, resumePdf, resumeText } from "./resume-files";

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

const FILES = {
  "resume-pdf": { fileName: "Jordan-Rivera-resume.pdf", contentType: "application/pdf", bytes: resumePdf },
  "resume-docx": {
    fileName: "Jordan-Rivera-resume.docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    bytes: resumeDocx,
  },
  "resume-text": { fileName: "Jordan-Rivera-resume.txt", contentType: "text/plain", bytes: resumeText },
} as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * One sample application. `id` is Indeed's application id (64 hex characters), fresh for each
 * sample so a first send is never a duplicate; `apiToken` is the app's Indeed Apply token.
 */
export function sampleApplication(kind: SampleKind, { apiToken, now = Date.now() }: { apiToken: string; now?: number }): Record<string, Json> {
  const application: Record<string, Json> = {
    id: randomBytes(32).toString("hex"),
    appliedOnMillis: now,
    locale: "en_US",
    job: {
      jobId: "WH-ASSOC-1042",
      jobKey: randomBytes(8).toString("hex"),
      jobTitle: "Warehouse Associate",
      jobCompany: "Acme Recruiting Demo Co.",
      jobLocation: "Austin, TX 78701",
      jobUrl: "https://careers.example.com/jobs/WH-ASSOC-1042",
      jobMeta: "requisition=1042;source=partner-console-test",
      apiToken,
    },
    applicant: {
      fullName: "Jordan Rivera",
      firstName: "Jordan",
      lastName: "Rivera",
      email: "jordan.rivera@example.com",
      phoneNumber: "+1 512 555 0142",
      coverletter: "I have seven years of warehouse experience, five of them on forklifts, and I can start in two weeks.",
      verified: true,
    },
    analytics: { sponsored: false, device: "desktop", referer: "https://www.indeed.com/", ip: "203.0.113.24" },
  };
  if (kind in FILES) {
    const file = FILES[kind as keyof typeof FILES];
    (application.applicant as Record<string, Json>).resume = {
      file: { fileName: file.fileName, contentType: file.contentType, data: Buffer.from(file.bytes()).toString("base64") },
    };
  }
  if (kind === "screener") application.questionsAndAnswers = screenerAnswers(now);
  if (kind === "demographic") application.questionsAndAnswers = demographicAnswers(now);
  return application;
}

/** Pretty-printed, as the page shows it for editing. The signature covers whatever is sent. */
export function sampleBody(kind: SampleKind, options: { apiToken: string; now?: number }): string {
  return JSON.stringify(sampleApplication(kind, options), null, 2);
}

const QUESTIONS_URL = "https://careers.example.com/jobs/WH-ASSOC-1042/questions.json";

function screenerAnswers(now: number): Json {
  return {
    url: QUESTIONS_URL,
    retrievedOnMillis: now - 60_000,
    schemaVersion: "1.3",
    questionsAndAnswers: [
      {
        question: { id: "years", type: "text", format: "integer", question: "How many years of warehouse experience do you have?", required: true },
        answer: { value: "7" },
      },
      {
        question: {
          id: "forklift",
          type: "select",
          question: "Do you hold a current forklift certification?",
          required: true,
          options: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ],
        },
        answer: { value: "yes", label: "Yes" },
      },
      {
        question: {
          id: "forklift-expiry",
          type: "date",
          format: "dd/MM/yyyy",
          question: "When does your certification expire?",
          condition: { id: "forklift", value: "yes" },
        },
        answer: { value: "30/06/2028" },
      },
      {
        question: {
          id: "shifts",
          type: "multiselect",
          question: "Which shifts can you work?",
          options: [
            { value: "day", label: "Day" },
            { value: "swing", label: "Swing" },
            { value: "night", label: "Night" },
          ],
        },
        answer: [
          { value: "day", label: "Day" },
          { value: "night", label: "Night" },
        ],
      },
      {
        question: {
          id: "location",
          type: "hierarchical",
          question: "Where would you like to work?",
          hierarchicalOptions: [
            { value: "tx", label: "Texas", options: [{ value: "austin", label: "Austin", options: [{ value: "north", label: "North Austin" }] }] },
          ],
        },
        answer: [
          { value: "tx", label: "Texas" },
          { value: "austin", label: "Austin" },
          { value: "north", label: "North Austin" },
        ],
      },
      {
        question: { id: "why", type: "textarea", question: "Tell us about a time you improved a process.", limit: 1000 },
        answer: { value: "I reorganised our pick locations by order frequency, which cut average pick time by about a fifth." },
      },
      {
        question: { id: "license", type: "file", question: "Upload your forklift certificate (optional)." },
        answer: {
          fileName: "forklift-certificate.txt",
          contentType: "text/plain",
          data: Buffer.from("OSHA powered industrial truck certificate, Jordan Rivera, valid until 30/06/2028\n").toString("base64"),
        },
      },
    ],
  };
}

function demographicAnswers(now: number): Json {
  return {
    url: QUESTIONS_URL,
    retrievedOnMillis: now - 60_000,
    schemaVersion: "1.3",
    demographicQuestionsAndAnswers: [
      {
        question: {
          id: "gender",
          type: "select",
          question: "What is your gender?",
          options: [
            { value: "female", label: "Female" },
            { value: "male", label: "Male" },
            { value: "decline", label: "I decline to answer" },
          ],
        },
        answer: { value: "decline", label: "I decline to answer" },
      },
      {
        question: {
          id: "veteran",
          type: "select",
          question: "Are you a protected veteran?",
          options: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "decline", label: "I decline to answer" },
          ],
        },
        answer: { value: "no", label: "No" },
      },
      {
        question: {
          id: "disability",
          type: "select",
          question: "Do you have a disability?",
          options: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "decline", label: "I decline to answer" },
          ],
        },
        answer: { value: "decline", label: "I decline to answer" },
      },
    ],
  };
}
