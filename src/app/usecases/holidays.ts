import { z } from 'zod';
import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { HolidayRecord } from '../ports/repositories.port.ts';
import type { Person } from '../../domain/model.ts';
import { addDays, isLocalDate, weekdayOf, type LocalDate } from '../../domain/calendar/local-date.ts';
import { todayIn } from '../today.ts';
import { readNudgeSettings } from './settings.ts';
import { validateImportRows, type ImportSummary } from './import-rows.ts';

export const MAX_HOLIDAY_NAME_LENGTH = 100;
/** /libur lists this many days ahead (twelve months). */
export const HOLIDAY_LIST_DAYS = 365;


/** Holidays in [from, until], inclusive local dates. */
export async function holidaysBetween(deps: AppDeps, from: LocalDate, until: LocalDate): Promise<HolidayRecord[]> {
  return deps.uow.run((repos) => repos.holidays.between(from, until));
}

/** /libur: the holidays of the coming twelve months, today included. */
export async function listHolidays(deps: AppDeps, actor: Person): Promise<Outcome> {
  const m = deps.messages;
  const today = todayIn(deps);
  const holidays = await holidaysBetween(deps, today, addDays(today, HOLIDAY_LIST_DAYS));
  const footer = actor.role === 'superadmin' ? ['', m.holidays.footerSuperadmin] : [];
  if (holidays.length === 0) return reply([m.holidays.empty, ...footer].join('\n'));
  return reply([m.holidays.header(holidays.length), ...holidays.map((h) => m.holidays.line(h.date, h.name)), ...footer].join('\n'));
}

/** /libur tambah: adds a holiday, or renames the one already on that date. */
export async function addHoliday(deps: AppDeps, actor: Person, date: string, rawName: string): Promise<Outcome> {
  const m = deps.messages;
  if (actor.role !== 'superadmin') return reply(m.holidays.superadminOnly);
  if (!isLocalDate(date)) return reply(m.holidays.invalidDate(date));
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!name) return reply(m.holidays.missingName);
  if (name.length > MAX_HOLIDAY_NAME_LENGTH) return reply(m.holidays.nameTooLong(MAX_HOLIDAY_NAME_LENGTH));
  return deps.uow.run(async (repos) => {
    const [existing] = await repos.holidays.between(date, date);
    const settings = await readNudgeSettings(repos, deps.settings.nudgeDefaults);
    const result = await repos.holidays.upsert({ date, name });
    await repos.audit.record({
      actorId: actor.id,
      action: result === 'created' ? 'holiday.added' : 'holiday.renamed',
      subject: `holiday:${date}`,
      details: { name, ...(existing ? { previous: existing.name } : {}) },
      at: deps.clock.now(),
    });
    if (existing) return reply(m.holidays.renamed(date, existing.name, name));
    return reply(m.holidays.added(date, name, settings.workingDays.includes(weekdayOf(date))));
  });
}

/** /libur hapus: removes the holiday on a date. */
export async function removeHoliday(deps: AppDeps, actor: Person, date: string): Promise<Outcome> {
  const m = deps.messages;
  if (actor.role !== 'superadmin') return reply(m.holidays.superadminOnly);
  if (!isLocalDate(date)) return reply(m.holidays.invalidDate(date));
  return deps.uow.run(async (repos) => {
    const [existing] = await repos.holidays.between(date, date);
    if (!existing) return reply(m.holidays.notFound(date));
    await repos.holidays.remove(date);
    await repos.audit.record({ actorId: actor.id, action: 'holiday.removed', subject: `holiday:${date}`, details: { name: existing.name }, at: deps.clock.now() });
    return reply(m.holidays.removed(date, existing.name));
  });
}

const rowSchema = z.object({
  tanggal: z
    .string({ error: 'kolom tanggal kosong' })
    .trim()
    .refine(isLocalDate, 'tanggal harus YYYY-MM-DD dan ada di kalender, misalnya 2026-08-17'),
  nama: z
    .string({ error: 'kolom nama kosong' })
    .trim()
    .transform((n) => n.replace(/\s+/g, ' '))
    .pipe(z.string().min(2, 'nama terlalu pendek').max(MAX_HOLIDAY_NAME_LENGTH, `nama terlalu panjang (maksimal ${MAX_HOLIDAY_NAME_LENGTH} karakter)`)),
});

/**
 * Imports holidays (columns tanggal, nama). Every row is validated first; a single bad row or a
 * date listed twice rejects the whole file, so nothing is stored half-done. Re-importing the
 * same file renames what changed and never creates duplicates (a date holds one holiday).
 */
export async function importHolidays(deps: AppDeps, rows: readonly Record<string, unknown>[], actorId: number | null = null): Promise<ImportSummary> {
  const valid = validateImportRows(rows, rowSchema, { of: (r) => r.tanggal, label: 'tanggal' }, 'file tidak berisi baris data (butuh kolom tanggal,nama)');

  const dates = valid.map((r) => r.tanggal).sort();
  return deps.uow.run(async (repos) => {
    const existing = new Map((await repos.holidays.between(dates[0] ?? '', dates.at(-1) ?? '')).map((h) => [h.date, h.name]));
    const summary = { created: 0, updated: 0, unchanged: 0 };
    for (const row of valid) {
      if (existing.get(row.tanggal) === row.nama) {
        summary.unchanged++;
        continue;
      }
      summary[await repos.holidays.upsert({ date: row.tanggal, name: row.nama })]++;
    }
    await repos.audit.record({ actorId, action: 'holiday.imported', subject: 'holiday:*', details: summary, at: deps.clock.now() });
    return summary;
  });
}
