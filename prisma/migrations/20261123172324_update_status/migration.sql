-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProcessedUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'processing',
    "processedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);
INSERT INTO "new_ProcessedUpdate" ("processedAt", "updateId") SELECT "processedAt", "updateId" FROM "ProcessedUpdate";
DROP TABLE "ProcessedUpdate";
ALTER TABLE "new_ProcessedUpdate" RENAME TO "ProcessedUpdate";
CREATE INDEX "ProcessedUpdate_processedAt_idx" ON "ProcessedUpdate"("processedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
