-- CreateIndex
CREATE INDEX "AuditEvent_entityId_at_idx" ON "AuditEvent"("entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");
