import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", "playwright-report/**", "test-results/**"] },
  {
    rules: {
      // React components never import Prisma: all data goes through lib/data (CONVENTIONS 1).
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/generated/prisma/client", "@prisma/client"], message: "Use lib/data." }] },
      ],
    },
  },
  {
    files: ["lib/**", "prisma/**", "scripts/**", "e2e/**", "**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Playwright fixtures and test helpers are not React: their `use…` functions are not hooks.
    files: ["e2e/**", "lib/testing/**", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
