// The operations the testing tool starts with, one set per API, filled in with the app's
// employerIdType. Each one is accepted as it stands by the emulator (the e2e tests send them).
import type { IndeedApi } from "../provisioning/indeed-apis";

export interface ExampleOperation {
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

const CREATE = `mutation CreateSourcedJobPostings($input: CreateSourcedJobPostingsInput) {
  jobsIngest {
    createSourcedJobPostings(input: $input) {
      results {
        jobPosting {
          sourcedPostingId
          jobPostingId
          status
        }
      }
    }
  }
}`;

const EXPIRE = `mutation ExpireSourcedJobs($input: ExpireSourcedJobsBySourcedPostingIdInput!) {
  jobsIngest {
    expireSourcedJobsBySourcedPostingId(input: $input) {
      results {
        trackingKey
      }
    }
  }
}`;

const STATUS = `query JobStatus($ids: [ID!]!) {
  jobsIngest {
    sourcedJobPostingsBySourcedPostingId(input: { sourcedPostingIds: $ids }) {
      results {
        jobPosting {
          sourcedPostingId
          status
          expiredAt
        }
      }
    }
  }
}`;

const SEND = `mutation SendDispositions($input: PartnerDispositionSendInput!) {
  partnerDisposition {
    send(input: $input) {
      numberGoodDispositions
      failedDispositions {
        identifiedBy {
          indeedApplyID
        }
        rationale
      }
    }
  }
}`;

const PATCH = `mutation PatchEmployer($input: PatchEmployerInput!) {
  patchEmployer(input: $input) {
    attributeUpdated
  }
}`;

export function exampleJob(jobPostingId: string) {
  return {
    body: {
      title: "Warehouse associate",
      description: "Pick, pack and ship customer orders. Full training provided.",
      descriptionFormatting: "TEXT",
      location: { country: "US", cityRegionPostal: "Austin, TX 78701" },
      benefits: ["Health insurance", "Paid time off"],
      salary: { currency: "USD", minimumMinor: 1800, maximumMinor: 2200, period: "HOUR" },
    },
    metadata: {
      jobSource: { companyName: "Example Logistics", sourceName: "Example ATS", sourceType: "Employer" },
      jobPostingId,
      datePublished: "2026-12-01T09:00:00Z",
      url: `https://jobs.example.com/${jobPostingId}`,
    },
  };
}

export function exampleOperations(api: IndeedApi, employerIdType: string): ExampleOperation[] {
  switch (api) {
    case "job-sync-api":
      return [
        { label: "Create a job", query: CREATE, variables: { input: { jobPostings: [exampleJob("REQ-1001")] } } },
        { label: "Expire a job", query: EXPIRE, variables: { input: { jobs: [{ sourcedPostingId: "<sourcedPostingId from Create a job>" }] } } },
        { label: "Read job status", query: STATUS, variables: { ids: ["<sourcedPostingId from Create a job>"] } },
      ];
    case "disposition-sync-api":
      return [
        {
          label: "Send dispositions",
          query: SEND,
          variables: {
            input: {
              dispositions: [
                {
                  identifiedBy: { indeedApplyID: "example-apply-id-1" },
                  dispositionStatus: "INTERVIEW",
                  rawDispositionStatus: "Phone screen scheduled",
                  atsName: "Example ATS",
                  statusChangeDateTime: "2026-12-01T10:00:00Z",
                },
              ],
            },
          },
        },
      ];
    case "employer-data-api":
      return [
        {
          label: "Create or update an employer",
          query: PATCH,
          variables: {
            input: {
              id: { type: employerIdType, id: "EMP-1" },
              employerName: "Example Logistics",
              employerAttributes: [{ key: "website", value: "https://example.com" }],
            },
          },
        },
      ];
  }
}
