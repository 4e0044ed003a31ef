-- CreateIndex
CREATE INDEX "AgreedResult_submissionId_outcomeId_gradeSteps_idx" ON "AgreedResult"("submissionId", "outcomeId", "gradeSteps");

-- CreateIndex
CREATE INDEX "Submission_cycleId_regionId_status_idx" ON "Submission"("cycleId", "regionId", "status");
