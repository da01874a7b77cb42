-- CreateEnum
CREATE TYPE "SeekEnvironment" AS ENUM ('PLAYGROUND', 'LIVE');

-- CreateEnum
CREATE TYPE "SeekRelationshipType" AS ENUM ('ApplicationExport', 'ApplicationPrefill', 'JobPosting', 'ProactiveSourcing', 'CandidateProfiles', 'CandidateVerification');

-- CreateEnum
CREATE TYPE "SeekLiveRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "SeekEndpoint" AS ENUM ('PARTNER_TOKEN', 'BROWSER_TOKEN', 'GRAPHQL');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "seekLiveSelfService" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "seekLiveSelfServiceChangedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SeekCredential" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "environment" "SeekEnvironment" NOT NULL,
    "clientId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "tokensNotBefore" TIMESTAMP(3),
    "tokensExpiredById" UUID,

    CONSTRAINT "SeekCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeekClientSecret" (
    "id" UUID NOT NULL,
    "credentialId" UUID NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "verifier" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,

    CONSTRAINT "SeekClientSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeekHirer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT COLLATE "C" NOT NULL,
    "seekAnzAdvertiserId" INTEGER,
    "environment" "SeekEnvironment" NOT NULL,
    "testPartnerId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeekHirer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeekHirerRelationship" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "hirerId" TEXT NOT NULL,
    "types" "SeekRelationshipType"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeekHirerRelationship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeekHirerRelationshipChange" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "hirerId" TEXT NOT NULL,
    "fromTypes" "SeekRelationshipType"[],
    "toTypes" "SeekRelationshipType"[],
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeekHirerRelationshipChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeekLiveCredentialRequest" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "status" "SeekLiveRequestStatus" NOT NULL DEFAULT 'PENDING',
    "note" TEXT NOT NULL DEFAULT '',
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "SeekLiveCredentialRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeekRequestRecord" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endpoint" "SeekEndpoint" NOT NULL,
    "credentialId" UUID,
    "appId" UUID,
    "environment" "SeekEnvironment",
    "httpStatus" INTEGER NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "operationName" TEXT,
    "hirerId" TEXT,
    "userAgent" TEXT,
    "xRequestId" TEXT,
    "xSessionId" TEXT,

    CONSTRAINT "SeekRequestRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeekSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "partnerTokenExpiresIn" INTEGER NOT NULL DEFAULT 1800,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "SeekSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SeekCredential_clientId_key" ON "SeekCredential"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "SeekCredential_appId_environment_key" ON "SeekCredential"("appId", "environment");

-- CreateIndex
CREATE INDEX "SeekClientSecret_credentialId_createdAt_idx" ON "SeekClientSecret"("credentialId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SeekHirer_seekAnzAdvertiserId_key" ON "SeekHirer"("seekAnzAdvertiserId");

-- CreateIndex
CREATE INDEX "SeekHirer_environment_sortName_id_idx" ON "SeekHirer"("environment", "sortName", "id");

-- CreateIndex
CREATE INDEX "SeekHirerRelationship_hirerId_idx" ON "SeekHirerRelationship"("hirerId");

-- CreateIndex
CREATE UNIQUE INDEX "SeekHirerRelationship_partnerId_hirerId_key" ON "SeekHirerRelationship"("partnerId", "hirerId");

-- CreateIndex
CREATE INDEX "SeekHirerRelationshipChange_partnerId_createdAt_idx" ON "SeekHirerRelationshipChange"("partnerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SeekLiveCredentialRequest_status_createdAt_idx" ON "SeekLiveCredentialRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SeekLiveCredentialRequest_appId_createdAt_idx" ON "SeekLiveCredentialRequest"("appId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SeekRequestRecord_appId_createdAt_idx" ON "SeekRequestRecord"("appId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SeekRequestRecord_createdAt_idx" ON "SeekRequestRecord"("createdAt");

-- AddForeignKey
ALTER TABLE "SeekCredential" ADD CONSTRAINT "SeekCredential_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekCredential" ADD CONSTRAINT "SeekCredential_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekCredential" ADD CONSTRAINT "SeekCredential_tokensExpiredById_fkey" FOREIGN KEY ("tokensExpiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekClientSecret" ADD CONSTRAINT "SeekClientSecret_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "SeekCredential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekClientSecret" ADD CONSTRAINT "SeekClientSecret_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekClientSecret" ADD CONSTRAINT "SeekClientSecret_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekHirer" ADD CONSTRAINT "SeekHirer_testPartnerId_fkey" FOREIGN KEY ("testPartnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekHirerRelationship" ADD CONSTRAINT "SeekHirerRelationship_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekHirerRelationship" ADD CONSTRAINT "SeekHirerRelationship_hirerId_fkey" FOREIGN KEY ("hirerId") REFERENCES "SeekHirer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekHirerRelationshipChange" ADD CONSTRAINT "SeekHirerRelationshipChange_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekHirerRelationshipChange" ADD CONSTRAINT "SeekHirerRelationshipChange_hirerId_fkey" FOREIGN KEY ("hirerId") REFERENCES "SeekHirer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekHirerRelationshipChange" ADD CONSTRAINT "SeekHirerRelationshipChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekLiveCredentialRequest" ADD CONSTRAINT "SeekLiveCredentialRequest_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekLiveCredentialRequest" ADD CONSTRAINT "SeekLiveCredentialRequest_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekLiveCredentialRequest" ADD CONSTRAINT "SeekLiveCredentialRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekLiveCredentialRequest" ADD CONSTRAINT "SeekLiveCredentialRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekRequestRecord" ADD CONSTRAINT "SeekRequestRecord_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "SeekCredential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekRequestRecord" ADD CONSTRAINT "SeekRequestRecord_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeekSettings" ADD CONSTRAINT "SeekSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Prisma's schema language cannot express these and its diff ignores them.
-- A hirer's scheme is its environment's; a partner's test hirer is a live one.
ALTER TABLE "SeekHirer" ADD CONSTRAINT "SeekHirer_environment_scheme_check" CHECK (
  ("environment" = 'PLAYGROUND' AND "id" LIKE 'seekAnzPublicTest:%')
  OR ("environment" = 'LIVE' AND "id" LIKE 'seekAnz:%')
);
ALTER TABLE "SeekHirer" ADD CONSTRAINT "SeekHirer_test_partner_live_check" CHECK ("testPartnerId" IS NULL OR "environment" = 'LIVE');
-- A relationship always has at least one type; removing the last one deletes the row.
ALTER TABLE "SeekHirerRelationship" ADD CONSTRAINT "SeekHirerRelationship_types_check" CHECK (cardinality("types") > 0);
-- At most one pending live-credential request per app.
CREATE UNIQUE INDEX "SeekLiveCredentialRequest_one_pending_per_app" ON "SeekLiveCredentialRequest"("appId") WHERE "status" = 'PENDING';
-- The settings table holds one row.
ALTER TABLE "SeekSettings" ADD CONSTRAINT "SeekSettings_single_row_check" CHECK ("id" = 1);
ALTER TABLE "SeekSettings" ADD CONSTRAINT "SeekSettings_expires_in_check" CHECK ("partnerTokenExpiresIn" BETWEEN 60 AND 86400);
