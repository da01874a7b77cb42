// No "server-only" marker: the operator scripts (scripts/, under tsx) import it, and the marker throws there.
// The only module of the app that reads process.env. Everything is validated once, with messages
// an operator can act on. Outside the app, only tooling reads it: prisma.config.ts, the test and
// e2e runners, and the benches (which also set it for the servers they start).
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .pipe(postgresUrl.optional()),
  /** Folder of the embedded database and of the secrets generated for it. */
  DATA_DIR: z.string().trim().min(1).default(".data"),
  /** Signs and encrypts console sessions. Required on PostgreSQL in production. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * Encrypts client secrets and signing keys at rest (AES-256-GCM) and keys their verifiers:
   * 32 random bytes in base64 or base64url. Required on PostgreSQL in production.
   */
  CREDENTIALS_KEY: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => v === undefined || (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32),
      "must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)",
    ),
  /** The public origin of the app, e.g. https://console.example.com (used behind a proxy). */
  PUBLIC_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Connections per app instance to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** V8's old-generation limit of the `npm start` server, in MB (scripts/start.ts says why). */
  SERVER_HEAP_MB: z.coerce.number().int().min(128).max(16384).default(256),
  /** Requests per OAuth client per rolling minute to Indeed's simulated GraphQL APIs. */
  INDEED_GRAPHQL_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /**
   * Lets the testing tools reach loopback and private network addresses (a partner's endpoint
   * on their own machine). Unset: on with the embedded database, off on PostgreSQL
   * (docs/decisions/020-outbound-requests.md).
   */
  OUTBOUND_ALLOW_PRIVATE_ADDRESSES: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v.toLowerCase()))
    .pipe(z.enum(["true", "false"], { error: "must be true or false" }).optional()),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** True when the app runs on the embedded PGlite database (no DATABASE_URL). */
export function isEmbedded(): boolean {
  return env().DATABASE_URL === undefined;
}

/**
 * Whether this process is a deployment (PostgreSQL in production) without PUBLIC_URL: its
 * issuers would follow the request's Host header (docs/decisions/018). npm start refuses it.
 */
export function publicUrlMissing(): boolean {
  const e = env();
  return !e.PUBLIC_URL && !isEmbedded() && e.NODE_ENV === "production";
}

/** Whether outbound requests may go to private addresses (see OUTBOUND_ALLOW_PRIVATE_ADDRESSES). */
export function outboundAllowsPrivateAddresses(): boolean {
  const value = env().OUTBOUND_ALLOW_PRIVATE_ADDRESSES;
  return value === undefined ? isEmbedded() : value === "true";
}
