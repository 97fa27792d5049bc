import type { ReportRepository } from '../../../app/ports/repositories.port.ts';
import { intColumn, type FastSql } from '../fast-sql.ts';
import type { Tx } from './tx.ts';
import { toReport } from './mappers.ts';

/** Recording a report is what a burst of /lapor does a thousand times: plain SQL (see fast-sql.ts). */
export function reportRepository(tx: Tx, sql: FastSql): ReportRepository {
  return {
    async findByCanonicalUrl(canonicalUrl) {
      const row = await tx.report.findUnique({ where: { canonicalUrl } });
      return row ? toReport(row) : null;
    },
    async insertIfAbsent(input) {
      const report = { ...input, accountHandle: input.accountHandle ?? null, accountUnregistered: input.accountUnregistered ?? false };
      // The unique index on canonicalUrl decides, also between two writers racing (PostgreSQL):
      // no row comes back when the post is recorded already.
      const created = await sql.get(
        `INSERT INTO "Report" ("opdId", "reporterId", "platform", "canonicalUrl", "originalUrl", "note", "directiveId", "accountHandle", "accountUnregistered", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("canonicalUrl") DO NOTHING RETURNING "id"`,
        [
          report.opdId,
          report.reporterId,
          report.platform,
          report.canonicalUrl,
          report.originalUrl,
          report.note,
          report.directiveId,
          report.accountHandle,
          report.accountUnregistered,
          report.createdAt,
        ],
      );
      if (!created) {
        const existing = await tx.report.findUnique({ where: { canonicalUrl: report.canonicalUrl } });
        if (!existing) throw new Error(`Report ${report.canonicalUrl} neither inserted nor found`);
        return { inserted: false, report: toReport(existing) };
      }
      await sql.run('UPDATE "Opd" SET "lastReportAt" = ?, "updatedAt" = ? WHERE "id" = ? AND ("lastReportAt" IS NULL OR "lastReportAt" < ?)', [
        report.createdAt,
        report.createdAt,
        report.opdId,
        report.createdAt,
      ]);
      return { inserted: true, report: { ...report, id: intColumn(created, 'id') } };
    },
    async countForOpdSince(opdId, since) {
      const row = await sql.get('SELECT COUNT(*) AS "n" FROM "Report" WHERE "opdId" = ? AND "createdAt" >= ?', [opdId, since]);
      return row ? intColumn(row, 'n') : 0;
    },
    async lastByReporter(reporterId) {
      const row = await tx.report.findFirst({ where: { reporterId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return row ? toReport(row) : null;
    },
    async delete(id) {
      const removed = await tx.report.delete({ where: { id } });
      const latest = await tx.report.findFirst({ where: { opdId: removed.opdId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
      await tx.opd.update({ where: { id: removed.opdId }, data: { lastReportAt: latest?.createdAt ?? null } });
    },
    async linkToDirective(reportId, directiveId) {
      await tx.report.update({ where: { id: reportId }, data: { directiveId } });
    },
    async recentForOpd(opdId, limit) {
      const rows = await tx.report.findMany({ where: { opdId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
      return rows.map(toReport);
    },
    async between(from, to) {
      const rows = await tx.report.findMany({ where: { createdAt: { gte: from, lt: to } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map(toReport);
    },
    async setAccountMark(opdId, platform, handle, unregistered) {
      const { count } = await tx.report.updateMany({
        where: { opdId, platform, accountHandle: handle, accountUnregistered: !unregistered },
        data: { accountUnregistered: unregistered },
      });
      return count;
    },
  };
}
