import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const DATABASE_PATTERNS = [
  {
    regex: "^(@/lib/|(\\.{1,2}/)+(lib/)?)db(\\.ts)?$",
    message: "Only lib/data, lib/oauth, lib/providers, lib/testing, prisma and scripts use the database.",
  },
  { regex: "(^|/)generated/prisma/client(\\.ts)?$|^@prisma/client$", message: "Use lib/data." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", "playwright-report/**", "test-results/**"] },
  // The data boundary (docs/architecture.md): only the database layers import the database
  // module or the Prisma client; the pure lib/ modules (auth, credentials, crypto, provisioning…)
  // stay pure, and app/ and components/ reach data through lib/data and lib/oauth only.
  {
    rules: {
      "no-restricted-imports": ["error", { patterns: DATABASE_PATTERNS }],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...DATABASE_PATTERNS,
            { regex: "generated/prisma|^@prisma/", message: "No Prisma in app/ or components/, not even its enums: use lib/." },
            { regex: "(^|/)lib/testing(/|$)", message: "Test support is for tests." },
          ],
        },
      ],
    },
  },
  {
    files: [
      "lib/data/**",
      "lib/oauth/**",
      "lib/providers/**",
      "lib/testing/**",
      "lib/db.ts",
      "lib/db.int.test.ts",
      "prisma/**",
      "scripts/**",
      // Integration tests look at the rows themselves.
      "**/*.int.test.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Playwright fixtures and test helpers are not React: their `use…` functions are not hooks.
    files: ["e2e/**", "lib/testing/**", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
