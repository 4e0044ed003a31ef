-- CreateTable
CREATE TABLE "ServiceImprovementPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "libraryServiceId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "planPeriodStart" DATETIME NOT NULL,
    "planPeriodEnd" DATETIME NOT NULL,
    "contextSourceSubmissionId" TEXT,
    "budgetPounds" INTEGER,
    "staffHeadcount" INTEGER,
    "staffWte" REAL,
    "lksWte" REAL,
    "qualifiedWte" REAL,
    "contextNotes" TEXT NOT NULL DEFAULT '',
    "changesSinceValidation" TEXT NOT NULL DEFAULT '',
    "contextCompleted" BOOLEAN NOT NULL DEFAULT false,
    "contextVersion" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME,
    "sentForSignOffAt" DATETIME,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "isLate" BOOLEAN,
    "reviewerId" TEXT,
    "reviewerAssignedAt" DATETIME,
    "publishedAt" DATETIME,
    "nextReviewDate" DATETIME,
    "interimRequestedAt" DATETIME,
    "interimRequestNote" TEXT NOT NULL DEFAULT '',
    "interimUpdatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceImprovementPlan_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceImprovementPlan_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceImprovementPlan_libraryServiceId_fkey" FOREIGN KEY ("libraryServiceId") REFERENCES "LibraryService" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceImprovementPlan_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceImprovementPlan_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SipOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "currentLevel" INTEGER,
    "currentSubLevel" TEXT,
    "currentGradeSteps" INTEGER,
    "currentFromSubmissionId" TEXT,
    "targetLevel" INTEGER,
    "targetSubLevel" TEXT,
    "targetGradeSteps" INTEGER,
    "targetReason" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "reopenedForResubmission" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SipOutcome_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ServiceImprovementPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SipOutcome_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SipObjective" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sipOutcomeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SipObjective_sipOutcomeId_fkey" FOREIGN KEY ("sipOutcomeId") REFERENCES "SipOutcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SipAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "measure" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "progressNotes" TEXT NOT NULL DEFAULT '',
    "carriedFromPlanItemId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SipAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ServiceImprovementPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SipAction_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "SipObjective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SipAction_carriedFromPlanItemId_fkey" FOREIGN KEY ("carriedFromPlanItemId") REFERENCES "DevelopmentPlanItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SipEvidenceLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sipOutcomeId" TEXT NOT NULL,
    "evidenceItemId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SipEvidenceLink_sipOutcomeId_fkey" FOREIGN KEY ("sipOutcomeId") REFERENCES "SipOutcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SipEvidenceLink_evidenceItemId_fkey" FOREIGN KEY ("evidenceItemId") REFERENCES "EvidenceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SipSignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerRole" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SipSignOff_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ServiceImprovementPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SipSignOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SipReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "outcome" TEXT,
    "meetingDate" DATETIME,
    "attendees" TEXT NOT NULL DEFAULT '',
    "meetingNotes" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "recordedAt" DATETIME,
    "confirmedAt" DATETIME,
    "confirmedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SipReview_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ServiceImprovementPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SipReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SipReview_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SipReviewComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "resubmit" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SipReviewComment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "SipReview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SipReviewComment_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromOutcomeId" TEXT NOT NULL,
    "toOutcomeId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutcomeMapping_fromOutcomeId_fkey" FOREIGN KEY ("fromOutcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeMapping_toOutcomeId_fkey" FOREIGN KEY ("toOutcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceImprovementPlan_reference_key" ON "ServiceImprovementPlan"("reference");

-- CreateIndex
CREATE INDEX "ServiceImprovementPlan_libraryServiceId_cycleId_idx" ON "ServiceImprovementPlan"("libraryServiceId", "cycleId");

-- CreateIndex
CREATE INDEX "ServiceImprovementPlan_cycleId_regionId_status_idx" ON "ServiceImprovementPlan"("cycleId", "regionId", "status");

-- CreateIndex
CREATE INDEX "ServiceImprovementPlan_organisationId_idx" ON "ServiceImprovementPlan"("organisationId");

-- CreateIndex
CREATE INDEX "ServiceImprovementPlan_reviewerId_idx" ON "ServiceImprovementPlan"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceImprovementPlan_cycleId_organisationId_key" ON "ServiceImprovementPlan"("cycleId", "organisationId");

-- CreateIndex
CREATE INDEX "SipOutcome_outcomeId_idx" ON "SipOutcome"("outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "SipOutcome_planId_outcomeId_key" ON "SipOutcome"("planId", "outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "SipObjective_sipOutcomeId_position_key" ON "SipObjective"("sipOutcomeId", "position");

-- CreateIndex
CREATE INDEX "SipAction_planId_status_dueDate_idx" ON "SipAction"("planId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "SipAction_objectiveId_idx" ON "SipAction"("objectiveId");

-- CreateIndex
CREATE INDEX "SipAction_carriedFromPlanItemId_idx" ON "SipAction"("carriedFromPlanItemId");

-- CreateIndex
CREATE INDEX "SipEvidenceLink_evidenceItemId_idx" ON "SipEvidenceLink"("evidenceItemId");

-- CreateIndex
CREATE UNIQUE INDEX "SipEvidenceLink_sipOutcomeId_evidenceItemId_key" ON "SipEvidenceLink"("sipOutcomeId", "evidenceItemId");

-- CreateIndex
CREATE INDEX "SipSignOff_planId_createdAt_idx" ON "SipSignOff"("planId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SipReview_planId_round_key" ON "SipReview"("planId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "SipReviewComment_reviewId_outcomeId_key" ON "SipReviewComment"("reviewId", "outcomeId");

-- CreateIndex
CREATE INDEX "OutcomeMapping_toOutcomeId_idx" ON "OutcomeMapping"("toOutcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeMapping_fromOutcomeId_toOutcomeId_key" ON "OutcomeMapping"("fromOutcomeId", "toOutcomeId");
