-- CreateTable
CREATE TABLE "ContactSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'contact',
    "team" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "securityEmail" TEXT,
    "responseDays" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedByUserId" TEXT
);
