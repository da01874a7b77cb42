-- CreateEnum
CREATE TYPE "IndeedJobStatus" AS ENUM ('ACTIVE', 'EXPIRED');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "employerIdType" TEXT;

-- CreateTable
CREATE TABLE "IndeedGraphqlRequest" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "operationName" TEXT,
    "query" TEXT NOT NULL,
    "variables" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndeedGraphqlRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndeedJobPosting" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "sourceName" TEXT NOT NULL,
    "jobPostingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "IndeedJobStatus" NOT NULL DEFAULT 'ACTIVE',
    "posting" JSONB NOT NULL,
    "requestId" UUID,
    "expiredAt" TIMESTAMP(3),
    "expiredById" UUID,
    "trackingKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndeedJobPosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndeedEmployer" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '[]',
    "requestId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndeedEmployer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndeedDisposition" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "identifiedBy" JSONB NOT NULL,
    "dispositionStatus" TEXT,
    "rawDispositionStatus" TEXT,
    "atsName" TEXT,
    "statusChangeDateTime" TIMESTAMP(3),
    "rationale" TEXT,
    "requestId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndeedDisposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndeedGraphqlHit" (
    "id" BIGSERIAL NOT NULL,
    "clientId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndeedGraphqlHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndeedGraphqlRequest_clientId_createdAt_idx" ON "IndeedGraphqlRequest"("clientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "IndeedJobPosting_clientId_updatedAt_idx" ON "IndeedJobPosting"("clientId", "updatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "IndeedJobPosting_clientId_sourceName_jobPostingId_key" ON "IndeedJobPosting"("clientId", "sourceName", "jobPostingId");

-- CreateIndex
CREATE INDEX "IndeedEmployer_clientId_updatedAt_idx" ON "IndeedEmployer"("clientId", "updatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "IndeedEmployer_type_externalId_key" ON "IndeedEmployer"("type", "externalId");

-- CreateIndex
CREATE INDEX "IndeedDisposition_clientId_createdAt_idx" ON "IndeedDisposition"("clientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "IndeedGraphqlHit_clientId_at_idx" ON "IndeedGraphqlHit"("clientId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_employerIdType_key" ON "Partner"("employerIdType");

-- AddForeignKey
ALTER TABLE "IndeedGraphqlRequest" ADD CONSTRAINT "IndeedGraphqlRequest_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedJobPosting" ADD CONSTRAINT "IndeedJobPosting_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedJobPosting" ADD CONSTRAINT "IndeedJobPosting_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "IndeedGraphqlRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedJobPosting" ADD CONSTRAINT "IndeedJobPosting_expiredById_fkey" FOREIGN KEY ("expiredById") REFERENCES "IndeedGraphqlRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedEmployer" ADD CONSTRAINT "IndeedEmployer_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedEmployer" ADD CONSTRAINT "IndeedEmployer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "IndeedGraphqlRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedDisposition" ADD CONSTRAINT "IndeedDisposition_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedDisposition" ADD CONSTRAINT "IndeedDisposition_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "IndeedGraphqlRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
