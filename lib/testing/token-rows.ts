// Row builders for the Indeed emulator's integration tests: clients with secrets, sandbox
// accounts and employers, and the grants and codes the authorization endpoint would write
// (same shapes as the schema's contract: codeHash = tokenHash(code), 10 minutes).
import type { PrismaClient } from "../generated/prisma/client";
import type { GrantReviewStatus, GrantType } from "../generated/prisma/enums";
import { newClientId, newOpaqueToken, randomHex, tokenHash } from "../crypto/random";
import { newSecretRow } from "../credentials/secret-row";
import { sortKey } from "../sort";
import { uniqueName, type testRows } from "./database";

export interface TestClient {
  /** Client.id */
  id: string;
  appId: string;
  partnerId: string;
  clientId: string;
  /** The first secret's value (confidential clients). */
  secret: string;
  secretId: string;
}

export function indeedRows(prisma: () => PrismaClient) {
  const rows = {
    async secret(clientRowId: string, fields: { expiresAt?: Date; revokedAt?: Date; lastUsedAt?: Date } = {}) {
      const { value, data } = newSecretRow({ clientId: clientRowId, label: uniqueName("Secret") });
      await prisma().clientSecret.create({ data: { ...data, ...fields } });
      return { id: data.id, value };
    },

    async client(
      partnerId: string,
      fields: { grantTypes?: GrantType[]; isPublic?: boolean; reviewStatus?: GrantReviewStatus | null; redirectUris?: string[] } = {},
    ): Promise<TestClient> {
      const grantTypes = fields.grantTypes ?? ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"];
      const name = uniqueName("App");
      const app = await prisma().app.create({
        data: { partnerId, name, sortName: sortKey(name), provider: "INDEED", credentialType: "OAUTH2" },
        select: { id: true },
      });
      const client = await prisma().client.create({
        data: {
          appId: app.id,
          clientId: newClientId(),
          isPublic: fields.isPublic ?? false,
          grantTypes,
          reviewStatus:
            fields.reviewStatus !== undefined ? fields.reviewStatus : grantTypes.includes("AUTHORIZATION_CODE") ? "APPROVED" : null,
          redirectUris: { create: (fields.redirectUris ?? ["http://localhost:8976/callback"]).map((uri) => ({ uri })) },
        },
        select: { id: true, clientId: true },
      });
      const secret = fields.isPublic ? { id: "", value: "" } : await rows.secret(client.id);
      return { id: client.id, appId: app.id, partnerId, clientId: client.clientId, secret: secret.value, secretId: secret.id };
    },

    employer(name = uniqueName("Employer")) {
      return prisma().employer.create({ data: { id: randomHex(16), name }, select: { id: true, name: true } });
    },

    async account(fields: { partnerId?: string; employerIds?: string[]; registrantOf?: string } = {}) {
      const subject = randomHex(8);
      const account = await prisma().sandboxAccount.create({
        data: {
          subject,
          email: `${subject}@sandbox.example.test`,
          name: uniqueName("Account"),
          passwordHash: "!unusable",
          partnerId: fields.partnerId ?? null,
          employers: { connect: (fields.employerIds ?? []).map((id) => ({ id })) },
        },
        select: { id: true, subject: true, email: true },
      });
      if (fields.registrantOf) {
        await prisma().partner.update({ where: { id: fields.registrantOf }, data: { registrantId: account.id } });
      }
      return account;
    },

    /** What the authorization endpoint writes when the user allows: the grant and a code. */
    async code(
      client: { id: string },
      account: { id: string },
      fields: {
        scopes?: string[];
        grantScopes?: string[];
        redirectUri?: string;
        codeChallenge?: string | null;
        nonce?: string | null;
        employerId?: string | null;
        expiresAt?: Date;
      } = {},
    ) {
      const scopes = fields.scopes ?? ["email", "offline_access", "employer_access"];
      const grantScopes = fields.grantScopes ?? scopes;
      const grant = await prisma().grant.upsert({
        where: { accountId_clientId: { accountId: account.id, clientId: client.id } },
        create: { accountId: account.id, clientId: client.id, scopes: grantScopes },
        update: { scopes: grantScopes },
        select: { id: true },
      });
      const code = newOpaqueToken();
      const row = await prisma().authorizationCode.create({
        data: {
          codeHash: tokenHash(code),
          clientId: client.id,
          accountId: account.id,
          grantId: grant.id,
          redirectUri: fields.redirectUri ?? "http://localhost:8976/callback",
          scopes,
          nonce: fields.nonce ?? null,
          codeChallenge: fields.codeChallenge ?? null,
          employerId: fields.employerId ?? null,
          expiresAt: fields.expiresAt ?? new Date(Date.now() + 10 * 60_000),
        },
        select: { id: true },
      });
      return { code, id: row.id, grantId: grant.id };
    },
  };
  return rows;
}

/** What the token endpoint's tests start from: a partner with one confidential client, and two employers. */
export async function partnerWithClient(rows: ReturnType<typeof testRows>, indeed: ReturnType<typeof indeedRows>) {
  const partner = await rows.partner();
  return {
    partner,
    client: await indeed.client(partner.id),
    employers: [await indeed.employer("Umbrella Corporation"), await indeed.employer("Dharma Initiative")],
  };
}
