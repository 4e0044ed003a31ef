-- CreateTable
CREATE TABLE "SaveReceipt" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "key")
);

-- CreateIndex
CREATE INDEX "SaveReceipt_createdAt_idx" ON "SaveReceipt"("createdAt");
