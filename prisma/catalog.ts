// The service catalog every database starts with: Indeed's services and the rules between them
// (lib/provisioning/rules.ts applies them). Reference data, loaded by db:migrate on every fresh
// database and by the demo world; admins edit the catalog afterwards in the console.
import type { Tx } from "../lib/data/shared";

/** Indeed's services, with the review each needs and the descriptions Indeed's documentation gives. */
export const INDEED_SERVICES = [
  {
    slug: "job-sync-api",
    name: "Job Sync API",
    reviewRequired: true,
    description:
      "Submit, update, and expire job postings. Indeed provisions the Employer Data API with the Job Sync API. The Job Sync API is not available for apps that use certain other services.",
    documentationUrl: "https://docs.indeed.com/job-sync-api/",
  },
  {
    slug: "disposition-sync-api",
    name: "Disposition Sync API",
    reviewRequired: true,
    description:
      "Send job application disposition data to Indeed. Requires the same OAuth client as the Job Sync API.",
    documentationUrl: "https://docs.indeed.com/disposition-sync-api/",
  },
  {
    slug: "employer-data-api",
    name: "Employer Data API",
    reviewRequired: false,
    description:
      "Create and update employer entities. Indeed provisions the Employer Data API with the Job Sync API.",
    documentationUrl: "https://docs.indeed.com/employer-data-api/",
  },
  {
    slug: "xml-job-feed",
    name: "XML Job Feed",
    reviewRequired: false,
    description:
      "Send job postings to Indeed in an XML feed that Indeed fetches on a schedule. Apps that use it cannot use the Job Sync API.",
    documentationUrl: "https://docs.indeed.com/xml-feed/",
  },
] as const;

/** The catalog's rules (lib/provisioning/rules.ts), by slug. */
export const INDEED_SERVICE_RULES = {
  bundles: [["job-sync-api", "employer-data-api"]],
  requires: [["disposition-sync-api", "job-sync-api"]],
  conflictsWith: [["job-sync-api", "xml-job-feed"]],
} as const;

/** The Indeed catalog and its rules; services that already exist are left as they are. */
export async function seedServiceCatalog(prisma: Tx) {
  const ids = new Map<string, string>();
  for (const service of INDEED_SERVICES) {
    const row = await prisma.service.upsert({
      where: { slug: service.slug },
      update: {},
      create: { ...service, provider: "INDEED" },
      select: { id: true, reviewRequired: true },
    });
    ids.set(service.slug, row.id);
  }
  for (const [relation, pairs] of Object.entries(INDEED_SERVICE_RULES) as [keyof typeof INDEED_SERVICE_RULES, readonly (readonly [string, string])[]][]) {
    for (const [from, to] of pairs) {
      await prisma.service.update({
        where: { id: ids.get(from)! },
        data: { [relation]: { connect: { id: ids.get(to)! } } },
      });
    }
  }
  return ids;
}
