import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { Repositories } from '../ports/repositories.port.ts';
import type { Opd, Person } from '../../domain/model.ts';
import { displayName } from '../../domain/model.ts';
import { accountShownBy, normalizeLink, type Platform } from '../../domain/links/index.ts';
import { normalizeOpdCode } from '../../domain/opd-code.ts';
import { inAudience } from '../../domain/directives/directive.ts';
import { startOfLocalWeek } from '../../domain/time/zoned.ts';

export const MAX_LINKS_PER_MESSAGE = 10;
export const MAX_NOTE_LENGTH = 500;
export const UNDO_WINDOW_MS = 24 * 3_600_000;
export const HISTORY_SIZE = 10;

export interface ReportRequest {
  /** Link tokens in the order the admin wrote them (already extracted from the text). */
  readonly links: readonly string[];
  readonly note: string | null;
  /** A leading word shaped like an OPD code, as typed: required from a superadmin; from an admin
   *  it must be their own OPD or is kept as part of the note. */
  readonly leadingWord: string | null;
  /** The directive this post follows up ("/lapor #12 <link>"), if any. */
  readonly directiveId?: number | null;
}

type OpdChoice = Opd | 'needs_code' | { readonly unknown: string } | { readonly notYours: Opd; readonly own: Opd };

/** Superadmins (and, for reading, leaders) name an OPD; an admin always acts for their own. */
async function resolveOpd(repos: Repositories, actor: Person, opdCode: string | null, mayChoose: boolean): Promise<OpdChoice> {
  if (mayChoose) {
    if (!opdCode) return 'needs_code';
    return (await repos.opds.findByCode(opdCode)) ?? { unknown: opdCode };
  }
  const own = actor.opdId === null ? null : await repos.opds.findById(actor.opdId);
  if (!own) return 'needs_code';
  if (opdCode && opdCode !== own.code) {
    const named = await repos.opds.findByCode(opdCode);
    if (named) return { notYours: named, own };
  }
  return own;
}

/**
 * /lapor: validates and normalises each link, records the new ones and answers one line per
 * link, each starting with ✅, 🔁 or ❌. All records of one message are stored together.
 */
export async function recordReports(deps: AppDeps, actor: Person, request: ReportRequest): Promise<Outcome> {
  const m = deps.messages;
  if (request.links.length === 0) return reply(m.report.noLink);
  return deps.uow.run(async (repos) => {
    const opdCode = request.leadingWord ? normalizeOpdCode(request.leadingWord) : null;
    const opd = await resolveOpd(repos, actor, opdCode, actor.role === 'superadmin');
    if (opd === 'needs_code') return reply(actor.role === 'superadmin' ? m.report.superadminNeedsOpd : m.report.adminWithoutOpd);
    if ('unknown' in opd) return reply(m.report.unknownOpd(opd.unknown));
    if ('notYours' in opd) return reply(m.report.notYourOpd(opd.notYours.code, opd.own.code));
    // A leading word that is not an OPD code (e.g. "/lapor VAKSIN <link>") belongs to the note.
    const noteParts = [opdCode !== opd.code && actor.role !== 'superadmin' ? request.leadingWord : null, request.note];
    const fullNote = noteParts.filter((p): p is string => Boolean(p)).join(' ') || null;
    const directiveId = request.directiveId ?? null;
    if (directiveId !== null) {
      const directive = await repos.directives.find(directiveId);
      if (!directive || directive.status !== 'sent' || !inAudience(directive.audience, opd)) return reply(m.report.unknownDirective(directiveId, opd.code));
    }

    const now = deps.clock.now();
    const tz = deps.settings.timezone;
    const weekStart = startOfLocalWeek(now, tz);
    let weekCount = await repos.reports.countForOpdSince(opd.id, weekStart);
    const lines: string[] = [];
    const seen = new Set<string>();
    const opdCodes = new Map<number, string>([[opd.id, opd.code]]);
    const note = fullNote ? fullNote.slice(0, MAX_NOTE_LENGTH) : null;
    // The OPD's registered handles per platform, read once per platform and only for links that
    // show an account (most do not), so /lapor stays at a few statements per link.
    const registered = new Map<Platform, ReadonlySet<string>>();
    const registeredOn = async (platform: Platform): Promise<ReadonlySet<string>> => {
      let handles = registered.get(platform);
      if (!handles) {
        handles = new Set((await repos.accounts.listForOpd(opd.id, platform)).map((a) => a.handle));
        registered.set(platform, handles);
      }
      return handles;
    };

    for (const raw of request.links.slice(0, MAX_LINKS_PER_MESSAGE)) {
      const link = normalizeLink(raw);
      if (!link.ok) {
        lines.push(m.report.refused[link.reason](raw));
        continue;
      }
      if (seen.has(link.canonicalUrl)) {
        lines.push(m.report.duplicateInMessage(link.canonicalUrl));
        continue;
      }
      seen.add(link.canonicalUrl);
      const account = accountShownBy(link);
      // Marked whenever the shown account is not one of the OPD's accounts on that platform, also
      // when it has none registered there: the report still counts, and Diskominfo can see it.
      const unregistered = account !== null && !(await registeredOn(link.platform)).has(account);
      const result = await repos.reports.insertIfAbsent({
        opdId: opd.id,
        reporterId: actor.id,
        platform: link.platform,
        canonicalUrl: link.canonicalUrl,
        originalUrl: raw.slice(0, 2048),
        note,
        directiveId,
        accountHandle: account,
        accountUnregistered: unregistered,
        createdAt: now,
      });
      if (!result.inserted) {
        const first = result.report;
        // An OPD's post reported earlier can still be marked as its follow-up to a directive.
        if (directiveId !== null && first.opdId === opd.id && first.directiveId === null) {
          await repos.reports.linkToDirective(first.id, directiveId);
          lines.push(m.report.linkedAsFollowUp(link.platform, opd.code, directiveId));
          continue;
        }
        const code = opdCodes.get(first.opdId) ?? (await repos.opds.findById(first.opdId))?.code ?? '?';
        opdCodes.set(first.opdId, code);
        lines.push(m.report.duplicate(link.canonicalUrl, deps.messages.format.dateTime(first.createdAt, tz), code));
        continue;
      }
      weekCount++;
      const warning = unregistered && account !== null ? `\n${m.report.unregisteredAccount(link.platform, account, opd.code)}` : '';
      lines.push(m.report.recorded(link.platform, opd.code, opd.name, weekCount) + (directiveId !== null ? m.report.asFollowUp(directiveId) : '') + warning);
    }
    const skipped = request.links.length - MAX_LINKS_PER_MESSAGE;
    if (skipped > 0) lines.push(m.report.tooMany(MAX_LINKS_PER_MESSAGE, skipped));
    // No audit row: the report itself records who, when and for which OPD.
    return reply(lines.join('\n\n'));
  });
}

