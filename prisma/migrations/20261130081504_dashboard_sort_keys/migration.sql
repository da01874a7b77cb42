-- Stored sort keys for the dashboard's order (docs/decisions/005): compared byte by byte, so
-- COLLATE "C" whatever the database's locale. Existing rows start empty and get their keys
-- from scripts/prepare-database.ts (computed in the app: lib/sort.ts sortKey) right after.

-- AlterTable
ALTER TABLE "App" ADD COLUMN     "sortName" TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE "App" ALTER COLUMN "sortName" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "sortName" TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE "Partner" ALTER COLUMN "sortName" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "App_partnerId_sortName_idx" ON "App"("partnerId", "sortName");
