-- CreateIndex
CREATE INDEX "IndeedDisposition_requestId_idx" ON "IndeedDisposition"("requestId");

-- CreateIndex
CREATE INDEX "IndeedEmployer_requestId_idx" ON "IndeedEmployer"("requestId");

-- CreateIndex
CREATE INDEX "IndeedJobPosting_requestId_idx" ON "IndeedJobPosting"("requestId");

-- CreateIndex
CREATE INDEX "IndeedJobPosting_expiredById_idx" ON "IndeedJobPosting"("expiredById");
