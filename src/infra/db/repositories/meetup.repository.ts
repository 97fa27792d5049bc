import type { DialogueRepository, MeetupRecord, MeetupRepository, RsvpRecord } from '../../../app/ports/repositories.port.ts';
import { isRsvpAnswer } from '../../../domain/meetups/meetup.ts';
import type { Meetup } from '../generated/client.ts';
import type { Tx } from './tx.ts';

function toRecord(row: Meetup): MeetupRecord {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    place: row.place,
    onlineUrl: row.onlineUrl,
    agenda: row.agenda,
    capacity: row.capacity,
    status: row.status === 'cancelled' ? 'cancelled' : 'scheduled',
    cancelReason: row.cancelReason,
    checkInCode: row.checkInCode,
    createdById: row.createdById,
    groupOutboxId: row.groupOutboxId,
    groupDirty: row.groupDirty,
    scheduledAt: row.scheduledAt,
    remindedDayAt: row.remindedDayAt,
    remindedHourAt: row.remindedHourAt,
    createdAt: row.createdAt,
  };
}

export function meetupRepository(tx: Tx): MeetupRepository {
  return {
    async create(input) {
      const { at, ...data } = input;
      return toRecord(await tx.meetup.create({ data: { ...data, scheduledAt: at, createdAt: at } }));
    },
    async find(id) {
      const row = await tx.meetup.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async update(id, patch) {
      await tx.meetup.update({ where: { id }, data: patch });
    },
    async upcoming(now, limit) {
      const rows = await tx.meetup.findMany({ where: { status: 'scheduled', endsAt: { gt: now } }, orderBy: { startsAt: 'asc' }, take: limit });
      return rows.map(toRecord);
    },
    async byCheckInCode(code) {
      const rows = await tx.meetup.findMany({ where: { status: 'scheduled', checkInCode: code }, orderBy: { startsAt: 'desc' } });
      return rows.map(toRecord);
    },
    async awaitingReminder(now, until) {
      const rows = await tx.meetup.findMany({
        where: { status: 'scheduled', startsAt: { gt: now, lte: until }, OR: [{ remindedDayAt: null }, { remindedHourAt: null }] },
        orderBy: { startsAt: 'asc' },
      });
      return rows.map(toRecord);
    },
    async dirtyGroupCopies() {
      const rows = await tx.meetup.findMany({ where: { groupDirty: true }, orderBy: { id: 'asc' } });
      return rows.map(toRecord);
    },
    async sentMessageId(outboxId) {
      const row = await tx.outboxMessage.findUnique({ where: { id: outboxId }, select: { chatId: true, messageId: true, status: true } });
      return row && row.status === 'sent' && row.messageId !== null ? { chatId: row.chatId, messageId: row.messageId } : null;
    },
    async rsvps(meetupId) {
      const rows = await tx.meetupRsvp.findMany({ where: { meetupId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
      return rows.flatMap((r): RsvpRecord[] => (isRsvpAnswer(r.answer) ? [{ userId: r.userId, opdId: r.opdId, answer: r.answer, waitlisted: r.waitlisted, at: r.at }] : []));
    },
    async saveRsvp(meetupId, rsvp) {
      await tx.meetupRsvp.upsert({
        where: { meetupId_userId: { meetupId, userId: rsvp.userId } },
        create: { meetupId, ...rsvp },
        update: { opdId: rsvp.opdId, answer: rsvp.answer, waitlisted: rsvp.waitlisted, at: rsvp.at },
      });
    },
    async setWaitlisted(meetupId, userIds, waitlisted) {
      if (userIds.length === 0) return;
      await tx.meetupRsvp.updateMany({ where: { meetupId, userId: { in: [...userIds] } }, data: { waitlisted } });
    },
    async attendance(meetupId) {
      const rows = await tx.meetupAttendance.findMany({ where: { meetupId }, orderBy: { at: 'asc' } });
      return rows.map((r) => ({ userId: r.userId, opdId: r.opdId, at: r.at }));
    },
    async addAttendance(meetupId, record) {
      const existing = await tx.meetupAttendance.findUnique({ where: { meetupId_userId: { meetupId, userId: record.userId } } });
      if (existing) return false;
      await tx.meetupAttendance.create({ data: { meetupId, ...record } });
      return true;
    },
  };
}

export function dialogueRepository(tx: Tx): DialogueRepository {
  return {
    async find(userId) {
      const row = await tx.dialogue.findUnique({ where: { userId } });
      if (!row) return null;
      let data: unknown = {};
      try {
        data = JSON.parse(row.data);
      } catch {
        data = {};
      }
      return { userId: row.userId, kind: row.kind, step: row.step, data, expiresAt: row.expiresAt };
    },
    async save(dialogue) {
      const data = { kind: dialogue.kind, step: dialogue.step, data: JSON.stringify(dialogue.data ?? {}), expiresAt: dialogue.expiresAt };
      await tx.dialogue.upsert({ where: { userId: dialogue.userId }, create: { userId: dialogue.userId, ...data }, update: data });
    },
    async remove(userId) {
      const { count } = await tx.dialogue.deleteMany({ where: { userId } });
      return count > 0;
    },
  };
}
