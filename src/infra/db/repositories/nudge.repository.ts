import type { ActivityRepository, JobRunRepository, NudgeRepository, OpdActivityRow } from '../../../app/ports/repositories.port.ts';
import type { Person } from '../../../domain/model.ts';
import type { Opd as OpdRow, Prisma } from '../generated/client.ts';
import type { Tx } from './tx.ts';
import { opdColumns, personColumns, toOpd, toPerson } from './mappers.ts';

/** OPDs per query when listing them for a nudge run: their ids are bound as parameters, and Prisma allows SQLite 999. */
const PAGE = 500;

const opdActivityColumns = { ...opdColumns, lastReportAt: true, createdAt: true } as const;
type OpdActivityColumns = Pick<OpdRow, keyof typeof opdActivityColumns>;

export function activityRepository(tx: Tx): ActivityRepository {
  /**
   * Active OPDs matching `where`, in code order, with their admins and heads: in pages of PAGE
   * OPDs (each page's people with one more query, never one per OPD), and only the columns the
   * callers read, so that a regency-wide list never holds more than a page of raw rows.
   */
  async function listed(where: Prisma.OpdWhereInput, rows: OpdActivityRow[], seen: Set<number>): Promise<void> {
    for (let afterCode = ''; ; ) {
      const page = await tx.opd.findMany({ where: { AND: [where, { active: true, code: { gt: afterCode } }] }, orderBy: { code: 'asc' }, take: PAGE, select: opdActivityColumns });
      await withPeople(page, rows, seen);
      if (page.length < PAGE) return;
      afterCode = page[page.length - 1]?.code ?? afterCode;
    }
  }

  async function withPeople(page: readonly OpdActivityColumns[], rows: OpdActivityRow[], seen: Set<number>): Promise<void> {
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
  }

  return {
    async opdActivity() {
      const rows: OpdActivityRow[] = [];
      await listed({}, rows, new Set());
      return rows;
    },
    async opdsNeedingAttention({ quietBefore, alsoOpdIds, alsoOpdsOfAdminIds }) {
      const activeOpds = await tx.opd.count({ where: { active: true } });
      const rows: OpdActivityRow[] = [];
      const seen = new Set<number>();
      // Quiet since before `quietBefore` (or never reported and added before it), or without an admin.
      await listed(
        {
          OR: [
            ...(quietBefore ? [{ lastReportAt: { lt: quietBefore } }, { lastReportAt: null, createdAt: { lt: quietBefore } }] : []),
            { members: { none: { role: 'admin' } } },
          ],
        },
        rows,
        seen,
      );
      // OPDs asked for (on leave today, or with an admin on leave today) that the scan did not
      // list, then all in code order. Ids go in chunks: Prisma binds at most 999 on SQLite.
      const wanted = new Set(alsoOpdIds);
      const adminIds = [...new Set(alsoOpdsOfAdminIds)];
      for (let i = 0; i < adminIds.length; i += PAGE) {
        const admins = await tx.user.findMany({ where: { id: { in: adminIds.slice(i, i + PAGE) }, role: 'admin', opdId: { not: null } }, select: { opdId: true } });
        for (const admin of admins) if (admin.opdId !== null) wanted.add(admin.opdId);
      }
      const extra = [...wanted].filter((id) => !seen.has(id));
      for (let i = 0; i < extra.length; i += PAGE) {
        const page = await tx.opd.findMany({ where: { active: true, id: { in: extra.slice(i, i + PAGE) } }, orderBy: { code: 'asc' }, select: opdActivityColumns });
        await withPeople(page, rows, seen);
      }
      if (extra.length > 0) rows.sort((a, b) => (a.opd.code < b.opd.code ? -1 : a.opd.code > b.opd.code ? 1 : 0));
      return { rows, activeOpds };
    },
    async reportCountsBetween(from, to) {
      const groups = await tx.report.groupBy({ by: ['opdId'], where: { createdAt: { gte: from, lt: to } }, _count: { _all: true } });
      return new Map(groups.map((g) => [g.opdId, g._count._all]));
    },
    async headsOf(opdId) {
      return (await tx.user.findMany({ where: { role: 'leader', opdId }, orderBy: { id: 'asc' }, select: personColumns })).map(toPerson);
    },
  };
}

export function nudgeRepository(tx: Tx): NudgeRepository {
  return {
    async recordAllOnce(nudges, at) {
      const key = (n: { opdId: number; day: string; level: string }) => `${n.opdId}|${n.day}|${n.level}`;
      const days = [...new Set(nudges.map((n) => n.day))];
      const taken = new Set((await tx.nudge.findMany({ where: { day: { in: days } }, select: { opdId: true, day: true, level: true } })).map(key));
      const recorded = nudges.map((n) => {
        if (taken.has(key(n))) return false;
        taken.add(key(n));
        return true;
      });
      const fresh = nudges.filter((_, i) => recorded[i]);
      for (let i = 0; i < fresh.length; i += 200) await tx.nudge.createMany({ data: fresh.slice(i, i + 200).map((n) => ({ ...n, createdAt: at })) });
      return recorded;
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
