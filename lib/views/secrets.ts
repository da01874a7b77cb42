// A client secret as the Credentials tab renders it, Indeed's or SEEK's: its metadata with dates
// as ISO strings (the card is a client component), never its value. Browser-safe.
import type { SecretStatus } from "@/lib/credentials/secrets";

export interface SecretMetadata {
  id: string;
  status: SecretStatus;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

interface SecretRow {
  id: string;
  status: SecretStatus;
  createdAt: Date;
  createdBy: { name: string } | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedBy: { name: string } | null;
}

export function secretMetadata(s: SecretRow): SecretMetadata {
  return {
    id: s.id,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy?.name ?? null,
    lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
    expiresAt: s.expiresAt?.toISOString() ?? null,
    revokedAt: s.revokedAt?.toISOString() ?? null,
    revokedBy: s.revokedBy?.name ?? null,
  };
}
