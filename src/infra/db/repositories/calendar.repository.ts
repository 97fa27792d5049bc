import type { HolidayRepository, LeaveRecord, LeaveRepository, SettingRepository } from '../../../app/ports/repositories.port.ts';
import type { Leave } from '../generated/client.ts';
import type { Tx } from './tx.ts';

export function settingRepository(tx: Tx): SettingRepository {
  return {
    all: () => tx.setting.findMany({ orderBy: { key: 'asc' } }),
    get: (key) => tx.setting.findUnique({ where: { key } }),
    async set(key, value, updatedById, at) {
      await tx.setting.upsert({ where: { key }, create: { key, value, updatedById, updatedAt: at }, update: { value, updatedById, updatedAt: at } });
    },
    async remove(key) {
      const { count } = await tx.setting.deleteMany({ where: { key } });
      return count > 0;
    },
  };
}

export function holidayRepository(tx: Tx): HolidayRepository {
  return {
    async between(from, until) {
      const rows = await tx.holiday.findMany({ where: { date: { gte: from, lte: until } }, orderBy: { date: 'asc' } });
      return rows.map((r) => ({ date: r.date, name: r.name }));
    },
    async upsert(holiday) {
      const existing = await tx.holiday.findUnique({ where: { date: holiday.date } });
      if (existing) {
        await tx.holiday.update({ where: { date: holiday.date }, data: { name: holiday.name } });
        return 'updated';
      }
      await tx.holiday.create({ data: holiday });
      return 'created';
    },
    async remove(date) {
      const { count } = await tx.holiday.deleteMany({ where: { date } });
      return count > 0;
    },
  };
}

function toLeave(row: Leave): LeaveRecord {
  return {
    id: row.id,
    opdId: row.opdId,
    userId: row.userId,
    fromDate: row.fromDate,
    untilDate: row.untilDate,
    reason: row.reason,
    createdById: row.createdById,
  };
}

export function leaveRepository(tx: Tx): LeaveRepository {
  return {
    async create({ at, ...leave }) {
      return toLeave(await tx.leave.create({ data: { ...leave, createdAt: at } }));
    },
    async overlapping(from, until) {
      const rows = await tx.leave.findMany({ where: { fromDate: { lte: until }, untilDate: { gte: from } }, orderBy: { id: 'asc' } });
      return rows.map(toLeave);
    },
    async endEarly(id, lastDay) {
      const row = await tx.leave.findUnique({ where: { id } });
      if (row && row.fromDate > lastDay) {
        await tx.leave.delete({ where: { id } });
        return 'removed';
      }
      await tx.leave.updateMany({ where: { id, untilDate: { gt: lastDay } }, data: { untilDate: lastDay } });
      return 'shortened';
    },
  };
}
