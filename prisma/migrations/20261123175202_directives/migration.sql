-- AlterTable
ALTER TABLE "Report" ADD COLUMN "directiveId" INTEGER;

-- CreateTable
CREATE TABLE "Directive" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "authorId" INTEGER NOT NULL,
    "fromLeader" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL,
    "mediaKind" TEXT,
    "mediaFileId" TEXT,
    "priority" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "requireAck" BOOLEAN NOT NULL DEFAULT true,
    "deadline" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "previewChatId" BIGINT,
    "previewMessageId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "remindedAt" DATETIME,
    "summarizedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DirectiveDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "directiveId" INTEGER NOT NULL,
    "opdId" INTEGER,
    "userId" INTEGER,
    "chatId" BIGINT NOT NULL,
    "outboxId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "DirectiveAck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "directiveId" INTEGER NOT NULL,
    "opdId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DirectiveQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "directiveId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
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
    "mediaKind" TEXT,
    "mediaFileId" TEXT,
    "pin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);
INSERT INTO "new_OutboxMessage" ("attempts", "buttons", "chatId", "createdAt", "dedupeKey", "id", "kind", "lane", "lastError", "messageId", "sentAt", "status", "text") SELECT "attempts", "buttons", "chatId", "createdAt", "dedupeKey", "id", "kind", "lane", "lastError", "messageId", "sentAt", "status", "text" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_status_id_idx" ON "OutboxMessage"("status", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Directive_status_createdAt_idx" ON "Directive"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DirectiveDelivery_outboxId_key" ON "DirectiveDelivery"("outboxId");

-- CreateIndex
CREATE INDEX "DirectiveDelivery_directiveId_idx" ON "DirectiveDelivery"("directiveId");

-- CreateIndex
CREATE INDEX "DirectiveDelivery_chatId_idx" ON "DirectiveDelivery"("chatId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectiveAck_directiveId_opdId_key" ON "DirectiveAck"("directiveId", "opdId");

-- CreateIndex
CREATE INDEX "DirectiveQuestion_directiveId_idx" ON "DirectiveQuestion"("directiveId");

-- CreateIndex
CREATE INDEX "Report_directiveId_idx" ON "Report"("directiveId");
