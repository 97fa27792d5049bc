import type { RecapRepository } from '../../../app/ports/repositories.port.ts';
import { isPriority } from '../../../domain/directives/directive.ts';
import { isPlatform } from '../../../domain/links/types.ts';
import type { PostCount } from '../../../domain/recap/assemble.ts';
import type { Tx } from './tx.ts';

/**
 * Grouped queries only: a monthly recap of 500 OPDs reads ~200,000 reports as ~31 GROUP BYs (one
 * per local day) over the covering index (createdAt, opdId, platform, accountUnregistered), never
 * as rows. Day boundaries come from the caller, so
 * the time zone is applied in one place and the SQL stays portable (SQLite and PostgreSQL).
 */
export function recapRepository(tx: Tx): RecapRepository {
  return {
    async activeOpds() {
      const rows = await tx.opd.findMany({
        where: { active: true },
        orderBy: { code: 'asc' },
        select: { id: true, code: true, name: true, type: true, members: { where: { role: 'admin' }, select: { id: true } } },
      });
      return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type, adminIds: r.members.map((m) => m.id) }));
    },
    async postCounts(days) {
      const counts = new Map<string, { -readonly [K in keyof PostCount]: PostCount[K] }>();
      for (const span of days) {
        const groups = await tx.report.groupBy({
          by: ['opdId', 'platform', 'accountUnregistered'],
          where: { createdAt: { gte: span.from, lt: span.to } },
          _count: { _all: true },
        });
        for (const g of groups) {
          if (!isPlatform(g.platform)) continue;
          const key = `${span.day}|${g.opdId}|${g.platform}`;
          const row = counts.get(key) ?? { day: span.day, opdId: g.opdId, platform: g.platform, count: 0, unregistered: 0 };
          row.count += g._count._all;
          if (g.accountUnregistered) row.unregistered += g._count._all;
          counts.set(key, row);
        }
      }
      return [...counts.values()];
    },
    async directivesSent(from, to) {
      const directives = await tx.directive.findMany({
        where: { status: 'sent', sentAt: { gte: from, lt: to } },
        orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
        select: { id: true, text: true, priority: true, fromLeader: true, sentAt: true, deadline: true, requireAck: true },
      });
      if (directives.length === 0) return [];
      const ids = directives.map((d) => d.id);
      const [deliveries, acks, followUps] = await Promise.all([
        tx.directiveDelivery.findMany({ where: { directiveId: { in: ids }, opdId: { not: null } }, select: { directiveId: true, opdId: true }, distinct: ['directiveId', 'opdId'] }),
        tx.directiveAck.findMany({ where: { directiveId: { in: ids } }, select: { directiveId: true, opdId: true } }),
        tx.report.groupBy({ by: ['directiveId', 'opdId'], where: { directiveId: { in: ids } } }),
      ]);
      const collect = (rows: readonly { directiveId: number | null; opdId: number | null }[]): Map<number, number[]> => {
        const byDirective = new Map<number, number[]>();
        for (const r of rows) {
          if (r.directiveId === null || r.opdId === null) continue;
          const list = byDirective.get(r.directiveId) ?? [];
          if (!list.includes(r.opdId)) list.push(r.opdId);
          byDirective.set(r.directiveId, list);
        }
        return byDirective;
      };
      const addressed = collect(deliveries);
      const acknowledged = collect(acks);
      const followed = collect(followUps);
      return directives.map((d) => ({
        id: d.id,
        text: d.text,
        priority: isPriority(d.priority) ? d.priority : 'biasa',
        fromLeader: d.fromLeader,
        sentAt: d.sentAt ?? from,
        deadline: d.deadline,
        requireAck: d.requireAck,
        addressedOpdIds: addressed.get(d.id) ?? [],
        acknowledgedOpdIds: acknowledged.get(d.id) ?? [],
        followedUpOpdIds: followed.get(d.id) ?? [],
      }));
    },
    async accountPlatforms() {
      const rows = await tx.officialAccount.findMany({ select: { opdId: true, platform: true }, distinct: ['opdId', 'platform'] });
      return rows.flatMap((r) => (isPlatform(r.platform) ? [{ opdId: r.opdId, platform: r.platform }] : []));
    },
    async meetupsHeld(from, to, endedBy) {
      const meetups = await tx.meetup.findMany({
        where: { status: 'scheduled', startsAt: { gte: from, lt: to }, endsAt: { lte: endedBy } },
        orderBy: { startsAt: 'asc' },
        select: { id: true, startsAt: true, capacity: true },
      });
      if (meetups.length === 0) return [];
      const ids = meetups.map((m) => m.id);
      const attended = await tx.meetupAttendance.groupBy({ by: ['meetupId', 'opdId'], where: { meetupId: { in: ids }, opdId: { not: null } } });
      const seated = await tx.meetupRsvp.groupBy({ by: ['meetupId', 'opdId'], where: { meetupId: { in: ids }, opdId: { not: null }, answer: 'hadir', waitlisted: false } });
      const opdsOf = (rows: readonly { meetupId: number; opdId: number | null }[], meetupId: number) =>
        rows.flatMap((r) => (r.meetupId === meetupId && r.opdId !== null ? [r.opdId] : []));
      return meetups.map((m) => ({
        id: m.id,
        startsAt: m.startsAt,
        attendedOpdIds: opdsOf(attended, m.id),
        seatedOpdIds: m.capacity === null ? null : opdsOf(seated, m.id),
      }));
    },
  };
}
