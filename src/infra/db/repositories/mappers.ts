import type { Opd, Person, RecordedReport } from '../../../domain/model.ts';
import { isRole } from '../../../domain/roles.ts';
import { isPlatform } from '../../../domain/links/index.ts';
import type { Opd as OpdRow, User as UserRow, Report as ReportRow } from '../generated/client.ts';

/** The columns toOpd reads: a query that only maps OPDs can select just these. */
export const opdColumns = { id: true, code: true, name: true, type: true, active: true } as const;

/** The columns toPerson reads: a query that only maps people can select just these. */
export const personColumns = { id: true, telegramId: true, username: true, firstName: true, lastName: true, role: true, opdId: true } as const;

export function toOpd(row: Pick<OpdRow, keyof typeof opdColumns>): Opd {
  return { id: row.id, code: row.code, name: row.name, type: row.type, active: row.active };
}

export function toPerson(row: Pick<UserRow, keyof typeof personColumns>): Person {
  return {
    id: row.id,
    telegramId: row.telegramId,
    username: row.username,
    firstName: row.firstName,
    lastName: row.lastName,
    role: isRole(row.role) ? row.role : 'none',
    opdId: row.opdId,
  };
}

export function toReport(row: ReportRow): RecordedReport {
  if (!isPlatform(row.platform)) throw new Error(`Unknown platform stored: ${row.platform}`);
  return {
    id: row.id,
    opdId: row.opdId,
    reporterId: row.reporterId,
    platform: row.platform,
    canonicalUrl: row.canonicalUrl,
    originalUrl: row.originalUrl,
    note: row.note,
    directiveId: row.directiveId,
    accountHandle: row.accountHandle,
    accountUnregistered: row.accountUnregistered,
    createdAt: row.createdAt,
  };
}
