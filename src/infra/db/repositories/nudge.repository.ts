import type { ActivityRepository, JobRunRepository, NudgeRepository, OpdActivityRow } from '../../../app/ports/repositories.port.ts';
import type { Person } from '../../../domain/model.ts';
import type { Tx } from './tx.ts';
import { opdColumns, personColumns, toOpd, toPerson } from './mappers.ts';

/** OPDs per query when listing them for a nudge run: their ids are bound as parameters, and Prisma allows SQLite 999. */
const PAGE = 500;

export function activityRepository(tx: Tx): ActivityRepository {
  return {
    async opdActivity({ quietBefore, alsoIds }) {
      // Only the OPDs the run must look at (quiet, without an admin, or on leave) and only the
      // columns it reads, heads included (no query per escalation), in pages, so that a
      // regency-wide run never holds more than a page of raw rows at a time.
      const activeOpds = await tx.opd.count({ where: { active: true } });
      const select = { ...opdColumns, lastReportAt: true, createdAt: true } as const;
      const rows: OpdActivityRow[] = [];
      const seen = new Set<number>();
      const addPage = async (page: { id: number; code: string; name: string; type: string; active: boolean; lastReportAt: Date | null; createdAt: Date }[]) => {
        const people = await tx.user.findMany({
          where: { role: { in: ['admin', 'leader'] }, opdId: { in: page.map((o) => o.id) } },
          orderBy: { id: 'asc' },
          select: personColumns,
        });
        const admins = new Map<number, Person[]>();
        const heads = new Map<number, Person[]>();
        for (const row of people) {
          if (row.opdId === null) continue;
          const byOpd = row.role === 'admin' ? admins : heads;
          const list = byOpd.get(row.opdId);
          if (list) list.push(toPerson(row));
          else byOpd.set(row.opdId, [toPerson(row)]);
        }
        for (const row of page) {
          seen.add(row.id);
          rows.push({ opd: toOpd(row), lastReportAt: row.lastReportAt, createdAt: row.createdAt, admins: admins.get(row.id) ?? [], heads: heads.get(row.id) ?? [] });
        }
      };
      const quietOrWithoutAdmin = [
        ...(quietBefore ? [{ lastReportAt: { lt: quietBefore } }, { lastReportAt: null, createdAt: { lt: quietBefore } }] : []),
        { members: { none: { role: 'admin' } } },
      ];
      for (let afterCode = ''; ; ) {
        const page = await tx.opd.findMany({ where: { active: true, code: { gt: afterCode }, OR: quietOrWithoutAdmin }, orderBy: { code: 'asc' }, take: PAGE, select });
        await addPage(page);
        if (page.length < PAGE) break;
        afterCode = page[page.length - 1]?.code ?? afterCode;
      }
      // OPDs asked for by id (on leave today) that the scan did not list, then all in code order.
      const extra = [...new Set(alsoIds)].filter((id) => !seen.has(id));
      for (let i = 0; i < extra.length; i += PAGE) {
        await addPage(await tx.opd.findMany({ where: { active: true, id: { in: extra.slice(i, i + PAGE) } }, orderBy: { code: 'asc' }, select }));
      }
      if (extra.length > 0) rows.sort((a, b) => (a.opd.code < b.opd.code ? -1 : a.opd.code > b.opd.code ? 1 : 0));
      return { rows, activeOpds };
    },
    async reportCountsBetween(from, to) {
      const groups = await tx.report.groupBy({ by: ['opdId'], where: { createdAt: { gte: from, lt: to } }, _count: { _all: true } });
      return new Map(groups.map((g) => [g.opdId, g._count._all]));
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
