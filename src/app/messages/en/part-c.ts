import type { Platform } from '../../../domain/links/index.ts';
import { escapeAttribute, escapeHtml as e } from '../../../domain/text/html.ts';
import { weekdayOf, type LocalDate } from '../../../domain/calendar/local-date.ts';
import { nameWeekdayRuns } from '../../../domain/calendar/weekdays.ts';
import { formatDateEn, formatNumberEn, monthNamesEn } from '../../../domain/time/format.ts';
import type { KpiComponentKey, KpiWeights } from '../../../domain/recap/kpi.ts';
import { isQuiet, weekSpan, type OpdRecap, type Recap, type RecapPeriod, type TargetStatus } from '../../../domain/recap/recap.ts';
import { displayHandle } from '../../../domain/links/handle.ts';
import type { SettingProblem } from '../../settings/definitions.ts';
import type { Catalogue } from '../id.ts';
// The assembled English catalogue. It imports this file too, so `en` is only read inside functions.
import { en } from '../en.ts';

/** "1 post", "3 posts". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * English for the sections accounts, delivery, recap, calendar, settings, holidays and leave of
 * the catalogue. Commands, keywords and setting keys stay Indonesian (users type them).
 */
export const enPartC = {
  accounts: {
    help: { description: "My OPD's official social-media accounts; register any that are missing", usage: '[platform @account]' },
    helpLeader: { description: "An OPD's official social-media accounts", usage: 'OPD_CODE' },
    helpSuperadmin: {
      description: 'Official OPD accounts: view, register, remove, verify',
      usage: 'OPD_CODE [platform @account | hapus platform account | verifikasi]',
    },
    platformWords: 'instagram (ig), facebook (fb), tiktok (tt), youtube (yt), x (twitter), threads',
    usage: () =>
      'How to use:\n' +
      "<code>/akun OPD_CODE</code> — list an OPD's official accounts, e.g. <code>/akun DINKES</code>\n" +
      '<code>/akun OPD_CODE platform @account</code> — register one, e.g. <code>/akun DINKES instagram @dinkes.kab</code>, or with the profile link: <code>/akun DINKES tiktok https://www.tiktok.com/@dinkes.kab</code>\n' +
      '<code>/akun OPD_CODE hapus platform account</code> — remove one, e.g. <code>/akun DINKES hapus tiktok @dinkes.kab</code> (Diskominfo)\n' +
      "<code>/akun OPD_CODE verifikasi</code> — mark all of that OPD's accounts as verified today (Diskominfo)\n" +
      "OPD admins simply write <code>/akun</code> (their own OPD's accounts) or <code>/akun instagram @account</code> (register one for their own OPD).\n" +
      `Platforms: ${en.accounts.platformWords}.`,
    /** "TikTok <a href=…>@dinkes</a>". */
    account: (platform: Platform, handle: string, url: string) =>
      `${en.platformName[platform]} <a href="${escapeAttribute(url)}">${e(displayHandle(platform, handle))}</a>`,
    listHeader: (code: string, opdName: string) => `<b>Official accounts of ${e(code)}</b> (${e(opdName)})`,
    listLine: (account: string, verifiedOn: string | null) =>
      `• ${account} — ${verifiedOn ? `verified ${e(verifiedOn)}` : 'not yet verified by Diskominfo'}`,
    listEmpty: (code: string) => `No official accounts are registered for ${e(code)} yet.`,
    missing: (names: readonly string[]) => `⚠️ Mandatory platforms not registered yet: <b>${names.join(', ')}</b>.`,
    allMandatory: (names: readonly string[]) => `✅ All mandatory platforms (${names.join(', ')}) are registered.`,
    footerSuperadmin: (code: string) =>
      `Register: <code>/akun ${e(code)} platform @account</code> · Remove: <code>/akun ${e(code)} hapus platform account</code> · Verify: <code>/akun ${e(code)} verifikasi</code>`,
    footerAdmin:
      "Register your OPD's official accounts: <code>/akun platform @account</code>, e.g. <code>/akun instagram @dinkes.kab</code>. Diskominfo will verify them.",
    ownOnly: (named: string, own: string) =>
      `As an admin, you see your own OPD's official accounts; here are the accounts of ${e(own)} (not ${e(named)}).`,
    adminWithoutOpd: 'Your Telegram account is not linked to any OPD yet. Please contact Diskominfo.',
    needsOpd: 'Please give the OPD code, e.g. <code>/akun DINKES</code> or <code>/akun DINKES instagram @dinkes.kab</code>. List of codes: /opd.',
    notYourOpd: (named: string, own: string) =>
      `❌ You are an admin of ${e(own)}, so you can only register accounts for ${e(own)}, not for ${e(named)}. Send it again without the OPD code: <code>/akun platform @account</code>.`,
    leaderCannotRegister:
      "Sorry, official accounts are registered by Diskominfo or by the OPD's own admin. You can see an OPD's accounts with <code>/akun OPD_CODE</code>.",
    superadminOnly: 'Sorry, only Diskominfo can remove or verify official accounts. If an account is wrong, please contact Diskominfo.',
    /** What each platform allows in a handle, and an example (shown when a handle is refused). */
    rule: {
      instagram: '1–30 letters, digits, dots or underscores',
      facebook: "the page name in its link (at least 5 letters/digits/dots) or the numeric ID from a profile.php?id=… link",
      tiktok: '2–24 letters, digits, dots or underscores',
      youtube: "the channel's @handle, 3–30 letters, digits, dots, hyphens or underscores",
      x: '1–15 letters, digits or underscores',
      threads: '1–30 letters, digits, dots or underscores (the same as the Instagram name)',
    } satisfies Record<Platform, string>,
    example: {
      instagram: ['@dinkes.kab', 'https://www.instagram.com/dinkes.kab/'],
      facebook: ['dinkeskab', 'https://www.facebook.com/dinkeskab'],
      tiktok: ['@dinkes.kab', 'https://www.tiktok.com/@dinkes.kab'],
      youtube: ['@dinkeskab', 'https://www.youtube.com/@dinkeskab'],
      x: ['@dinkeskab', 'https://x.com/dinkeskab'],
      threads: ['@dinkes.kab', 'https://www.threads.net/@dinkes.kab'],
    } satisfies Record<Platform, readonly [string, string]>,
    tryAgain: (platform: Platform, code: string) =>
      `Example: <code>/akun ${e(code)} ${platform} ${e(en.accounts.example[platform][0])}</code> or <code>/akun ${e(code)} ${platform} ${e(en.accounts.example[platform][1])}</code>. Nothing was saved.`,
    badHandle: (platform: Platform, raw: string, code: string) =>
      `❌ <b>${e(raw.slice(0, 100))}</b> is not a valid ${en.platformName[platform]} account name: ${en.accounts.rule[platform]}.\n${en.accounts.tryAgain(platform, code)}`,
    otherSite: (platform: Platform, linkPlatform: Platform | null, code: string) =>
      `❌ That link is ${linkPlatform ? `a link to ${en.platformName[linkPlatform]}` : 'not a link to a supported social-media platform'}, not a link to a profile on ${en.platformName[platform]}.\n${en.accounts.tryAgain(platform, code)}`,
    notAProfile: (platform: Platform, code: string) =>
      `❌ That link is not a link to an account profile on ${en.platformName[platform]} (it may be a link to a post, or a short link). Open the account's profile page and copy its link, or type the account name.\n${en.accounts.tryAgain(platform, code)}`,
    registered: (account: string, code: string, opdName: string, date: string) =>
      `✅ ${account} is registered as an official account of <b>${e(code)}</b> (${e(opdName)}), verified today (${e(date)}).`,
    registeredByAdmin: (account: string, code: string) =>
      `✅ ${account} has been registered as an official account of <b>${e(code)}</b>. Diskominfo will verify it; until then this account is shown as "not yet verified".`,
    reverified: (account: string, code: string, date: string) =>
      `${account} is already registered for <b>${e(code)}</b>; its verification date has been updated to today (${e(date)}).`,
    alreadyRegistered: (account: string, code: string) =>
      `${account} is already registered as an official account of <b>${e(code)}</b>. Nothing was changed.`,
    updated: (account: string, code: string) => `✅ The profile link of ${account}, owned by <b>${e(code)}</b>, has been updated.`,
    taken: (platform: Platform, handle: string, owner: string, ownerName: string, code: string) =>
      `❌ The ${en.platformName[platform]} account <b>${e(displayHandle(platform, handle))}</b> is already registered as an official account of <b>${e(owner)}</b> (${e(ownerName)}), so it cannot be registered for ${e(code)}. ` +
      `If this account now really belongs to ${e(code)}, Diskominfo first needs to remove it from ${e(owner)}: <code>/akun ${e(owner)} hapus ${platform} ${e(displayHandle(platform, handle))}</code>. Nothing was changed.`,
    marksCleared: (count: number) =>
      count === 1
        ? `${count} earlier report that used this account is no longer marked "unregistered account".`
        : `${count} earlier reports that used this account are no longer marked "unregistered account".`,
    adminRegisteredNotice: (name: string, code: string, account: string, handleWord: string, platform: Platform) =>
      `🆕 ${e(name)} (admin of <b>${e(code)}</b>) registered ${account} as an official account of ${e(code)}.\n` +
      `If this is correct, verify it with <code>/akun ${e(code)} verifikasi</code>; if it is wrong, remove it with <code>/akun ${e(code)} hapus ${platform} ${e(handleWord)}</code>.`,
    removed: (account: string, code: string) =>
      `✅ ${account} has been removed from the official accounts of <b>${e(code)}</b>. Reports from this account will now be marked "unregistered account".`,
    notFound: (platform: Platform, raw: string, code: string) =>
      `The ${en.platformName[platform]} account <b>${e(raw.slice(0, 100))}</b> is not registered for ${e(code)}, so nothing was removed. See the list with <code>/akun ${e(code)}</code>.`,
    verified: (count: number, code: string, date: string) =>
      `✅ ${count} official ${count === 1 ? 'account' : 'accounts'} of <b>${e(code)}</b> marked as verified today (${e(date)}).`,
    nothingToVerify: (code: string) =>
      `${e(code)} has no registered official accounts yet, so there is nothing to verify. Register one with <code>/akun ${e(code)} platform @account</code>.`,
  },

  delivery: {
    unreachable: (name: string, reason: string) => `⚠️ The message for ${e(name)} could not be delivered (${e(reason)}).`,
    /** Why Telegram refused a chat for good, as superadmins read it. */
    unreachableReason: {
      blocked: 'they have blocked the bot or have never opened a chat with it',
      chat_not_found: 'their Telegram account cannot be found (it may have been deleted)',
    } satisfies Record<'blocked' | 'chat_not_found', string>,
    /** To superadmins, at most once a day per person: someone the bot must reach cannot be reached. */
    unreachableNotice: (name: string, opdLabel: string | null, reason: string) =>
      `⚠️ <b>Cannot reach ${e(name)}</b>${opdLabel ? ` — ${e(opdLabel)}` : ''}\n` +
      `The bot's message was not delivered because ${e(reason)}.\n` +
      'Please contact them directly and ask them to open the chat with the bot and press <b>MULAI</b>/<b>START</b>, so that the next reminders reach them.',
  },

  /** /rekap, /peringkat and the automatic weekly and monthly recaps. */
  recap: {
    help: { description: 'Recap of OPD social-media performance with KPI scores, an Excel file and a chart', usage: '[minggu | minggu lalu | bulan | bulan lalu | YYYY-MM]' },
    helpAdmin: { description: "Your OPD's recap: posts, active days, KPI score and rank", usage: '[minggu | bulan | YYYY-MM]' },
    leaderboardHelp: { description: 'KPI score ranking of all OPDs', usage: '[minggu | bulan | YYYY-MM]' },
    usage:
      'How to use: <code>/rekap</code> (this week), <code>/rekap minggu lalu</code> (last week), <code>/rekap bulan</code> (this month), <code>/rekap bulan lalu</code> (last month) or <code>/rekap 2026-11</code> (a given month).',
    leaderboardUsage: 'How to use: <code>/peringkat</code> (this week), <code>/peringkat bulan</code> (this month) or <code>/peringkat 2026-11</code> (a given month).',
    futurePeriod: 'That period has not started yet, so there is nothing to recap. Try <code>/rekap</code> for this week or <code>/rekap bulan</code> for this month.',
    noOpd: 'Your account is not linked to any OPD yet, so there is no recap for you. Please contact Diskominfo.',
    noOpds: 'No active OPDs are registered yet. Diskominfo can import the list of OPDs with <code>npm run kopdar -- opd import</code>.',
    /** "Week of 16–22 November 2026" or "November 2026". */
    periodLabel: (p: RecapPeriod) => {
      if (p.kind === 'month') return `${monthNamesEn[Number(p.key.slice(5, 7)) - 1] ?? p.key} ${p.key.slice(0, 4)}`;
      return `Week of ${weekSpan(p, en.calendar.shortDay)}`;
    },
    countedUntil: (p: RecapPeriod) => (p.countedUntil < p.until ? `\n<i>Counted up to ${en.calendar.day(p.countedUntil)}.</i>` : ''),
    number: (value: number) => formatNumberEn(value),
    score: (score: number | null) => (score === null ? '—' : formatNumberEn(score)),
    status: { met: 'Target met', partial: 'Partly met', missed: 'Below target', onLeave: 'On leave', notDue: 'No working day yet' } satisfies Record<TargetStatus, string>,
    statusIcon: { met: '🟢', partial: '🟡', missed: '🔴', onLeave: '⚪', notDue: '⚪' } satisfies Record<TargetStatus, string>,
    target: (t: Recap['target']) =>
      t.period === 'day' ? `${count(t.posts, 'post', 'posts')} per working day` : `${count(t.posts, 'post', 'posts')} per week`,
    rankLine: (o: OpdRecap) =>
      `${o.rank ?? '–'}. ${en.recap.statusIcon[o.status]} ${e(en.opdLabel(o.name, o.code))} — score <b>${en.recap.score(o.score)}</b> · ${count(o.posts, 'post', 'posts')}`,
    platformsLine: (r: Recap) => r.platforms.map((p) => `${en.platformName[p.platform]} ${p.posts}`).join(' · '),
    codes: (codes: readonly string[], max = 12) =>
      codes.length <= max ? codes.map(e).join(', ') : `${codes.slice(0, max).map(e).join(', ')} and ${codes.length - max} more`,
    /** The regency-wide summary (superadmins, leaders, the monthly report). */
    summary: (r: Recap) => {
      const quiet = r.opds.filter(isQuiet).map((o) => o.code);
      const missing = r.opds.filter((o) => o.missingAccounts.length > 0);
      const silentDirectives = r.directives.filter((d) => d.silentCodes.length > 0);
      const top = r.opds.filter((o) => o.rank !== null).slice(0, 5);
      return [
        `📊 <b>OPD social-media recap — ${en.recap.periodLabel(r.period)}</b>${en.recap.countedUntil(r.period)}`,
        `Active OPDs: <b>${r.totals.activeOpds}</b> of ${r.totals.opds} · not posted yet: <b>${r.totals.quietOpds}</b>\n` +
          `Total posts: <b>${formatNumberEn(r.totals.posts)}</b> · target: ${en.recap.target(r.target)}`,
        top.length > 0 ? `🏆 <b>Top 5</b>\n${top.map(en.recap.rankLine).join('\n')}` : '',
        `📱 <b>By platform</b>\n${en.recap.platformsLine(r)}`,
        quiet.length > 0 ? `🔕 <b>Not posted yet (${quiet.length})</b>: ${en.recap.codes(quiet)}` : '✨ Every OPD has posted in this period.',
        missing.length > 0
          ? `⚠️ <b>No official account on a mandatory platform yet (${missing.length})</b>: ${en.recap.codes(missing.map((o) => `${o.code} (${o.missingAccounts.map((p) => en.platformName[p]).join(', ')})`), 8)}`
          : '',
        r.directives.length > 0
          ? `📣 <b>Directives (${r.directives.length})</b>\n` +
            (silentDirectives.length === 0
              ? 'Every OPD has confirmed the directives that ask for confirmation.'
              : silentDirectives
                  .slice(0, 8)
                  .map((d) => `#${d.id} ${e(d.title)}: ${count(d.silentCodes.length, 'OPD has', 'OPDs have')} not confirmed yet (${en.recap.codes(d.silentCodes, 8)})`)
                  .join('\n') +
                (silentDirectives.length > 8 ? `\n… and ${silentDirectives.length - 8} more ${silentDirectives.length - 8 === 1 ? 'directive' : 'directives'} (see the Excel file)` : ''))
          : '',
        '🟢 target met · 🟡 partly met · 🔴 below target · ⚪ on leave. The KPI score (0–100) is calculated from active days, the number of posts, mandatory platforms, the confirmation and follow-up of directives, and meetup attendance.',
      ]
        .filter((part) => part !== '')
        .join('\n\n');
    },
    /** One OPD's own recap (an admin's /rekap). */
    opdSummary: (r: Recap, o: OpdRecap) => {
      const ranked = r.opds.filter((x) => x.rank !== null).length;
      const mandatory = r.mandatoryPlatforms.map((p) => `${en.platformName[p]} ${o.mandatoryCovered.includes(p) ? '✅' : '❌'}`).join(' · ');
      const points = o.components
        .filter((c) => c.ratio !== null)
        .map((c) => `${en.recap.component[c.key]} ${formatNumberEn(Math.round(c.points * 10) / 10)}`)
        .join(' · ');
      const tips = [
        o.status === 'missed' || o.status === 'partial'
          ? `Only ${o.posts} of the target of ${formatNumberEn(Math.round(o.expectedPosts * 10) / 10)} posts so far: post new content and report it with <code>/lapor &lt;link&gt;</code>.`
          : '',
        r.mandatoryPlatforms.some((p) => !o.mandatoryCovered.includes(p)) && o.status !== 'onLeave'
          ? `Also post on ${r.mandatoryPlatforms.filter((p) => !o.mandatoryCovered.includes(p)).map((p) => en.platformName[p]).join(' and ')} to cover the mandatory platforms.`
          : '',
        o.directives.acknowledged < o.directives.asked
          ? `Confirm the directives you have not confirmed yet with the "${en.directive.ackButton}" button on the directive message.`
          : '',
        o.missingAccounts.length > 0
          ? `The official ${o.missingAccounts.map((p) => en.platformName[p]).join(' and ')} ${o.missingAccounts.length === 1 ? 'account is' : 'accounts are'} not registered yet: please send ${o.missingAccounts.length === 1 ? 'its address' : 'their addresses'} to Diskominfo.`
          : '',
      ].filter((t) => t !== '');
      return [
        `📊 <b>Recap of ${e(en.opdLabel(o.name, o.code))} — ${en.recap.periodLabel(r.period)}</b>${en.recap.countedUntil(r.period)}`,
        o.rank === null
          ? o.status === 'onLeave'
            ? 'Your OPD was on leave for the whole period, so it has no score and no rank.'
            : 'Nothing could be scored in this period yet (no working day so far, or no score component applies), so there is no score or rank.'
          : `Rank <b>${o.rank}</b> of ${count(ranked, 'OPD', 'OPDs')} · KPI score <b>${en.recap.score(o.score)}</b>`,
        `${en.recap.statusIcon[o.status]} Posts: <b>${o.posts}</b> of a target of ${formatNumberEn(Math.round(o.expectedPosts * 10) / 10)} (${en.recap.status[o.status]})\n` +
          `Active days: <b>${o.activeDays}</b> of ${count(o.workingDays, 'working day', 'working days')}${o.leaveDays > 0 ? ` (${count(o.leaveDays, 'day', 'days')} of leave, not counted)` : ''}\n` +
          (r.mandatoryPlatforms.length > 0 ? `Mandatory platforms: ${mandatory}\n` : '') +
          `Directives: ${o.directives.addressed} received, ${o.directives.acknowledged} confirmed, ${o.directives.followedUp} followed up`,
        points ? `<b>Score breakdown</b>: ${points}` : '',
        tips.length > 0 ? `<b>Next steps</b>\n${tips.map((t) => `• ${t}`).join('\n')}` : '👏 Thank you, keep it up!',
      ]
        .filter((part) => part !== '')
        .join('\n\n');
    },
    component: {
      activeDays: 'active days',
      posts: 'posts',
      platforms: 'mandatory platforms',
      acknowledged: 'directive confirmation',
      followUps: 'follow-up',
      meetups: 'meetups',
    } satisfies Record<KpiComponentKey, string>,
    workbookFileName: (periodKey: string) => `recap-${periodKey}.xlsx`,
    chartFileName: (periodKey: string) => `chart-${periodKey}.png`,
    workbookCaption: (r: Recap) => `📎 Recap for ${en.recap.periodLabel(r.period)} (Excel): by OPD, by platform, by day, and directives.`,
    chartCaption: (r: Recap) =>
      `📈 Posts per OPD — ${en.recap.periodLabel(r.period)}. Green: target met · yellow: partly met · red: below target.`,
    leaderboard: (r: Recap, shown: readonly OpdRecap[], own: OpdRecap | null, pageNote: string) => {
      const ownLine = own && !shown.includes(own) ? `…\n<b>${en.recap.rankLine(own)}</b>` : '';
      const lines = shown.map((o) => (o === own ? `<b>${en.recap.rankLine(o)}</b>` : en.recap.rankLine(o)));
      return [
        `🏆 <b>OPD ranking — ${en.recap.periodLabel(r.period)}</b>${en.recap.countedUntil(r.period)}`,
        shown.length === 0 ? 'No OPD can be ranked in this period yet.' : lines.join('\n') + (ownLine ? `\n${ownLine}` : ''),
        [pageNote, 'Full details: <code>/rekap</code>. 🟢 target met · 🟡 partly met · 🔴 below target.'].filter((t) => t !== '').join('\n'),
      ].join('\n\n');
    },
    weekly: (r: Recap, improved: { readonly opd: OpdRecap; readonly before: number } | null) =>
      [
        `📣 <b>Weekly OPD social-media recap — ${en.recap.periodLabel(r.period)}</b>`,
        `Active OPDs: <b>${r.totals.activeOpds}</b> of ${r.totals.opds} · <b>${formatNumberEn(r.totals.posts)}</b> ${r.totals.posts === 1 ? 'post' : 'posts'}`,
        r.opds.some((o) => o.rank !== null)
          ? `🏆 <b>Top of the ranking</b>\n${r.opds.filter((o) => o.rank !== null).slice(0, 10).map(en.recap.rankLine).join('\n')}`
          : '',
        improved && improved.opd.score !== null
          ? `📈 <b>Most improved</b>: ${e(en.opdLabel(improved.opd.name, improved.opd.code))}, score ${formatNumberEn(improved.before)} → ${formatNumberEn(improved.opd.score)} (+${formatNumberEn(Math.round((improved.opd.score - improved.before) * 10) / 10)})`
          : '',
        "🙏 Thank you to every admin who was active last week. If you did not manage to post, let's start this week with one post and report it with <code>/lapor &lt;link&gt;</code>. See your OPD's recap with <code>/rekap</code>.",
      ]
        .filter((part) => part !== '')
        .join('\n\n'),
    monthlyIntro: (r: Recap) =>
      `🗓️ <b>Monthly KPI report — ${en.recap.periodLabel(r.period)}</b>\nHere is last month's recap, with its Excel file and chart.`,
  },

  /** Dates and weekdays of the work calendar. */
  calendar: {
    weekdayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as readonly string[],
    /** "Monday, 17 August 2026" for a local date (YYYY-MM-DD). */
    day: (date: LocalDate) => `${en.calendar.weekdayNames[weekdayOf(date) - 1] ?? ''}, ${formatDateEn(new Date(`${date}T12:00:00Z`), 'UTC')}`,
    /** "17 August 2026". */
    shortDay: (date: LocalDate) => formatDateEn(new Date(`${date}T12:00:00Z`), 'UTC'),
    /** "Monday–Friday", "Monday–Friday, Sunday". */
    weekdays: (days: readonly number[]) => nameWeekdayRuns(days, en.calendar.weekdayNames),
  },

  /** /atur: the nudge settings. */
  settings: {
    help: { description: 'View and change the settings (reminders, target, mandatory platforms, KPI weights, recap schedule)', usage: '[key value | key bawaan]' },
    usage:
      'How to use:\n' +
      '<code>/atur</code> — view all settings\n' +
      '<code>/atur KEY VALUE</code> — change one, e.g. <code>/atur jam 07:30</code>\n' +
      '<code>/atur KEY bawaan</code> — go back to the default value (.env)\n' +
      'Keys: <code>jam</code>, <code>hari_kerja</code>, <code>ramah</code>, <code>tegas</code>, <code>eskalasi</code>, <code>target</code>, <code>platform_wajib</code>, <code>bobot_kpi</code>, <code>rekap_mingguan</code>, <code>rekap_bulanan</code>.',
    header: '<b>kopdar settings</b>',
    label: {
      nudge_time: 'Reminder time',
      working_days: 'Working days',
      friendly_from: 'Friendly reminder from',
      firm_from: 'Firm reminder from',
      escalate_from: 'Escalation to Diskominfo and OPD leaders from',
      posting_target: 'Posting target per OPD',
      mandatory_platforms: 'Mandatory platforms',
      kpi_weights: 'KPI score weights',
      weekly_recap: 'Automatic weekly recap to the community group',
      monthly_recap: 'Automatic monthly KPI report to Diskominfo and leaders',
    },
    example: {
      nudge_time: '07:30',
      working_days: '1-5',
      friendly_from: '1',
      firm_from: '3',
      escalate_from: '7',
      posting_target: '2/minggu',
      mandatory_platforms: 'instagram,facebook,tiktok',
      kpi_weights: 'hari_aktif=30,posting=25,platform=15,konfirmasi=15,tindak_lanjut=10,kopdar=5',
      weekly_recap: 'senin 09:00',
      monthly_recap: '1 09:00',
    },
    value: {
      time: (time: string) => e(time),
      weekdays: (days: readonly number[], compact: string) => `${en.calendar.weekdays(days)} (<code>${e(compact)}</code>)`,
      threshold: (days: number) => `${count(days, 'working day', 'working days')} behind`,
      target: (posts: number, period: 'day' | 'week') =>
        period === 'day' ? `${count(posts, 'post', 'posts')} per working day` : `${count(posts, 'post', 'posts')} per week`,
      platforms: (list: readonly Platform[]) => (list.length === 0 ? 'none' : list.map((p) => en.platformName[p]).join(', ')),
      weights: (w: KpiWeights) =>
        `active days ${w.activeDays}, number of posts ${w.posts}, mandatory platforms ${w.platforms}, directive confirmation ${w.acknowledged}, directive follow-up ${w.followUps}, meetup attendance ${w.meetups}`,
      weekly: (s: { readonly weekday: number; readonly time: string } | null) =>
        s ? `every ${en.calendar.weekdayNames[s.weekday - 1] ?? s.weekday} at ${e(s.time)}` : 'off',
      monthly: (s: { readonly day: number; readonly time: string } | null) => (s ? `on day ${s.day} of every month at ${e(s.time)}` : 'off'),
    },
    entry: (label: string, key: string, value: string, source: string) => `<b>${label}</b> · <code>${e(key)}</code>\n${value} — ${source}`,
    sourceDefault: 'default (.env)',
    sourceChanged: (by: string | null, when: string) => `changed${by ? ` by ${e(by)}` : ''} on ${e(when)}`,
    sourceInvalid: 'the stored value is invalid; the default (.env) is used',
    community: (chatId: string | null) =>
      `<b>Community group</b>\n${chatId ? `<code>${e(chatId)}</code>` : 'not connected yet'} — set by sending <code>/hubungkan komunitas</code> in that group`,
    communitySource: (when: string) => ` (connected on ${e(when)})`,
    timezone: (timezone: string) => `<b>Time zone</b>\n${e(timezone)} — from APP_TIMEZONE in .env; it cannot be changed in the chat`,
    leaders: (chatId: string | null) =>
      `<b>Leaders' group</b>\n${chatId ? `<code>${e(chatId)}</code>` : 'not connected yet'} — set by sending <code>/hubungkan pimpinan</code> in that group`,
    directives: (title: string, segera: number, penting: number) =>
      `<b>Directives</b>\nTitle of the leaders' directives: ${e(title)}; reminders to OPDs that have not confirmed: segera (urgent) after ${count(segera, 'hour', 'hours')}, penting (important) after ${count(penting, 'hour', 'hours')} — from LEADER_TITLE and DIRECTIVE_REMIND_* in .env`,
    limits: (l: { readonly globalPerSecond: number; readonly perChatPerSecond: number; readonly perChatBurst: number; readonly perGroupPerMinute: number }) =>
      `<b>Message sending limits</b>\n${l.globalPerSecond} messages/second for the whole bot, ${l.perChatPerSecond} messages/second per chat (short bursts of up to ${l.perChatBurst}), ${l.perGroupPerMinute} messages/minute per group — from RATE_* in .env (Telegram's limits)`,
    footer:
      'Change: <code>/atur KEY VALUE</code>, e.g. <code>/atur jam 07:30</code>, <code>/atur hari_kerja 1-6</code>, <code>/atur target 2/minggu</code>.\n' +
      'Back to the default: <code>/atur KEY bawaan</code>.',
    ladderWarning:
      '⚠️ The order ramah &lt; tegas &lt; eskalasi (friendly, firm, escalation) is currently not kept (have the default values in .env changed?). Please fix it with /atur.',
    unknownKey: (key: string) =>
      `❌ The setting <b>${e(key)}</b> is unknown. Settings you can change: <code>jam</code>, <code>hari_kerja</code>, <code>ramah</code>, <code>tegas</code>, <code>eskalasi</code>, <code>target</code>, <code>platform_wajib</code>, <code>bobot_kpi</code>, <code>rekap_mingguan</code>, <code>rekap_bulanan</code>. See them all with /atur.`,
    communityReadOnly: 'The community group is not set with /atur. Send <code>/hubungkan komunitas</code> in the community group itself.',
    timezoneReadOnly: 'The time zone cannot be changed in the chat; the technical administrator sets it with APP_TIMEZONE in the .env file.',
    missingValue: (key: string, example: string) =>
      `Please give the value, e.g. <code>/atur ${e(key)} ${e(example)}</code>, or <code>/atur ${e(key)} bawaan</code> to go back to the default value.`,
    /** Why a value was refused (codes from settings/definitions.ts); `value` is the offending word. */
    problem: {
      time: () => 'the time must be written as HH:MM, e.g. 08:00',
      weekdays: () => 'write working days as numbers from 1 (Monday) to 7 (Sunday), e.g. 1-5 or 1,2,3,4,5,6',
      weekdaysEmpty: () => 'there must be at least one working day',
      threshold: () => 'it must be a number from 1 to 60',
      target: () => 'write the target like 1/hari (per day) or 2/minggu (per week)',
      platform: (value: string) => `the platform "${value}" is unknown; choose from instagram, facebook, tiktok, youtube, x, threads`,
      weightsZero: () => 'at least one weight must be more than 0',
      weightsUnknown: (value: string) => `the component "${value}" is unknown; use hari_aktif, posting, platform, konfirmasi, tindak_lanjut, kopdar`,
      weightsSyntax: (value: string) => `"${value}" cannot be read; write it like hari_aktif=30,posting=25 (numbers 0–999)`,
      weekly: () => 'write the Indonesian day name and a time, e.g. senin 09:00 (Monday 09:00), or mati to turn it off',
      monthly: () => 'write a day of the month from 1 to 28 and a time, e.g. 1 09:00, or mati to turn it off',
      chatId: () => 'the chat ID must be a number',
      unknown: 'the value was not recognised',
    } satisfies Record<SettingProblem, (value: string) => string> & { unknown: string },
    invalidValue: (key: string, problem: string, example: string) =>
      `❌ The value for <b>${e(key)}</b> is not valid: ${e(problem)}.\nExample: <code>/atur ${e(key)} ${e(example)}</code>\nNothing was changed.`,
    ladderOrder: (friendly: number, firm: number, escalate: number) =>
      `❌ The reminder ladder must be ramah &lt; tegas &lt; eskalasi, but with this change it would be ramah ${friendly}, tegas ${firm}, eskalasi ${escalate}. Nothing was changed.`,
    changed: (label: string, value: string, previous: string) =>
      `✅ ${label} changed to <b>${value}</b> (previously ${previous}). This applies from the next reminder.`,
    unchanged: (label: string, value: string) => `${label} is already <b>${value}</b>. Nothing was changed.`,
    reset: (label: string, value: string) => `✅ ${label} is back to the default value: <b>${value}</b>.`,
    alreadyDefault: (label: string, value: string) => `${label} already uses the default value (<b>${value}</b>). Nothing was changed.`,
  },

  /** /libur: public holidays (no reminders on those days). */
  holidays: {
    help: { description: 'Holidays in the next 12 months', usage: '' },
    helpSuperadmin: {
      description: 'List of holidays; add or remove a holiday (no reminders on holidays)',
      usage: '[tambah YYYY-MM-DD name | hapus YYYY-MM-DD]',
    },
    usage:
      'How to use:\n' +
      '<code>/libur</code> — holidays in the next 12 months\n' +
      '<code>/libur tambah YYYY-MM-DD name</code>, e.g. <code>/libur tambah 2026-08-17 HUT RI ke-81</code>\n' +
      '<code>/libur hapus YYYY-MM-DD</code>, e.g. <code>/libur hapus 2026-08-17</code>',
    header: (count: number) => `<b>Holidays in the next 12 months (${count})</b>`,
    line: (date: LocalDate, name: string) => `• ${en.calendar.day(date)} — ${e(name)}`,
    empty:
      'No holidays are recorded for the next 12 months yet. A superadmin can add them with <code>/libur tambah YYYY-MM-DD name</code>, or the technical administrator can import a CSV file: <code>npm run kopdar -- holidays import libur.csv</code>.',
    footerSuperadmin: 'Add: <code>/libur tambah YYYY-MM-DD name</code> · Remove: <code>/libur hapus YYYY-MM-DD</code>',
    invalidDate: (raw: string) =>
      `❌ The date <b>${e(raw)}</b> does not exist in the calendar. Write the date as YYYY-MM-DD, e.g. <code>2026-08-17</code>. Nothing was changed.`,
    missingName: "Please give the holiday's name, e.g. <code>/libur tambah 2026-08-17 HUT RI ke-81</code>.",
    nameTooLong: (max: number) => `❌ The holiday name is too long (at most ${max} characters). Nothing was changed.`,
    added: (date: LocalDate, name: string, workingDay: boolean) =>
      `✅ ${en.calendar.day(date)} is recorded as a holiday: <b>${e(name)}</b>. There are no reminders on that day, and it does not count as a day without reports.${workingDay ? '' : '\n(That day is not a working day anyway.)'}`,
    renamed: (date: LocalDate, previous: string, name: string) =>
      `✅ The name of the holiday on ${en.calendar.day(date)} has been changed from ${e(previous)} to <b>${e(name)}</b>.`,
    removed: (date: LocalDate, name: string) =>
      `✅ ${en.calendar.day(date)} (${e(name)}) has been removed from the list of holidays. If it is a working day, reminders run as usual.`,
    notFound: (date: LocalDate) => `No holiday is recorded on ${en.calendar.day(date)}. See the list with /libur.`,
    superadminOnly: 'Sorry, only a Diskominfo superadmin can add or remove holidays. You can see the list of holidays with /libur.',
  },

  /** /cuti: leave of an OPD or of one admin. */
  leave: {
    help: {
      description:
        'Record leave. OPD leave: no reminders, and the leave days are not counted. Admin leave: only that admin gets no reminders; the OPD is still counted unless all its admins are on leave. Without arguments: the list of leave',
      usage: '[OPD_CODE|@admin sampai YYYY-MM-DD reason | selesai OPD_CODE|@admin]',
    },
    rule:
      '<b>Leave rules</b>\n' +
      '• <b>OPD leave</b> (<code>/cuti OPD_CODE …</code>): the whole OPD receives no reminders, and its leave days do not count as days without reports.\n' +
      '• <b>Admin leave</b> (<code>/cuti @admin …</code>): only that admin receives no reminders. The OPD is still counted and reminded through its other admins, unless <b>all</b> of its admins are on leave — on those days the OPD counts as on leave.',
    usage: () =>
      'How to use:\n' +
      '<code>/cuti OPD_CODE sampai YYYY-MM-DD reason</code>, e.g. <code>/cuti DINKES sampai 2026-12-04 Training for all staff</code>\n' +
      '<code>/cuti @admin sampai YYYY-MM-DD reason</code>, e.g. <code>/cuti @budi_dinkes sampai 2026-12-10 Maternity leave</code>\n' +
      '<code>/cuti</code> — current and upcoming leave\n' +
      '<code>/cuti selesai OPD_CODE</code> or <code>/cuti selesai @admin</code> — end a leave early\n' +
      'Leave starts today and lasts until the given date (inclusive), at most one year ahead.\n\n' +
      en.leave.rule,
    invalidDate: (raw: string) =>
      `❌ The date <b>${e(raw)}</b> does not exist in the calendar. Write the last day of the leave as YYYY-MM-DD, e.g. <code>2026-12-04</code>. Nothing was recorded.`,
    inThePast: (until: LocalDate, today: LocalDate) =>
      `❌ The last day of the leave (${en.calendar.shortDay(until)}) has already passed. Leave starts today (${en.calendar.shortDay(today)}), so its last day can be today at the earliest. Nothing was recorded.`,
    tooFar: (latest: LocalDate) =>
      `❌ Leave can last at most one year ahead, that is until ${en.calendar.shortDay(latest)}. If it needs to be longer, record it again shortly before the leave ends. Nothing was recorded.`,
    missingReason: 'Please give the reason for the leave, e.g. <code>/cuti DINKES sampai 2026-12-04 Training for all staff</code>. Nothing was recorded.',
    reasonTooLong: (max: number) => `❌ The reason for the leave is too long (at most ${max} characters). Nothing was recorded.`,
    notAdmin: (name: string) => `${e(name)} is not an OPD admin. Leave is only recorded for an OPD or for an OPD admin.`,
    opdTarget: (code: string, opdName: string) => `<b>${e(code)}</b> (${e(opdName)})`,
    adminTarget: (name: string, code: string) => `<b>${e(name)}</b> (admin of ${e(code)})`,
    recordedOpd: (target: string, from: LocalDate, until: LocalDate, reason: string) =>
      `✅ Leave for ${target} recorded: ${en.calendar.shortDay(from)} to ${en.calendar.day(until)}.\nReason: ${e(reason)}\n` +
      'During the leave, this OPD receives no reminders, and its leave days do not count as days without reports.',
    recordedAdmin: (target: string, from: LocalDate, until: LocalDate, reason: string, code: string) =>
      `✅ Leave for ${target} recorded: ${en.calendar.shortDay(from)} to ${en.calendar.day(until)}.\nReason: ${e(reason)}\n` +
      `During the leave, this admin receives no reminders. ${e(code)} is still counted and reminded through its other admins, unless all of its admins are on leave.`,
    noticeOpd: (opdName: string, until: LocalDate) =>
      `ℹ️ Diskominfo has recorded that <b>${e(opdName)}</b> is on leave until ${en.calendar.day(until)}. Until then there are no reminders for your OPD.`,
    noticeAdmin: (until: LocalDate) =>
      `ℹ️ Diskominfo has recorded that you are on leave until ${en.calendar.day(until)}. Until then you will not receive reminders. You can still send reports as usual.`,
    header: (count: number) => `<b>Current and upcoming leave (${count})</b>`,
    line: (target: string, scope: 'opd' | 'admin', from: LocalDate, until: LocalDate, reason: string) =>
      `• ${target} — ${scope === 'opd' ? 'whole OPD' : 'admin only'}, ${en.calendar.shortDay(from)} to ${en.calendar.shortDay(until)}\n  Reason: ${e(reason)}`,
    unknownTarget: (what: string) => `<b>${e(what)}</b> (no longer registered)`,
    empty: 'There is no current or upcoming leave.',
    listFooter: 'Record leave: <code>/cuti OPD_CODE|@admin sampai YYYY-MM-DD reason</code> · End it: <code>/cuti selesai OPD_CODE|@admin</code>',
    ended: (target: string, count: number) =>
      `✅ Leave for ${target} ended (${count} ${count === 1 ? 'record' : 'records'}). From today, reminders and the counting of days without reports run as usual.`,
    nothingToEnd: (target: string) => `There is no current or upcoming leave for ${target}.`,
  },
} satisfies Pick<Catalogue, 'accounts' | 'delivery' | 'recap' | 'calendar' | 'settings' | 'holidays' | 'leave'>;
