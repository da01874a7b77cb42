// Sample applications in the shape Indeed Apply posts to a job's postUrl: top-level `id`,
// `appliedOnMillis`, `locale`, `job`, `applicant` (with `resume.file` {contentType, data,
// fileName} for an uploaded file, Base64), `analytics` and `questionsAndAnswers`. Field names are
// Indeed's; the people, jobs and answers are invented and say so (example.com addresses).
import { randomBytes } from "node:crypto";
import { resumeDocx, resumePdf, resumeText } from "./resume-files";
import type { SampleKind } from "./sample-kinds";

export { SAMPLE_KINDS, SAMPLE_LABELS, isSampleKind, type SampleKind } from "./sample-kinds";

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

/** Where the answers' questions came from, as Indeed Apply says it (fetched a minute before applying). */
function questionsSource(now: number) {
  return { url: QUESTIONS_URL, retrievedOnMillis: now - 60_000, schemaVersion: "1.3" };
}

function screenerAnswers(now: number): Json {
  return {
    ...questionsSource(now),
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

const DECLINE: [string, string] = ["decline", "I decline to answer"];

/** A select question as Indeed Apply sends it, with the option the applicant chose. */
function selectAnswer(id: string, question: string, options: [value: string, label: string][], chosen: string): Json {
  const choices = options.map(([value, label]) => ({ value, label }));
  return { question: { id, type: "select", question, options: choices }, answer: choices.find((o) => o.value === chosen)! };
}

function demographicAnswers(now: number): Json {
  return {
    ...questionsSource(now),
    demographicQuestionsAndAnswers: [
      selectAnswer("gender", "What is your gender?", [["female", "Female"], ["male", "Male"], DECLINE], "decline"),
      selectAnswer("veteran", "Are you a protected veteran?", [["yes", "Yes"], ["no", "No"], DECLINE], "no"),
      selectAnswer("disability", "Do you have a disability?", [["yes", "Yes"], ["no", "No"], DECLINE], "decline"),
    ],
  };
}
