import type { ReportRepository } from '../../../app/ports/repositories.port.ts';
import type { Tx } from './tx.ts';
import { toReport } from './mappers.ts';

export function reportRepository(tx: Tx): ReportRepository {
  return {
    async findByCanonicalUrl(canonicalUrl) {
      const row = await tx.report.findUnique({ where: { canonicalUrl } });
      return row ? toReport(row) : null;
    },
    async insertIfAbsent(report) {
      // Inside a transaction the check and the insert see the same snapshot; the unique index
      // on canonicalUrl is the final guard when two writers race (PostgreSQL).
      const existing = await tx.report.findUnique({ where: { canonicalUrl: report.canonicalUrl } });
      if (existing) return { inserted: false, report: toReport(existing) };
      const created = await tx.report.create({ data: report });
      await tx.opd.updateMany({
        where: { id: report.opdId, OR: [{ lastReportAt: null }, { lastReportAt: { lt: report.createdAt } }] },
        data: { lastReportAt: report.createdAt },
      });
      return { inserted: true, report: toReport(created) };
    },
    countForOpdSince(opdId, since) {
      return tx.report.count({ where: { opdId, createdAt: { gte: since } } });
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
