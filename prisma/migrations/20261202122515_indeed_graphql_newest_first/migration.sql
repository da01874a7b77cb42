-- DropIndex
DROP INDEX "IndeedDisposition_clientId_createdAt_idx";

-- DropIndex
DROP INDEX "IndeedEmployer_clientId_updatedAt_idx";

-- DropIndex
DROP INDEX "IndeedGraphqlRequest_clientId_createdAt_idx";

-- DropIndex
DROP INDEX "IndeedJobPosting_clientId_updatedAt_idx";

-- CreateIndex
CREATE INDEX "IndeedDisposition_clientId_createdAt_id_idx" ON "IndeedDisposition"("clientId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "IndeedEmployer_clientId_updatedAt_id_idx" ON "IndeedEmployer"("clientId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "IndeedGraphqlRequest_clientId_createdAt_id_idx" ON "IndeedGraphqlRequest"("clientId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "IndeedJobPosting_clientId_updatedAt_id_idx" ON "IndeedJobPosting"("clientId", "updatedAt" DESC, "id" DESC);
