-- CreateTable
CREATE TABLE "FrameworkEdition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "description" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "basedOnId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FrameworkEdition_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "FrameworkEdition" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "shortTitle" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "whyItMatters" TEXT NOT NULL DEFAULT '',
    "keyQuestions" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Outcome_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "FrameworkEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Level" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Level_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "Indicator_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Indicator_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "Level" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestedEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "SuggestedEvidence_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "odsCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "activeFrom" DATETIME NOT NULL,
    "activeTo" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Organisation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LibraryService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "evidenceQuotaBytes" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ServiceOrganisation" (
    "libraryServiceId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "servesFrom" DATETIME NOT NULL,
    "servesTo" DATETIME,

    PRIMARY KEY ("libraryServiceId", "organisationId"),
    CONSTRAINT "ServiceOrganisation_libraryServiceId_fkey" FOREIGN KEY ("libraryServiceId") REFERENCES "LibraryService" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ServiceOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedSignInCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastSignInAt" DATETIME,
    "passwordChangedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "libraryServiceId" TEXT,
    "organisationId" TEXT,
    "regionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_libraryServiceId_fkey" FOREIGN KEY ("libraryServiceId") REFERENCES "LibraryService" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleAssignment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "editionId" TEXT NOT NULL,
    "evidencePeriodStart" DATETIME NOT NULL,
    "evidencePeriodEnd" DATETIME NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "submissionDeadline" DATETIME NOT NULL,
    "validationDeadline" DATETIME NOT NULL,
    "minimumExpectedLevel" INTEGER,
    "allOrganisations" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Cycle_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "FrameworkEdition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CycleParticipant" (
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    PRIMARY KEY ("cycleId", "organisationId"),
    CONSTRAINT "CycleParticipant_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CycleParticipant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "libraryServiceId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "copiedFromId" TEXT,
    "startedAt" DATETIME,
    "sentForSignOffAt" DATETIME,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "isLate" BOOLEAN,
    "validatedAt" DATETIME,
    "publishedAt" DATETIME,
    "publishedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Submission_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_libraryServiceId_fkey" FOREIGN KEY ("libraryServiceId") REFERENCES "LibraryService" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Submission" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Submission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Submission_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerRole" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignOff_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SignOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "narrative" TEXT NOT NULL DEFAULT '',
    "keyStrengths" TEXT NOT NULL DEFAULT '',
    "selfLevel" INTEGER,
    "selfSubLevel" TEXT,
    "selfGradeSteps" INTEGER,
    "selfGradeReason" TEXT NOT NULL DEFAULT '',
    "copiedForward" BOOLEAN NOT NULL DEFAULT false,
    "reopenedForClarification" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutcomeResponse_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeResponse_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OutcomeResponse_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IndicatorResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeResponseId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "IndicatorResponse_outcomeResponseId_fkey" FOREIGN KEY ("outcomeResponseId") REFERENCES "OutcomeResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IndicatorResponse_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PenPortrait" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "budgetPounds" INTEGER,
    "contextNotes" TEXT NOT NULL DEFAULT '',
    "copiedForward" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PenPortrait_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PenPortraitOrganisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "penPortraitId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "staffHeadcount" INTEGER,
    "staffWte" REAL,
    CONSTRAINT "PenPortraitOrganisation_penPortraitId_fkey" FOREIGN KEY ("penPortraitId") REFERENCES "PenPortrait" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PenPortraitOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PenPortraitStaffPost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "penPortraitId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "wte" REAL NOT NULL,
    "qualified" BOOLEAN NOT NULL,
    CONSTRAINT "PenPortraitStaffPost_penPortraitId_fkey" FOREIGN KEY ("penPortraitId") REFERENCES "PenPortrait" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PenPortraitDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "penPortraitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "evidenceItemId" TEXT NOT NULL,
    CONSTRAINT "PenPortraitDocument_penPortraitId_fkey" FOREIGN KEY ("penPortraitId") REFERENCES "PenPortrait" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PenPortraitDocument_evidenceItemId_fkey" FOREIGN KEY ("evidenceItemId") REFERENCES "EvidenceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "libraryServiceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "evidenceDateFrom" DATETIME NOT NULL,
    "evidenceDateTo" DATETIME,
    "url" TEXT,
    "archivedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvidenceItem_libraryServiceId_fkey" FOREIGN KEY ("libraryServiceId") REFERENCES "LibraryService" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EvidenceItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceItemId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "EvidenceFile_evidenceItemId_fkey" FOREIGN KEY ("evidenceItemId") REFERENCES "EvidenceItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFileVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceFileId" TEXT NOT NULL,
    "libraryServiceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceFileVersion_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "EvidenceFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceFileVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceItemId" TEXT NOT NULL,
    "outcomeResponseId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "pointer" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceLink_evidenceItemId_fkey" FOREIGN KEY ("evidenceItemId") REFERENCES "EvidenceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EvidenceLink_outcomeResponseId_fkey" FOREIGN KEY ("outcomeResponseId") REFERENCES "OutcomeResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceLink_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ValidatorAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "validatorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "assignedById" TEXT NOT NULL,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "ValidatorAssignment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ValidatorAssignment_validatorId_fkey" FOREIGN KEY ("validatorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ValidatorAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeValidation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "level" INTEGER,
    "subLevel" TEXT,
    "gradeSteps" INTEGER,
    "rationale" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutcomeValidation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ValidatorAssignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeValidation_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IndicatorJudgement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeValidationId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "IndicatorJudgement_outcomeValidationId_fkey" FOREIGN KEY ("outcomeValidationId") REFERENCES "OutcomeValidation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IndicatorJudgement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreedResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "subLevel" TEXT,
    "gradeSteps" INTEGER NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "strengths" TEXT NOT NULL DEFAULT '',
    "areasForDevelopment" TEXT NOT NULL DEFAULT '',
    "recommendations" TEXT NOT NULL DEFAULT '',
    "viaModeration" BOOLEAN NOT NULL DEFAULT false,
    "agreedById" TEXT NOT NULL,
    "agreedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreedResult_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgreedResult_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AgreedResult_agreedById_fkey" FOREIGN KEY ("agreedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequiredAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreedResultId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "RequiredAction_agreedResultId_fkey" FOREIGN KEY ("agreedResultId") REFERENCES "AgreedResult" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClarificationThread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "outcomeId" TEXT,
    "openedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "ClarificationThread_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClarificationThread_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ClarificationThread_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClarificationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClarificationMessage_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ClarificationThread" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClarificationMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DevelopmentPlanItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "requiredActionId" TEXT,
    "outcomeId" TEXT,
    "action" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "progressNotes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DevelopmentPlanItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DevelopmentPlanItem_requiredActionId_fkey" FOREIGN KEY ("requiredActionId") REFERENCES "RequiredAction" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DevelopmentPlanItem_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "submissionId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "ipAddress" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkEdition_code_key" ON "FrameworkEdition"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_editionId_number_key" ON "Outcome"("editionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Level_outcomeId_level_key" ON "Level"("outcomeId", "level");

-- CreateIndex
CREATE INDEX "Indicator_outcomeId_idx" ON "Indicator"("outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_levelId_position_key" ON "Indicator"("levelId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestedEvidence_outcomeId_position_key" ON "SuggestedEvidence"("outcomeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Region_name_key" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_odsCode_key" ON "Organisation"("odsCode");

-- CreateIndex
CREATE INDEX "Organisation_regionId_idx" ON "Organisation"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "LibraryService_name_key" ON "LibraryService"("name");

-- CreateIndex
CREATE INDEX "ServiceOrganisation_organisationId_idx" ON "ServiceOrganisation"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "RoleAssignment_libraryServiceId_idx" ON "RoleAssignment"("libraryServiceId");

-- CreateIndex
CREATE INDEX "RoleAssignment_organisationId_idx" ON "RoleAssignment"("organisationId");

-- CreateIndex
CREATE INDEX "RoleAssignment_regionId_idx" ON "RoleAssignment"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_role_libraryServiceId_organisationId_regionId_key" ON "RoleAssignment"("userId", "role", "libraryServiceId", "organisationId", "regionId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_name_key" ON "Cycle"("name");

-- CreateIndex
CREATE INDEX "Cycle_status_idx" ON "Cycle"("status");

-- CreateIndex
CREATE INDEX "CycleParticipant_organisationId_idx" ON "CycleParticipant"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_reference_key" ON "Submission"("reference");

-- CreateIndex
CREATE INDEX "Submission_libraryServiceId_cycleId_idx" ON "Submission"("libraryServiceId", "cycleId");

-- CreateIndex
CREATE INDEX "Submission_regionId_cycleId_status_idx" ON "Submission"("regionId", "cycleId", "status");

-- CreateIndex
CREATE INDEX "Submission_cycleId_status_idx" ON "Submission"("cycleId", "status");

-- CreateIndex
CREATE INDEX "Submission_organisationId_idx" ON "Submission"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_cycleId_organisationId_key" ON "Submission"("cycleId", "organisationId");

-- CreateIndex
CREATE INDEX "SignOff_submissionId_createdAt_idx" ON "SignOff"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "OutcomeResponse_outcomeId_idx" ON "OutcomeResponse"("outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeResponse_submissionId_outcomeId_key" ON "OutcomeResponse"("submissionId", "outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorResponse_outcomeResponseId_indicatorId_key" ON "IndicatorResponse"("outcomeResponseId", "indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "PenPortrait_submissionId_key" ON "PenPortrait"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "PenPortraitOrganisation_penPortraitId_organisationId_key" ON "PenPortraitOrganisation"("penPortraitId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "PenPortraitStaffPost_penPortraitId_position_key" ON "PenPortraitStaffPost"("penPortraitId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PenPortraitDocument_penPortraitId_kind_evidenceItemId_key" ON "PenPortraitDocument"("penPortraitId", "kind", "evidenceItemId");

-- CreateIndex
CREATE INDEX "EvidenceItem_libraryServiceId_archivedAt_idx" ON "EvidenceItem"("libraryServiceId", "archivedAt");

-- CreateIndex
CREATE INDEX "EvidenceItem_libraryServiceId_evidenceDateFrom_idx" ON "EvidenceItem"("libraryServiceId", "evidenceDateFrom");

-- CreateIndex
CREATE INDEX "EvidenceFile_evidenceItemId_idx" ON "EvidenceFile"("evidenceItemId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFileVersion_storageKey_key" ON "EvidenceFileVersion"("storageKey");

-- CreateIndex
CREATE INDEX "EvidenceFileVersion_libraryServiceId_sha256_idx" ON "EvidenceFileVersion"("libraryServiceId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFileVersion_evidenceFileId_version_key" ON "EvidenceFileVersion"("evidenceFileId", "version");

-- CreateIndex
CREATE INDEX "EvidenceLink_outcomeResponseId_idx" ON "EvidenceLink"("outcomeResponseId");

-- CreateIndex
CREATE INDEX "EvidenceLink_evidenceItemId_idx" ON "EvidenceLink"("evidenceItemId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceLink_evidenceItemId_outcomeResponseId_indicatorId_key" ON "EvidenceLink"("evidenceItemId", "outcomeResponseId", "indicatorId");

-- CreateIndex
CREATE INDEX "ValidatorAssignment_validatorId_completedAt_idx" ON "ValidatorAssignment"("validatorId", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ValidatorAssignment_submissionId_kind_key" ON "ValidatorAssignment"("submissionId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ValidatorAssignment_submissionId_validatorId_key" ON "ValidatorAssignment"("submissionId", "validatorId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeValidation_assignmentId_outcomeId_key" ON "OutcomeValidation"("assignmentId", "outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorJudgement_outcomeValidationId_indicatorId_key" ON "IndicatorJudgement"("outcomeValidationId", "indicatorId");

-- CreateIndex
CREATE INDEX "AgreedResult_outcomeId_gradeSteps_idx" ON "AgreedResult"("outcomeId", "gradeSteps");

-- CreateIndex
CREATE UNIQUE INDEX "AgreedResult_submissionId_outcomeId_key" ON "AgreedResult"("submissionId", "outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "RequiredAction_agreedResultId_position_key" ON "RequiredAction"("agreedResultId", "position");

-- CreateIndex
CREATE INDEX "ClarificationThread_submissionId_status_idx" ON "ClarificationThread"("submissionId", "status");

-- CreateIndex
CREATE INDEX "ClarificationMessage_threadId_createdAt_idx" ON "ClarificationMessage"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "DevelopmentPlanItem_submissionId_idx" ON "DevelopmentPlanItem"("submissionId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_submissionId_at_idx" ON "AuditEvent"("submissionId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
