import type { Priority } from '../../../domain/directives/directive.ts';
import type { RecapPeriod, TargetStatus } from '../../../domain/recap/recap.ts';
import type { Catalogue } from '../id.ts';
// The assembled English catalogue. It imports this file too, so `en` is only read inside functions.
import { en } from '../en.ts';

/** "1 OPD", "3 OPDs", with the number as English writes it. */
const count = (n: number, one: string, many: string) => `${en.format.number(n)} ${n === 1 ? one : many}`;

/** English for the recap files (workbook, chart, CSV): the section recapFile of the catalogue. */
export const enPartD = {
  recapFile: {
    workbookTitle: (periodKey: string) => `Recap ${periodKey}`,
    yes: 'Yes',
    no: 'No',
    total: 'Total',
    sheet: { opds: 'By OPD', platforms: 'By Platform', days: 'By Day', directives: 'Directives', notes: 'Notes' },
    statusRule: {
      met: 'posts ≥ 100% of target',
      partial: 'posts 50–99% of target',
      missed: 'posts < 50% of target',
      onLeave: 'on leave all period, no score and no rank',
      notDue: 'no working day in the period yet, no score and no rank',
    } satisfies Record<TargetStatus, string>,
    legendRule: { met: '≥ 100% of target', partial: '50–99% of target', missed: '< 50% of target', onLeave: 'all period', notDue: 'no working day yet' } satisfies Record<
      TargetStatus,
      string
    >,
    // The priorities keep their Indonesian keywords (users type them); the English word follows.
    priority: { biasa: 'Normal', penting: 'Important', segera: 'Urgent' } satisfies Record<Priority, string>,
    countedNote: (period: RecapPeriod): string => (period.countedUntil < period.until ? `, counted up to ${en.calendar.shortDay(period.countedUntil)}` : ''),
    opdColumn: {
      rank: 'Rank',
      code: 'Code',
      name: 'OPD name',
      type: 'Type',
      posts: 'Posts',
      expectedPosts: 'Post target',
      activeDays: 'Active days',
      workingDays: 'Working days',
      leaveDays: 'Leave days',
      mandatoryCovered: 'Mandatory platforms covered',
      missingAccounts: 'Mandatory accounts not registered',
      unregisteredPosts: 'Posts from unregistered accounts',
      directivesAddressed: 'Directives received',
      directivesAcknowledged: 'Directives confirmed',
      directivesFollowedUp: 'Directives followed up',
      points: (component: string) => `Points: ${component}`,
      score: 'KPI score',
      status: 'Status',
    },
    platformColumn: {
      platform: 'Platform',
      mandatory: 'Mandatory',
      posts: 'Posts',
      opds: 'OPDs posting',
      share: 'Share of all posts',
      missingAccounts: 'OPDs without an official account',
    },
    dayColumn: { date: 'Date', weekday: 'Day', working: 'Working day', posts: 'Posts', activeOpds: 'Active OPDs' },
    workingDaysTotal: (days: number) => count(days, 'working day', 'working days'),
    directiveColumn: {
      id: 'ID',
      title: 'Title',
      priority: 'Priority',
      fromLeader: 'From the leaders',
      sentAt: 'Sent',
      deadline: 'Deadline',
      requireAck: 'Confirmation required',
      addressed: 'OPDs addressed',
      acknowledged: 'Confirmed',
      followedUp: 'Followed up',
      ackRate: 'Confirmation rate',
      silent: 'OPDs not confirmed yet',
    },
    notes: {
      title: (period: string, countedNote: string) => `Recap ${period}${countedNote}`,
      period: 'Period',
      countedUntil: 'Counted up to',
      generatedAt: 'Generated at',
      timezone: 'Time zone',
      target: 'Target',
      mandatoryPlatforms: 'Mandatory platforms',
      opds: 'Number of OPDs',
      posts: 'Total posts',
      activeOpds: 'Active OPDs',
      quietOpds: 'OPDs without posts',
      weightsHeading: 'KPI weights (column C: their share when every component applies)',
      weight: (component: string) => `Weight: ${component}`,
      howToRead: 'How to read',
      score: 'KPI score',
      scoreHelp:
        'KPI score (0–100) = 100 × Σ (weight × ratio) ÷ Σ weight, over the components that apply to that OPD only: a component that does not apply ' +
        '(empty points cell) is not counted and its weight goes to the other components. Each component’s points are rounded to one decimal, so ' +
        'their sum can differ from the score by 0.1. An OPD on leave all period gets neither a score nor a rank. Explanation and examples: docs/KPI.md.',
      quietRow: 'Pink row (By OPD)',
      quietRowHelp: 'An OPD without posts (that was not on leave all period).',
      missingAccountCell: 'Yellow cell (By OPD)',
      missingAccountHelp: 'A mandatory platform without a registered official account for that OPD.',
      time: 'Time',
      timeHelp: (timezone: string) => `All dates and times are in the ${timezone} time zone.`,
    },
    chart: {
      title: (period: string) => `Posts per OPD — ${period}`,
      subtitle: (opds: number, posts: number, target: string, countedNote: string) =>
        `${count(opds, 'OPD', 'OPDs')} · ${count(posts, 'post', 'posts')} · target ${target}${countedNote}`,
      axis: 'Number of posts',
      legendStatus: (status: string, rule: string, opds: number) => `${status} (${rule}): ${count(opds, 'OPD', 'OPDs')}`,
      legendTarget: "OPD's post target",
    },
  },
} satisfies Pick<Catalogue, 'recapFile'>;
