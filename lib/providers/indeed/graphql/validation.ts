// Input checks of Indeed's three APIs, with Indeed's messages where it documents them (the
// reference lists them; decision 021 says which wordings are the emulator's own). Pure: the
// resolvers call these before anything is stored.

export const LIMITS = {
  jobsPerRequest: 100,
  dispositionsPerRequest: 25,
  expirationsPerRequest: 100,
  statusReadsPerRequest: 100,
  descriptionBytes: 65_000,
  titleChars: 500,
  shortTextChars: 255,
  urlChars: 2048,
  benefits: 50,
  employerIdsPerJob: 10,
  employerNameChars: 255,
  employerAttributes: 50,
  reactivationDays: 30,
} as const;

export const MESSAGES = {
  salaryRange: "Maximum amount cannot be less than minimum amount",
  duplicateJobs: "The request contains duplicate job entries",
  stringLength: "String length exceeded",
  dispositionIdentifier:
    "PartnerDispositionIdentifierInput must specify one of indeedApplyID, ittk, universalApplyId, or alternateIdentifier",
  statusChangeDateTime: "Unable to parse statusChangeDateTime",
} as const;

export class InputError extends Error {
  override name = "InputError";
}

// ISO 8601 date-time with a zone (Indeed's examples use `2024-05-01T12:00:00Z` or an offset).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of an ISO 8601 date-time, or null when it is not one. */
export function parseDateTime(value: string): Date | null {
  if (!DATE_TIME.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates JavaScript rolls over (2024-02-31 becomes March 2).
  const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return date;
}

const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

// Region codes ICU names that are no country: groupings, pseudo-regions and "unknown".
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

/** ISO 3166-1 alpha-2, upper case. */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value) || NOT_COUNTRIES.has(value)) return false;
  // Deprecated aliases (UK for GB) canonicalize to another code: not ISO 3166-1 codes.
  if (Intl.getCanonicalLocales(`und-${value}`)[0] !== `und-${value}`) return false;
  const name = regions.of(value);
  return name !== undefined && name !== "Unknown Region";
}

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** ISO 4217, upper case. */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && currencies.has(value);
}

