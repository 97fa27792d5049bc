-- CreateTable
CREATE TABLE "Handover" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "opdId" INTEGER NOT NULL,
    "fromUserId" INTEGER NOT NULL,
    "toUserId" INTEGER NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "pendingKey" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "decidedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "Handover_pendingKey_key" ON "Handover"("pendingKey");

-- CreateIndex
CREATE INDEX "Handover_requestedById_status_idx" ON "Handover"("requestedById", "status");

-- CreateIndex
CREATE INDEX "Handover_toUserId_idx" ON "Handover"("toUserId");
