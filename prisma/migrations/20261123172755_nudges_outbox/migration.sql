-- AlterTable
ALTER TABLE "Opd" ADD COLUMN "lastReportAt" DATETIME;

-- Backfill (hand-written): each OPD's latest report.
UPDATE "Opd" SET "lastReportAt" = (SELECT MAX("createdAt") FROM "Report" WHERE "Report"."opdId" = "Opd"."id");

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" INTEGER
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "opdId" INTEGER,
    "userId" INTEGER,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Nudge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "opdId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "silence" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,

    PRIMARY KEY ("job", "day")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "buttons" TEXT,
    "lane" TEXT NOT NULL DEFAULT 'bulk',
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Leave_opdId_idx" ON "Leave"("opdId");

-- CreateIndex
CREATE INDEX "Leave_userId_idx" ON "Leave"("userId");

-- CreateIndex
CREATE INDEX "Nudge_day_idx" ON "Nudge"("day");

-- CreateIndex
CREATE UNIQUE INDEX "Nudge_opdId_day_level_key" ON "Nudge"("opdId", "day", "level");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_id_idx" ON "OutboxMessage"("status", "id");

-- CreateIndex
CREATE INDEX "Report_createdAt_idx" ON "Report"("createdAt");
