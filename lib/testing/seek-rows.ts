// Row builders for the SEEK emulator's integration tests: SEEK apps with Playground and Live
// credentials (secrets sealed and verified exactly as the console stores them), sandbox hirers
// and relationships.
import type { PrismaClient } from "../generated/prisma/client";
import type { SeekEnvironment, SeekRelationshipType } from "../generated/prisma/enums";
import { newClientId, randomHex } from "../crypto/random";
import { newSeekSecretRow } from "../credentials/secret-row";
import { sortKey } from "../sort";
import { uniqueName } from "./database";

export interface TestSeekCredential {
  id: string;
  appId: string;
  clientId: string;
  environment: SeekEnvironment;
  secret: string;
  secretId: string;
}

let advertiserIds = 100_000 + Math.floor(Math.random() * 1_000_000);

export function seekRows(prisma: () => PrismaClient) {
  const rows = {
    async secret(credentialId: string, fields: { expiresAt?: Date; revokedAt?: Date } = {}) {
      const { value, data } = newSeekSecretRow({ credentialId, ...fields });
      await prisma().seekClientSecret.create({ data });
      return { id: data.id, value };
    },

    app(partnerId: string) {
      const name = uniqueName("SeekApp");
      return prisma().app.create({
        data: { partnerId, name, sortName: sortKey(name), provider: "SEEK", credentialType: "OAUTH2" },
        select: { id: true },
      });
    },

    async credential(appId: string, environment: SeekEnvironment): Promise<TestSeekCredential> {
      const credential = await prisma().seekCredential.create({
        data: { appId, environment, clientId: newClientId() },
        select: { id: true, clientId: true },
      });
      const secret = await rows.secret(credential.id);
      return { id: credential.id, appId, clientId: credential.clientId, environment, secret: secret.value, secretId: secret.id };
    },

    async hirer(environment: SeekEnvironment, fields: { name?: string; id?: string; advertiserId?: number | null } = {}) {
      const name = fields.name ?? uniqueName("Hirer");
      const scheme = environment === "PLAYGROUND" ? "seekAnzPublicTest" : "seekAnz";
      const advertiserId = fields.advertiserId === undefined ? (advertiserIds += 1) : fields.advertiserId;
      return prisma().seekHirer.create({
        data: {
          id: fields.id ?? `${scheme}:organization:seek:${randomHex(6)}`,
          name,
          sortName: sortKey(name),
          environment,
          seekAnzAdvertiserId: advertiserId,
        },
        select: { id: true, name: true, seekAnzAdvertiserId: true },
      });
    },

    relationship(partnerId: string, hirerId: string, types: SeekRelationshipType[]) {
      return prisma().seekHirerRelationship.create({ data: { partnerId, hirerId, types }, select: { id: true } });
    },
  };
  return rows;
}