function httpUrl(value: string, httpsOnly: boolean): boolean {
  if (value.length > LIMITS.urlChars) return false;
  try {
    const url = new URL(value);
    return httpsOnly ? url.protocol === "https:" : url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function length(value: string | null | undefined, max: number, field: string) {
  if (value != null && value.length > max) throw new InputError(`${MESSAGES.stringLength}: ${field} (at most ${max} characters)`);
}

function required(value: string, field: string) {
  if (value.trim() === "") throw new InputError(`${field} must not be empty`);
}

export interface JobInput {
  body: {
    title: string;
    description: string;
    descriptionFormatting: "TEXT" | "RICH_FORMATTING";
    location: { country: string; cityRegionPostal?: string | null; streetAddress?: string | null };
    benefits: string[];
    salary?: { currency: string; minimumMinor?: number | null; maximumMinor?: number | null; period: string } | null;
  };
  metadata: {
    jobSource: {
      companyName: string;
      sourceName: string;
      sourceType: string;
      employerIds?: { type: string; id: string }[] | null;
    };
    jobPostingId: string;
    datePublished: string;
    url: string;
  };
  applyMethod?: { indeedApply?: { postUrl: string; apiToken?: string | null } | null } | null;
}

export const SOURCE_TYPES = ["Employer", "Job Board", "Staffing Agency"] as const;

/** Checks one job; throws InputError with Indeed's message for the first problem found. */
export function checkJob(job: JobInput): void {
  const { body, metadata } = job;
  required(body.title, "title");
  length(body.title, LIMITS.titleChars, "title");
  required(body.description, "description");
  if (Buffer.byteLength(body.description, "utf8") > LIMITS.descriptionBytes) {
    throw new InputError(`${MESSAGES.stringLength}: description (at most ${LIMITS.descriptionBytes} bytes)`);
  }
  if (!isCountryCode(body.location.country)) {
    throw new InputError(`Invalid country code: location.country must be an ISO 3166-1 alpha-2 code, got "${clip(body.location.country)}"`);
  }
  length(body.location.cityRegionPostal, LIMITS.shortTextChars, "location.cityRegionPostal");
  length(body.location.streetAddress, LIMITS.shortTextChars, "location.streetAddress");
  if (body.benefits.length > LIMITS.benefits) throw new InputError(`At most ${LIMITS.benefits} benefits`);
  for (const benefit of body.benefits) length(benefit, LIMITS.shortTextChars, "benefits");
  if (body.salary) {
    const { currency, minimumMinor, maximumMinor } = body.salary;
    if (!isCurrencyCode(currency)) {
      throw new InputError(`Invalid currency code: salary.currency must be an ISO 4217 code, got "${clip(currency)}"`);
    }
    if (minimumMinor == null && maximumMinor == null) throw new InputError("salary needs minimumMinor, maximumMinor or both");
    if ((minimumMinor ?? 0) < 0 || (maximumMinor ?? 0) < 0) throw new InputError("Salary amounts must not be negative");
    if (minimumMinor != null && maximumMinor != null && maximumMinor < minimumMinor) {
      throw new InputError(MESSAGES.salaryRange);
    }
  }
  const source = metadata.jobSource;
  required(source.companyName, "jobSource.companyName");
  length(source.companyName, LIMITS.shortTextChars, "jobSource.companyName");
  required(source.sourceName, "jobSource.sourceName");
  length(source.sourceName, LIMITS.shortTextChars, "jobSource.sourceName");
  if (!(SOURCE_TYPES as readonly string[]).includes(source.sourceType)) {
    throw new InputError(`jobSource.sourceType must be one of ${SOURCE_TYPES.map((t) => `"${t}"`).join(", ")}`);
  }
  if ((source.employerIds?.length ?? 0) > LIMITS.employerIdsPerJob) {
    throw new InputError(`At most ${LIMITS.employerIdsPerJob} employerIds a job`);
  }
  required(metadata.jobPostingId, "jobPostingId");
  length(metadata.jobPostingId, LIMITS.shortTextChars, "jobPostingId");
  if (!parseDateTime(metadata.datePublished)) {
    throw new InputError(`Invalid datetime format: datePublished must be an ISO 8601 date-time, got "${clip(metadata.datePublished)}"`);
  }
  if (!httpUrl(metadata.url, false)) throw new InputError("url must be an absolute http or https URL");
  const apply = job.applyMethod?.indeedApply;
  if (apply && !httpUrl(apply.postUrl, true)) throw new InputError("applyMethod.indeedApply.postUrl must be an HTTPS URL");
}

/** The identity of a job within one client: the same pair is an update. */
export function jobKey(job: JobInput): string {
  return JSON.stringify([job.metadata.jobSource.sourceName, job.metadata.jobPostingId]);
}

/** Rejects the request when two of its jobs are the same job. */
export function checkNoDuplicateJobs(jobs: JobInput[]): void {
  const keys = new Set<string>();
  for (const job of jobs) {
    const key = jobKey(job);
    if (keys.has(key)) throw new InputError(MESSAGES.duplicateJobs);
    keys.add(key);
  }
}

export interface DispositionIdentifier {
  indeedApplyID?: string | null;
  ittk?: string | null;
  universalApplyId?: string | null;
  alternateIdentifier?: {
    jobIdentifier: { indeedJobKey?: string | null; employerJobId?: string | null; atsApplicationIdentifier?: string | null };
    jobSeekerIdentifier: { indeedJobSeekerKey?: string | null; emailAddress?: string | null };
  } | null;
}

export interface DispositionInput {
  identifiedBy: DispositionIdentifier;
  dispositionStatus: string;
  rawDispositionStatus: string;
  atsName: string;
  statusChangeDateTime: string;
}

function present(value: unknown): boolean {
  return value !== null && value !== undefined && value !== "";
}

/** Why Indeed would not take this disposition, or null when it would, with its parsed time. */
export function dispositionProblem(d: DispositionInput): { rationale: string } | { at: Date } {
  const id = d.identifiedBy;
  const given = [id.indeedApplyID, id.ittk, id.universalApplyId, id.alternateIdentifier].filter(present).length;
  if (given !== 1) return { rationale: MESSAGES.dispositionIdentifier };
  if (id.alternateIdentifier) {
    const job = id.alternateIdentifier.jobIdentifier;
    const seeker = id.alternateIdentifier.jobSeekerIdentifier;
    if ([job.indeedJobKey, job.employerJobId, job.atsApplicationIdentifier].filter(present).length !== 1) {
      return { rationale: "JobIdentifierInput must specify one of indeedJobKey, employerJobId, or atsApplicationIdentifier" };
    }
    if ([seeker.indeedJobSeekerKey, seeker.emailAddress].filter(present).length !== 1) {
      return { rationale: "JobSeekerIdentifierInput must specify one of indeedJobSeekerKey or emailAddress" };
    }
  }
  for (const [field, value] of Object.entries({ rawDispositionStatus: d.rawDispositionStatus, atsName: d.atsName })) {
    if (value.length > LIMITS.shortTextChars) return { rationale: `${MESSAGES.stringLength}: ${field}` };
  }
  const at = parseDateTime(d.statusChangeDateTime);
  if (!at) return { rationale: MESSAGES.statusChangeDateTime };
  return { at };
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** Indeed's rules for an employer's name. */
export function checkEmployerName(name: string): void {
  required(name, "employerName");
  if (name.length > LIMITS.employerNameChars) throw new InputError(`${MESSAGES.stringLength}: employerName (at most ${LIMITS.employerNameChars} characters)`);
  if (EMAIL.test(name)) throw new InputError("employerName must not contain an email address");
  if (/\d{8,}/.test(name)) throw new InputError("employerName must not contain 8 or more consecutive digits");
}

export function checkEmployerAttributes(attributes: { key: string; value: string }[]): void {
  if (attributes.length > LIMITS.employerAttributes) throw new InputError(`At most ${LIMITS.employerAttributes} employerAttributes`);
  const keys = new Set<string>();
  for (const { key, value } of attributes) {
    required(key, "employerAttributes.key");
    length(key, LIMITS.shortTextChars, "employerAttributes.key");
    length(value, LIMITS.urlChars, "employerAttributes.value");
    if (keys.has(key)) throw new InputError(`employerAttributes has the key "${clip(key)}" more than once`);
    keys.add(key);
  }
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
