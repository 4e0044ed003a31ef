-- CreateIndex
CREATE INDEX "DevelopmentPlanItem_requiredActionId_status_idx" ON "DevelopmentPlanItem"("requiredActionId", "status");
