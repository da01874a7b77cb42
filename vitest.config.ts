// Three projects (CONVENTIONS 10): `unit` for pure helpers, and the same integration files
// (`*.int.test.ts`) run against a fresh embedded PGlite database and, when TEST_DATABASE_URL
// names a PostgreSQL server, against a fresh PostgreSQL database created on it for each file
// (lib/testing/database.ts). Which database a project uses is handed to the tests with
// `provide`/`inject`, so no test code reads process.env for it.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

// `server-only` throws outside React Server Components; its own package ships the empty module
// that the "react-server" condition selects.
const serverOnlyEmpty = path.join(path.dirname(createRequire(import.meta.url).resolve("server-only")), "empty.js");

const integrationFiles = ["lib/**/*.int.test.ts", "prisma/**/*.int.test.ts", "scripts/**/*.int.test.ts", "app/**/*.int.test.ts"];

// Integration files boot PGlite (WebAssembly), run the schema engine and spawn CLI processes:
// on a busy two-core machine a single step can take minutes. Nothing is ever retried.
const integration = {
  include: integrationFiles,
  testTimeout: 300_000,
  hookTimeout: 600_000,
} as const;

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: "unit",
      include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
      exclude: ["**/node_modules/**", "**/*.int.test.ts"],
      // scrypt at 32 MiB per hash shares two cores with the integration projects.
      testTimeout: 30_000,
    },
  },
  {
    extends: true,
    test: { name: "integration-pglite", ...integration, provide: { testDatabase: { kind: "pglite" } } },
  },
];

if (testDatabaseUrl) {
  projects.push({
    extends: true,
    test: {
      name: "integration-postgres",
      ...integration,
      provide: { testDatabase: { kind: "postgresql", serverUrl: testDatabaseUrl } },
    },
  });
}

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: serverOnlyEmpty },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    pool: "forks",
    // Two cores: PGlite, scrypt and the spawned CLI processes are all CPU-bound.
    maxWorkers: 2,
    // A stray `.only` must not silently turn the rest of the suite off.
    allowOnly: false,
    passWithNoTests: false,
    projects,
  },
});
