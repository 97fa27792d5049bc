-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "attachmentId" INTEGER;

-- CreateTable
CREATE TABLE "OfficialAccount" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "opdId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "lastVerifiedAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OfficialAccount_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "fileId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (columns added in place: copying a large Report table would be slow)
ALTER TABLE "Report" ADD COLUMN "accountHandle" TEXT;
ALTER TABLE "Report" ADD COLUMN "accountUnregistered" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "OfficialAccount_opdId_idx" ON "OfficialAccount"("opdId");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialAccount_platform_handle_key" ON "OfficialAccount"("platform", "handle");
