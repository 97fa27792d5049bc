-- DropIndex
DROP INDEX "Report_createdAt_idx";

-- CreateIndex
CREATE INDEX "Report_createdAt_opdId_platform_accountUnregistered_idx" ON "Report"("createdAt", "opdId", "platform", "accountUnregistered");
