-- CreateTable
CREATE TABLE "TokenToolRun" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "actorId" UUID,
    "flow" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "baseUrl" TEXT,
    "secretId" UUID,
    "secretLabel" TEXT,
    "status" TEXT NOT NULL DEFAULT 'not_run',
    "state" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TokenToolRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TokenToolStep" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "input" JSONB NOT NULL DEFAULT '{}',
    "outcome" JSONB NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TokenToolStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TokenToolVault" (
    "runId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TokenToolVault_pkey" PRIMARY KEY ("runId","name")
);

-- CreateIndex
CREATE UNIQUE INDEX "TokenToolRun_state_key" ON "TokenToolRun"("state");

-- CreateIndex
CREATE INDEX "TokenToolRun_appId_createdAt_idx" ON "TokenToolRun"("appId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "TokenToolStep_runId_key_key" ON "TokenToolStep"("runId", "key");

-- CreateIndex
CREATE INDEX "TokenToolVault_expiresAt_idx" ON "TokenToolVault"("expiresAt");

-- AddForeignKey
ALTER TABLE "TokenToolRun" ADD CONSTRAINT "TokenToolRun_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TokenToolRun" ADD CONSTRAINT "TokenToolRun_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TokenToolStep" ADD CONSTRAINT "TokenToolStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TokenToolRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TokenToolVault" ADD CONSTRAINT "TokenToolVault_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TokenToolRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
