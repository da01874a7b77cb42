// The catalog's rules for requesting a service, in the words of Indeed's service documentation:
// - requires: "Disposition Sync API requires the same OAuth client as the Job Sync API", so it can
//   only be requested for an app that already has Job Sync API;
// - conflicts: "The Job Sync API is not available for apps that use these services" (symmetric);
// - bundles: "Indeed provisions the Employer Data API with the Job Sync API", so requesting Job
//   Sync adds Employer Data too, unless the app already has it.
// Pure, so the page can explain them before anyone acts and the server enforces the same verdict.

export interface CatalogService {
  id: string;
  name: string;
  provider: string;
  requires: { id: string; name: string }[];
  conflictsWith: { id: string; name: string }[];
  conflictedBy: { id: string; name: string }[];
  bundles: { id: string; name: string }[];
}

export type Requestability =
  | { requestable: true; alsoAdds: { id: string; name: string }[] }
  | { requestable: false; reason: string };

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Whether `service` can be requested for an app that has `present` (ids of its services). */
export function requestability(
  service: CatalogService,
  app: { provider: string; present: ReadonlySet<string> },
): Requestability {
  if (app.present.has(service.id)) {
    return { requestable: false, reason: "The app already has this service." };
  }
  if (service.provider !== app.provider) {
    return { requestable: false, reason: `This service is for ${service.provider} apps.` };
  }
  const missing = service.requires.filter((r) => !app.present.has(r.id));
  if (missing.length) {
    return {
      requestable: false,
      reason: `Requires ${list(missing.map((m) => m.name))} on this app first (it uses the same OAuth client).`,
    };
  }
  const conflicts = [...service.conflictsWith, ...service.conflictedBy].filter((c) => app.present.has(c.id));
  if (conflicts.length) {
    const names = list([...new Set(conflicts.map((c) => c.name))]);
    return { requestable: false, reason: `Not available for apps that use ${names}.` };
  }
  const alsoAdds = service.bundles.filter((b) => !app.present.has(b.id));
  return { requestable: true, alsoAdds };
}
