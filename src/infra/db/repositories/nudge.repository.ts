import type { ActivityRepository, JobRunRepository, NudgeRepository } from '../../../app/ports/repositories.port.ts';
import type { Tx } from './tx.ts';
import { toOpd, toPerson } from './mappers.ts';

export function activityRepository(tx: Tx): ActivityRepository {
  return {
    async opdActivity() {
      const [opds, admins] = await Promise.all([
        tx.opd.findMany({ where: { active: true }, orderBy: { code: 'asc' } }),
        tx.user.findMany({ where: { role: 'admin', opdId: { not: null } }, orderBy: { id: 'asc' } }),
      ]);
      const byOpd = new Map<number, ReturnType<typeof toPerson>[]>();
      for (const row of admins) {
        const list = byOpd.get(row.opdId ?? -1) ?? [];
        list.push(toPerson(row));
        byOpd.set(row.opdId ?? -1, list);
      }
      return opds.map((row) => ({ opd: toOpd(row), lastReportAt: row.lastReportAt, createdAt: row.createdAt, admins: byOpd.get(row.id) ?? [] }));
    },
    async reportCountsBetween(from, to) {
      const groups = await tx.report.groupBy({ by: ['opdId'], where: { createdAt: { gte: from, lt: to } }, _count: { _all: true } });
      return new Map(groups.map((g) => [g.opdId, g._count._all]));
    },
    async headsOf(opdId) {
      return (await tx.user.findMany({ where: { role: 'leader', opdId }, orderBy: { id: 'asc' } })).map(toPerson);
    },
  };
}

export function nudgeRepository(tx: Tx): NudgeRepository {
  return {
    async recordOnce(nudge, at) {
      const existing = await tx.nudge.findUnique({ where: { opdId_day_level: { opdId: nudge.opdId, day: nudge.day, level: nudge.level } } });
      if (existing) return false;
      await tx.nudge.create({ data: { ...nudge, createdAt: at } });
      return true;
    },
    async forDay(day) {
      const rows = await tx.nudge.findMany({ where: { day }, orderBy: { id: 'asc' } });
      return rows.map((r) => ({ opdId: r.opdId, day: r.day, level: r.level, silence: r.silence }));
    },
  };
}

export function jobRunRepository(tx: Tx): JobRunRepository {
  return {
    async claim(job, day, at) {
      const existing = await tx.jobRun.findUnique({ where: { job_day: { job, day } } });
      if (existing) return false;
      await tx.jobRun.create({ data: { job, day, startedAt: at } });
      return true;
    },
    async finish(job, day, at) {
      await tx.jobRun.updateMany({ where: { job, day }, data: { finishedAt: at } });
    },
    async lastRun(job) {
      const row = await tx.jobRun.findFirst({ where: { job }, orderBy: { day: 'desc' } });
      return row ? { day: row.day, finishedAt: row.finishedAt } : null;
    },
  };
}
