-- CreateTable
CREATE TABLE "FormStash" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "accountHash" TEXT,
    "path" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "FormStash_expiresAt_idx" ON "FormStash"("expiresAt");