/** /batal: removes the actor's own most recent report if it is less than 24 hours old. */
export async function undoLastReport(deps: AppDeps, actor: Person): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const last = await repos.reports.lastByReporter(actor.id);
    const now = deps.clock.now();
    if (!last || now.getTime() - last.createdAt.getTime() > UNDO_WINDOW_MS) return reply(m.undo.nothing);
    await repos.reports.delete(last.id);
    await repos.audit.record({
      actorId: actor.id,
      action: 'report.undone',
      subject: `report:${last.id}`,
      details: { canonicalUrl: last.canonicalUrl, opdId: last.opdId },
      at: now,
    });
    return reply(m.undo.done(last.platform, last.canonicalUrl, deps.messages.format.dateTime(last.createdAt, deps.settings.timezone)));
  });
}

/** /riwayat: the last ten reports of the actor's OPD (or, for a superadmin, a named OPD). */
export async function reportHistory(deps: AppDeps, actor: Person, opdCode: string | null): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const choice = await resolveOpd(repos, actor, opdCode, actor.role !== 'admin');
    if (choice === 'needs_code') return reply(m.history.superadminUsage);
    if ('unknown' in choice) return reply(m.common.unknownOpd(choice.unknown));
    // Admins read their own OPD's history; naming another OPD does not reveal it, and says so.
    const opd = 'notYours' in choice ? choice.own : choice;
    const notice = 'notYours' in choice ? [m.history.ownOnly(choice.notYours.code, opd.code)] : [];
    const reports = await repos.reports.recentForOpd(opd.id, HISTORY_SIZE);
    if (reports.length === 0) return reply([...notice, m.history.empty(opd.code)].join('\n\n'));
    const names = new Map<number, string>();
    const lines = [...notice, m.history.header(opd.code, opd.name)];
    for (const [index, report] of reports.entries()) {
      if (!names.has(report.reporterId)) {
        const reporter = await repos.users.findById(report.reporterId);
        names.set(report.reporterId, reporter ? displayName(reporter) : '?');
      }
      lines.push(
        m.history.line(index + 1, deps.messages.format.dateTime(report.createdAt, deps.settings.timezone), report.platform, report.canonicalUrl, names.get(report.reporterId) ?? '?'),
      );
    }
    return reply(lines.join('\n'));
  });
}
