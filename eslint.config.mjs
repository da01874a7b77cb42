import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default [
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
];
