import type { AppDeps } from '../deps.ts';
import { displayName } from '../../domain/model.ts';

export interface ExportedReport {
  readonly id: number;
  readonly createdAt: string;
  readonly opdCode: string;
  readonly opdName: string;
  readonly platform: string;
  readonly canonicalUrl: string;
  readonly originalUrl: string;
  readonly reporter: string;
  readonly reporterTelegramId: string;
  readonly note: string;
  /** The account the link shows (without @), or empty. */
  readonly accountHandle: string;
  /** The shown account is not one of the OPD's registered official accounts. */
  readonly accountUnregistered: boolean;
}

/** Reports recorded in [from, to), joined with their OPD and reporter, oldest first. */
export async function exportReports(deps: AppDeps, from: Date, to: Date): Promise<ExportedReport[]> {
  return deps.uow.run(async (repos) => {
    const reports = await repos.reports.between(from, to);
    const opds = new Map((await repos.opds.list()).map((o) => [o.id, o]));
    const people = new Map<number, { name: string; telegramId: string }>();
    const rows: ExportedReport[] = [];
    for (const r of reports) {
      let person = people.get(r.reporterId);
      if (!person) {
        const found = await repos.users.findById(r.reporterId);
        person = { name: found ? displayName(found) : '?', telegramId: found?.telegramId.toString() ?? '' };
        people.set(r.reporterId, person);
      }
      const opd = opds.get(r.opdId);
      rows.push({
        id: r.id,
        createdAt: r.createdAt.toISOString(),
        opdCode: opd?.code ?? '?',
        opdName: opd?.name ?? '?',
        platform: r.platform,
        canonicalUrl: r.canonicalUrl,
        originalUrl: r.originalUrl,
        reporter: person.name,
        reporterTelegramId: person.telegramId,
        note: r.note ?? '',
        accountHandle: r.accountHandle ?? '',
        accountUnregistered: r.accountUnregistered,
      });
    }
    return rows;
  });
}
