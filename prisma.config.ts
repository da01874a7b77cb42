// Configuration for the stock Prisma CLI (`prisma generate`, and `prisma migrate` wherever the CLI
// can download its schema engine). The app itself migrates with prisma/migrate.ts, which needs no
// download and also works on the embedded database.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db-seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/partner_console" },
});
