// The schema of Indeed's three GraphQL APIs as the emulator serves them, with Indeed's names
// (see decision 021 for the parts Indeed does not publish). Plain text without server code: the
// console's testing tool builds the same schema in the browser for completion and validation.
export const INDEED_GRAPHQL_SDL = /* GraphQL */ `
"""Reads of Indeed's simulated APIs."""
type Query {
  """Job Sync: reads back the jobs this client posted."""
  jobsIngest: JobsIngestQuery
}

"""Writes of Indeed's simulated APIs."""
type Mutation {
  """Job Sync API."""
  jobsIngest: JobsIngestMutation
  """Disposition Sync API (needs the Job Sync API on the same OAuth client)."""
  partnerDisposition: PartnerDispositionMutation
  """Employer Data API: creates or updates the employer with this {type, id}."""
  patchEmployer(input: PatchEmployerInput!): PatchEmployerPayload
}

# ── Job Sync ─────────────────────────────────────────────────────────────────────────────

type JobsIngestQuery {
  """The status of jobs by the sourcedPostingId that createSourcedJobPostings returned (at most 100)."""
  sourcedJobPostingsBySourcedPostingId(input: SourcedJobPostingsBySourcedPostingIdInput!): SourcedJobPostingsPayload
}

input SourcedJobPostingsBySourcedPostingIdInput {
  sourcedPostingIds: [ID!]!
}

type SourcedJobPostingsPayload {
  results: [SourcedJobPostingResult!]!
}

type SourcedJobPostingResult {
  """Null when no job of this client has that id."""
  jobPosting: SourcedJobPosting
}

type JobsIngestMutation {
  """Creates jobs, or updates the job with the same jobPostingId and sourceName (at most 100 a request)."""
  createSourcedJobPostings(input: CreateSourcedJobPostingsInput): CreateSourcedJobPostingsPayload
  """Expires jobs by the sourcedPostingId that createSourcedJobPostings returned."""
  expireSourcedJobsBySourcedPostingId(input: ExpireSourcedJobsBySourcedPostingIdInput!): ExpireSourcedJobsPayload
}

input CreateSourcedJobPostingsInput {
  jobPostings: [SourcedJobPostingInput!]!
}

input SourcedJobPostingInput {
  body: JobPostingBodyInput!
  metadata: JobPostingMetadataInput!
  applyMethod: ApplyMethodInput
}

input JobPostingBodyInput {
  title: String!
  """At most 65,000 bytes."""
  description: String!
  descriptionFormatting: DescriptionFormatting!
  location: JobPostingLocationInput!
  """Required: [] when there are none."""
  benefits: [String!]!
  salary: SalaryInput
}

enum DescriptionFormatting {
  TEXT
  RICH_FORMATTING
}

input JobPostingLocationInput {
  """ISO 3166-1 alpha-2."""
  country: String!
  cityRegionPostal: String
  streetAddress: String
}

input SalaryInput {
  """ISO 4217."""
  currency: String!
  """In the currency's minor unit (cents)."""
  minimumMinor: Int
  maximumMinor: Int
  period: SalaryPeriod!
}

enum SalaryPeriod {
  HOUR
  DAY
  WEEK
  MONTH
  YEAR
}

input JobPostingMetadataInput {
  jobSource: JobSourceInput!
  """Your id of the job; with sourceName it identifies the job for updates."""
  jobPostingId: String!
  """ISO 8601 date-time."""
  datePublished: String!
  url: String!
}

input JobSourceInput {
  companyName: String!
  sourceName: String!
  """Employer, Job Board or Staffing Agency."""
  sourceType: String!
  """Employers created with patchEmployer."""
  employerIds: [EmployerIdInput!]
}

input EmployerIdInput {
  """Your partner's employerIdType (shown on the app's Credentials tab)."""
  type: String!
  id: String!
}

input ApplyMethodInput {
  indeedApply: IndeedApplyInput
}

input IndeedApplyInput {
  """Where Indeed posts applications; must be HTTPS."""
  postUrl: String!
  """The app's Indeed Apply API token."""
  apiToken: String
}

type CreateSourcedJobPostingsPayload {
  """One result per job, in the order sent."""
  results: [CreateSourcedJobPostingResult!]!
}

type CreateSourcedJobPostingResult {
  """Null when the job was rejected; the reason is in errors, with this path."""
  jobPosting: SourcedJobPosting
}

type SourcedJobPosting {
  sourcedPostingId: ID!
  jobPostingId: String!
  sourceName: String!
  title: String!
  status: SourcedJobPostingStatus!
  """ISO 8601, set once the job is expired."""
  expiredAt: String
  updatedAt: String!
}

enum SourcedJobPostingStatus {
  ACTIVE
  EXPIRED
}

input ExpireSourcedJobsBySourcedPostingIdInput {
  jobs: [ExpireSourcedJobInput!]!
}

input ExpireSourcedJobInput {
  sourcedPostingId: ID!
}

type ExpireSourcedJobsPayload {
  results: [ExpireSourcedJobResult!]!
}

type ExpireSourcedJobResult {
  """Null when the job was not found; the reason is in errors."""
  trackingKey: String
}

# ── Disposition Sync ─────────────────────────────────────────────────────────────────────

type PartnerDispositionMutation {
  """At most 25 dispositions a request, sorted by statusChangeDateTime."""
  send(input: PartnerDispositionSendInput!): PartnerDispositionSendPayload
}

input PartnerDispositionSendInput {
  dispositions: [PartnerDispositionInput!]!
}

input PartnerDispositionInput {
  identifiedBy: PartnerDispositionIdentifierInput!
  dispositionStatus: DispositionStatus!
  rawDispositionStatus: String!
  atsName: String!
  """ISO 8601 date-time."""
  statusChangeDateTime: String!
}

"""Exactly one of its fields."""
input PartnerDispositionIdentifierInput {
  indeedApplyID: String
  ittk: String
  universalApplyId: String
  alternateIdentifier: AlternateIdentifierInput
}

input AlternateIdentifierInput {
  jobIdentifier: JobIdentifierInput!
  jobSeekerIdentifier: JobSeekerIdentifierInput!
}

"""Exactly one of its fields."""
input JobIdentifierInput {
  indeedJobKey: String
  employerJobId: String
  atsApplicationIdentifier: String
}

"""Exactly one of its fields."""
input JobSeekerIdentifierInput {
  indeedJobSeekerKey: String
  emailAddress: String
}

enum DispositionStatus {
  NEW
  REVIEW
  LIKED
  CONTACTED
  INTERVIEW
  BACKGROUND_CHECK
  WITHDRAWN
  HIRED
  NOT_SELECTED
  OFFER_MADE
  OFFER_DECLINED
  ONBOARDED
}

type PartnerDispositionSendPayload {
  numberGoodDispositions: Int!
  failedDispositions: [FailedDisposition!]!
}

type FailedDisposition {
  identifiedBy: PartnerDispositionIdentifier!
  rationale: String!
}

type PartnerDispositionIdentifier {
  indeedApplyID: String
  ittk: String
  universalApplyId: String
  alternateIdentifier: AlternateIdentifier
}

type AlternateIdentifier {
  jobIdentifier: JobIdentifier!
  jobSeekerIdentifier: JobSeekerIdentifier!
}

type JobIdentifier {
  indeedJobKey: String
  employerJobId: String
  atsApplicationIdentifier: String
}

type JobSeekerIdentifier {
  indeedJobSeekerKey: String
  emailAddress: String
}

# ── Employer Data ────────────────────────────────────────────────────────────────────────

input PatchEmployerInput {
  id: EmployerIdInput!
  """At most 255 characters, no email addresses, no 8 or more consecutive digits."""
  employerName: String
  employerAttributes: [EmployerAttributeInput!]
}

input EmployerAttributeInput {
  key: String!
  value: String!
}

type PatchEmployerPayload {
  """True when the employer was created or changed."""
  attributeUpdated: Boolean!
}
`;
