import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { OfficialAccountRecord, Repositories } from '../ports/repositories.port.ts';
import type { Opd, Person } from '../../domain/model.ts';
import { displayName } from '../../domain/model.ts';
import { displayHandle, parseAccountHandle, platforms, type HandleResult, type Platform } from '../../domain/links/index.ts';
import { missingPlatforms } from '../../domain/official-accounts.ts';
import { readSettings } from './settings.ts';

/**
 * /akun: the register of each OPD's official accounts (akun resmi).
 *
 * Who may do what: superadmins (Diskominfo) everything, for any OPD, and their registration
 * counts as verification. Admins list their own OPD's accounts and register accounts for it;
 * those start unverified and every superadmin is told, so Diskominfo checks them. Leaders list
 * any OPD's accounts. Removing and verifying are Diskominfo's.
 */

/** "/akun [KODE] platform akun" and "/akun KODE hapus platform akun". */
export interface AccountRequest {
  readonly code: string | null;
  readonly platform: Platform;
  /** As typed: @handle, handle or profile link. */
  readonly account: string;
}

type Resolved = { readonly opd: Opd; readonly notice?: string } | { readonly refusal: string };

/** Which OPD a read (list) is about: superadmins and leaders name one; an admin reads their own. */
async function opdToRead(deps: AppDeps, repos: Repositories, actor: Person, code: string | null): Promise<Resolved> {
  const m = deps.messages.accounts;
  if (actor.role !== 'admin') {
    if (code === null) return { refusal: m.needsOpd };
    const opd = await repos.opds.findByCode(code);
    return opd ? { opd } : { refusal: deps.messages.common.unknownOpd(code) };
  }
  const own = actor.opdId === null ? null : await repos.opds.findById(actor.opdId);
  if (!own) return { refusal: m.adminWithoutOpd };
  if (code !== null && code !== own.code) return { opd: own, notice: m.ownOnly(code, own.code) };
  return { opd: own };
}

/** Which OPD a registration is for: a superadmin names it; an admin registers for their own only. */
async function opdToRegister(deps: AppDeps, repos: Repositories, actor: Person, code: string | null): Promise<Resolved> {
  const m = deps.messages.accounts;
  if (actor.role === 'superadmin') {
    if (code === null) return { refusal: m.needsOpd };
    const opd = await repos.opds.findByCode(code);
    return opd ? { opd } : { refusal: deps.messages.common.unknownOpd(code) };
  }
  if (actor.role !== 'admin') return { refusal: m.leaderCannotRegister };
  const own = actor.opdId === null ? null : await repos.opds.findById(actor.opdId);
  if (!own) return { refusal: m.adminWithoutOpd };
  if (code !== null && code !== own.code) return { refusal: m.notYourOpd(code, own.code) };
  return { opd: own };
}

/** Only superadmins remove and verify. */
async function opdToManage(deps: AppDeps, repos: Repositories, actor: Person, code: string): Promise<Resolved> {
  if (actor.role !== 'superadmin') return { refusal: deps.messages.accounts.superadminOnly };
  const opd = await repos.opds.findByCode(code);
  return opd ? { opd } : { refusal: deps.messages.common.unknownOpd(code) };
}

/** Platform order as everywhere else (Instagram, Facebook, TikTok …), then handle. */
function inPlatformOrder(accounts: readonly OfficialAccountRecord[]): OfficialAccountRecord[] {
  return [...accounts].sort((a, b) => platforms.indexOf(a.platform) - platforms.indexOf(b.platform) || a.handle.localeCompare(b.handle));
}

/** "⚠️ Platform wajib yang belum terdaftar: Facebook." or "✅ Semua platform wajib … sudah terdaftar." */
async function mandatoryLine(deps: AppDeps, repos: Repositories, accounts: readonly OfficialAccountRecord[]): Promise<string> {
  const m = deps.messages;
  const { mandatoryPlatforms } = (await readSettings(repos, deps.settings.nudgeDefaults)).recap;
  const missing = missingPlatforms(accounts.map((a) => a.platform), mandatoryPlatforms);
  if (missing.length > 0) return m.accounts.missing(missing.map((p) => m.platformName[p]));
  return m.accounts.allMandatory(mandatoryPlatforms.map((p) => m.platformName[p]));
}

/** The refusal for an account argument that is not a handle or profile link of `platform`. */
function handleRefusal(deps: AppDeps, result: Extract<HandleResult, { ok: false }>, platform: Platform, raw: string, code: string): string {
  const m = deps.messages.accounts;
  if (result.problem === 'bad_handle') return m.badHandle(platform, raw, code);
  if (result.problem === 'other_site') return m.otherSite(platform, result.linkPlatform ?? null, code);
  return m.notAProfile(platform, code);
}

/** /akun [KODE]: an OPD's accounts, when each was last verified, and the mandatory platforms still missing. */
export async function listAccounts(deps: AppDeps, actor: Person, code: string | null): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const target = await opdToRead(deps, repos, actor, code);
    if ('refusal' in target) return reply(target.refusal);
    const { opd } = target;
    const accounts = inPlatformOrder(await repos.accounts.listForOpd(opd.id));
    const tz = deps.settings.timezone;
    const lines = [
      ...(target.notice ? [target.notice, ''] : []),
      m.accounts.listHeader(opd.code, opd.name),
      ...(accounts.length === 0 ? [m.accounts.listEmpty(opd.code)] : []),
      ...accounts.map((a) => m.accounts.listLine(m.accounts.account(a.platform, a.handle, a.url), a.lastVerifiedAt ? deps.messages.format.date(a.lastVerifiedAt, tz) : null)),
      '',
      await mandatoryLine(deps, repos, accounts),
    ];
    if (actor.role === 'superadmin') lines.push('', m.accounts.footerSuperadmin(opd.code));
    if (actor.role === 'admin') lines.push('', m.accounts.footerAdmin);
    return reply(lines.join('\n'));
  });
}

