// Where a service card's "Testing tool" link leads: the console's own tool for Indeed's three
// GraphQL APIs, else the catalog's testing tool URL, if any.
import { isIndeedApi } from "../provisioning/indeed-apis";

export function testingToolHref(appId: string, service: { slug: string; testingToolUrl: string | null }): string | null {
  if (isIndeedApi(service.slug)) return `/apps/${appId}/services/${service.slug}/testing-tool`;
  return service.testingToolUrl;
}
