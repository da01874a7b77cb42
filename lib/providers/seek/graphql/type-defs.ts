// The part of SEEK's GraphQL schema the emulator serves: names, types and nullability as SEEK
// publishes them (its schema definition), descriptions in our words.
export const SEEK_TYPE_DEFS = /* GraphQL */ `
"""
The entry point of every query.
"""
type Query {
  """
  The API version.
  """
  version: String!

  """
  The organizations the token acts for: always the partner, and the hirer of a browser token.
  """
  self: SelfOrganizations!

  """
  A hirer the partner has a relationship with, by its object identifier.

  Browser tokens may ask only for their own hirer.
  """
  hiringOrganization(
    """
    The hirer's object identifier, e.g. \`seekAnzPublicTest:organization:seek:93WyyF1h\`.
    """
    id: String!
  ): HiringOrganization

  """
  A page of the hirers the partner has relationships with, alphabetical by name.
  """
  hiringOrganizations(
    """
    The scheme of the hirers to list: \`seekAnz\`, or \`seekAnzPublicTest\` in the Playground.
    """
    schemeId: String!
    """
    Criteria the hirers must meet.
    """
    filter: HiringOrganizationsFilterInput
    """
    At most this many hirers from the start of the list (10 when neither \`first\` nor \`last\` is
    given, 100 at most). Not together with \`last\`.
    """
    first: Int
    """
    At most this many hirers from the end of the list (100 at most). Not together with \`first\`.
    """
    last: Int
    """
    An opaque cursor: the hirers after it.
    """
    after: String
    """
    An opaque cursor: the hirers before it.
    """
    before: String
  ): HiringOrganizationsConnection!

  """
  A hirer the partner has a relationship with, by its legacy numeric SEEK ANZ advertiser ID.
  """
  seekAnzAdvertiser(
    """
    The legacy advertiser ID.
    """
    id: Int!
  ): HiringOrganization
}

"""
The organizations a token acts for.
"""
type SelfOrganizations {
  """
  The partner the token was issued to.
  """
  partner: PartnerOrganization!
  """
  The hirer a browser token is scoped to; \`null\` for a partner token.
  """
  hirer: HiringOrganization
}

"""
A software partner integrating with SEEK.
"""
type PartnerOrganization {
  """
  The partner's name.
  """
  name: String!
  """
  Whether the partner's administrators may issue and rotate live credentials themselves.
  """
  credentialSelfServiceApprovedIndicator: Boolean!
}

"""
An organization that hires through SEEK.
"""
type HiringOrganization {
  """
  The hirer's object identifier.
  """
  id: ObjectIdentifier!
  """
  The hirer's name.
  """
  name: String!
  """
  The legacy numeric SEEK ANZ advertiser ID; \`null\` outside the \`seekAnz\` schemes.
  """
  seekAnzAdvertiserId: Int
  """
  What the requesting partner may do for this hirer.
  """
  seekApiCapabilities: HiringOrganizationApiCapabilities
}

"""
What the requesting partner may do for a hirer: a read-only view of SEEK's configuration.
"""
type HiringOrganizationApiCapabilities {
  """
  The application methods SEEK has configured for the hirer in addition to its own apply form,
  e.g. \`ApplicationUri\` (job ads may link to an external apply form).
  """
  applicationMethodCodes: [String!]!
  """
  The active relationship types between the partner and the hirer, e.g. \`JobPosting\`.
  """
  relationshipTypeCodes: [String!]!
}

"""
The identifier of an object: \`<scheme>:<type>:<namespace>:<value>\`.
"""
type ObjectIdentifier {
  """
  The identifier itself.
  """
  value: String!
}

"""
A page of hirers.
"""
type HiringOrganizationsConnection {
  """
  The hirers of the page with their cursors.
  """
  edges: [HiringOrganizationEdge!]!
  """
  Where the page sits in the list.
  """
  pageInfo: PageInfo!
}

"""
A hirer in a page.
"""
type HiringOrganizationEdge {
  """
  An opaque cursor to this hirer, for \`after\` and \`before\`.
  """
  cursor: String!
  """
  The hirer.
  """
  node: HiringOrganization!
}

"""
Where a page sits in its list.
"""
type PageInfo {
  """
  Whether more items follow the page.
  """
  hasNextPage: Boolean!
  """
  Whether more items precede the page.
  """
  hasPreviousPage: Boolean!
  """
  The cursor of the page's first item.
  """
  startCursor: String
  """
  The cursor of the page's last item.
  """
  endCursor: String
}

"""
Criteria for \`hiringOrganizations\`.
"""
input HiringOrganizationsFilterInput {
  """
  Hirers whose name contains this text, ignoring case.
  """
  nameSearch: String
  """
  Hirers with at least one of these relationship types; every related hirer when absent.
  """
  relationshipTypeCodes: [String!]
}
`;