/** /akun [KODE] platform @akun: registers an account (a superadmin's registration verifies it). */
export async function registerAccount(deps: AppDeps, actor: Person, request: AccountRequest): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const target = await opdToRegister(deps, repos, actor, request.code);
    if ('refusal' in target) return reply(target.refusal);
    const { opd } = target;
    const parsed = parseAccountHandle(request.platform, request.account);
    if (!parsed.ok) return reply(handleRefusal(deps, parsed, request.platform, request.account, opd.code));

    const now = deps.clock.now();
    const verified = actor.role === 'superadmin';
    const result = await repos.accounts.register({ opdId: opd.id, platform: parsed.platform, handle: parsed.handle, url: parsed.url, createdById: actor.id, at: now, verified });
    if (result.outcome === 'taken') {
      return reply(m.accounts.taken(parsed.platform, parsed.handle, result.owner.code, result.owner.name, opd.code));
    }
    // Reports already showing this account stop being marked: it is the OPD's account now.
    const cleared = await repos.reports.setAccountMark(opd.id, parsed.platform, parsed.handle, false);
    await repos.audit.record({
      actorId: actor.id,
      action: 'account.registered',
      subject: `opd:${opd.code}`,
      details: { platform: parsed.platform, handle: parsed.handle, outcome: result.outcome, verified, reportsUnmarked: cleared },
      at: now,
    });

    const account = m.accounts.account(parsed.platform, parsed.handle, parsed.url);
    const today = deps.messages.format.date(now, deps.settings.timezone);
    const first =
      result.outcome === 'created'
        ? verified
          ? m.accounts.registered(account, opd.code, opd.name, today)
          : m.accounts.registeredByAdmin(account, opd.code)
        : result.outcome === 'updated'
          ? m.accounts.updated(account, opd.code)
          : verified
            ? m.accounts.reverified(account, opd.code, today)
            : m.accounts.alreadyRegistered(account, opd.code);
    const all = await repos.accounts.listForOpd(opd.id);
    const text = [first, ...(cleared > 0 ? [m.accounts.marksCleared(cleared)] : []), await mandatoryLine(deps, repos, all)].join('\n');
    if (verified || result.outcome !== 'created') return reply(text);

    // An admin's new account: every superadmin is told, so Diskominfo verifies it (or removes it).
    const superadmins = await repos.users.listByRole('superadmin');
    const notice = m.accounts.adminRegisteredNotice(displayName(actor), opd.code, account, displayHandle(parsed.platform, parsed.handle), parsed.platform);
    return { replies: [{ text }, ...superadmins.map((s) => ({ text: notice, chatId: s.telegramId }))] };
  });
}

/** /akun KODE hapus platform akun: removes an account (superadmins). */
export async function removeAccount(deps: AppDeps, actor: Person, request: AccountRequest & { readonly code: string }): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const target = await opdToManage(deps, repos, actor, request.code);
    if ('refusal' in target) return reply(target.refusal);
    const { opd } = target;
    const parsed = parseAccountHandle(request.platform, request.account);
    if (!parsed.ok) return reply(handleRefusal(deps, parsed, request.platform, request.account, opd.code));
    if (!(await repos.accounts.remove(opd.id, parsed.platform, parsed.handle))) return reply(m.accounts.notFound(parsed.platform, request.account, opd.code));
    const now = deps.clock.now();
    // From now on the OPD's reports from this account are from an unregistered account again.
    const marked = await repos.reports.setAccountMark(opd.id, parsed.platform, parsed.handle, true);
    await repos.audit.record({
      actorId: actor.id,
      action: 'account.removed',
      subject: `opd:${opd.code}`,
      details: { platform: parsed.platform, handle: parsed.handle, reportsMarked: marked },
      at: now,
    });
    const remaining = await repos.accounts.listForOpd(opd.id);
    return reply([m.accounts.removed(m.accounts.account(parsed.platform, parsed.handle, parsed.url), opd.code), await mandatoryLine(deps, repos, remaining)].join('\n'));
  });
}

/** /akun KODE verifikasi: Diskominfo checked the OPD's accounts today. */
export async function verifyAccounts(deps: AppDeps, actor: Person, code: string): Promise<Outcome> {
  const m = deps.messages;
  return deps.uow.run(async (repos) => {
    const target = await opdToManage(deps, repos, actor, code);
    if ('refusal' in target) return reply(target.refusal);
    const { opd } = target;
    const now = deps.clock.now();
    const count = await repos.accounts.markVerified(opd.id, now);
    if (count === 0) return reply(m.accounts.nothingToVerify(opd.code));
    await repos.audit.record({ actorId: actor.id, action: 'account.verified', subject: `opd:${opd.code}`, details: { accounts: count }, at: now });
    return reply(m.accounts.verified(count, opd.code, deps.messages.format.date(now, deps.settings.timezone)));
  });
}
