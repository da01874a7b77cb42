-- CreateTable
CREATE TABLE "IndeedApplyTestTarget" (
    "appId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndeedApplyTestTarget_pkey" PRIMARY KEY ("appId")
);

-- CreateTable
CREATE TABLE "IndeedApplyTestSend" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "actorId" UUID,
    "url" TEXT NOT NULL,
    "sample" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "requestBody" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "expected" BOOLEAN NOT NULL,
    "message" TEXT NOT NULL,
    "status" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "responseHeaders" JSONB,
    "responseBody" TEXT,
    "responseTruncated" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndeedApplyTestSend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndeedApplyTestSend_appId_createdAt_idx" ON "IndeedApplyTestSend"("appId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "IndeedApplyTestTarget" ADD CONSTRAINT "IndeedApplyTestTarget_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedApplyTestSend" ADD CONSTRAINT "IndeedApplyTestSend_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndeedApplyTestSend" ADD CONSTRAINT "IndeedApplyTestSend_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
