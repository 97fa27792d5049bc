import { z } from 'zod';
import type { NudgePolicy } from '../../domain/nudges/ladder.ts';
import { platforms, type Platform } from '../../domain/links/types.ts';
import { platformFromName } from '../../domain/links/platform-names.ts';
import { defaultMandatoryPlatforms } from '../../domain/official-accounts.ts';
import { defaultKpiWeights, formatKpiWeights, parseKpiWeights, type KpiWeights } from '../../domain/recap/kpi.ts';

/** Settings of the nudge loop, from the environment's defaults overridden by /atur. */
export interface NudgeSettings {
  /** "HH:MM" in APP_TIMEZONE. */
  readonly nudgeTime: string;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  readonly workingDays: readonly number[];
  readonly policy: NudgePolicy;
  /** The community group that receives the daily digest, once bound with /hubungkan komunitas. */
  readonly communityChatId: bigint | null;
}

/**
 * Why a setting's value was refused, as a code: the words come from the message catalogue
 * (settings.problem), in the user's language; `params.value` carries the offending word.
 */
export type SettingProblem =
  | 'time'
  | 'weekdays'
  | 'weekdaysEmpty'
  | 'threshold'
  | 'target'
  | 'platform'
  | 'weightsZero'
  | 'weightsUnknown'
  | 'weightsSyntax'
  | 'weekly'
  | 'monthly'
  | 'chatId';

const settingProblems: readonly SettingProblem[] = ['time', 'weekdays', 'weekdaysEmpty', 'threshold', 'target', 'platform', 'weightsZero', 'weightsUnknown', 'weightsSyntax', 'weekly', 'monthly', 'chatId'];

export function isSettingProblem(value: unknown): value is SettingProblem {
  return typeof value === 'string' && (settingProblems as readonly string[]).includes(value);
}

const problem = (code: SettingProblem): string => code;
const settingProblem = problem;

const time = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, problem('time'))
  .transform((t) => {
    const [h = '0', m = '0'] = t.split(/[:.]/);
    return `${h.padStart(2, '0')}:${m}`;
  });

const weekdays = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const days = new Set<number>();
    for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
      const range = /^([1-7])(?:-([1-7]))?$/.exec(part);
      if (!range) {
        ctx.addIssue({ code: 'custom', message: problem('weekdays') });
        return z.NEVER;
      }
      const from = Number(range[1]);
      const to = Number(range[2] ?? range[1]);
      for (let d = Math.min(from, to); d <= Math.max(from, to); d++) days.add(d);
    }
    if (days.size === 0) {
      ctx.addIssue({ code: 'custom', message: problem('weekdaysEmpty') });
      return z.NEVER;
    }
    return [...days].sort((a, b) => a - b);
  });

const threshold = z.string().trim().regex(/^\d{1,2}$/, problem('threshold')).transform(Number).pipe(z.number().int().min(1, problem('threshold')).max(60, problem('threshold')));

const target = z
  .string()
  .trim()
  .toLowerCase()
  .transform((raw, ctx) => {
    const match = /^(\d{1,2})\s*\/\s*(hari|minggu|day|week)$/.exec(raw);
    const posts = Number(match?.[1] ?? 0);
    if (!match || posts < 1) {
      ctx.addIssue({ code: 'custom', message: problem('target') });
      return z.NEVER;
    }
    return { posts, period: match[2] === 'hari' || match[2] === 'day' ? ('day' as const) : ('week' as const) };
  });

const platformList = z
  .string()
  .trim()
  .toLowerCase()
  .transform((raw, ctx) => {
    if (['-', 'tidak_ada', 'tidak ada', 'none'].includes(raw)) return [];
    const chosen = new Set<Platform>();
    for (const word of raw.split(/[,\s]+/).filter(Boolean)) {
      const platform = platformFromName(word);
      if (!platform) {
        ctx.addIssue({ code: 'custom', message: problem('platform'), params: { value: word } });
        return z.NEVER;
      }
      chosen.add(platform);
    }
    return platforms.filter((p) => chosen.has(p));
  });

const kpiWeights = z.string().transform((raw, ctx) => {
  const parsed = parseKpiWeights(raw);
  if ('weights' in parsed) return parsed.weights;
  const problem = parsed.problem;
  ctx.addIssue(
    problem.kind === 'allZero'
      ? { code: 'custom', message: settingProblem('weightsZero') }
      : problem.kind === 'unknown'
        ? { code: 'custom', message: settingProblem('weightsUnknown'), params: { value: problem.name } }
        : { code: 'custom', message: settingProblem('weightsSyntax'), params: { value: problem.part } },
  );
  return z.NEVER;
});

const weekdayNames = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'];

/** When an automatic recap goes out: null when switched off ("mati"). */
export interface WeeklySchedule {
  /** ISO weekday, 1 = Monday. */
  readonly weekday: number;
  readonly time: string;
}
export interface MonthlySchedule {
  /** Day of the month, 1–28 (every month has it). */
  readonly day: number;
  readonly time: string;
}

const off = (raw: string) => ['mati', 'off', 'tidak', '-'].includes(raw.trim().toLowerCase());

const weeklySchedule = z.string().transform((raw, ctx): WeeklySchedule | null => {
  if (off(raw)) return null;
  const [dayWord = '', timeWord = '09:00'] = raw.trim().toLowerCase().split(/\s+/);
  const index = weekdayNames.indexOf(dayWord.replace("'", ''));
  const weekday = index >= 0 ? index + 1 : /^[1-7]$/.test(dayWord) ? Number(dayWord) : 0;
  const parsedTime = time.safeParse(timeWord);
  if (weekday === 0 || !parsedTime.success) {
    ctx.addIssue({ code: 'custom', message: problem('weekly') });
    return z.NEVER;
  }
  return { weekday, time: parsedTime.data };
});

const monthlySchedule = z.string().transform((raw, ctx): MonthlySchedule | null => {
  if (off(raw)) return null;
  const [dayWord = '', timeWord = '09:00'] = raw.trim().toLowerCase().split(/\s+/);
  const day = /^\d{1,2}$/.test(dayWord) ? Number(dayWord) : 0;
  const parsedTime = time.safeParse(timeWord);
  if (day < 1 || day > 28 || !parsedTime.success) {
    ctx.addIssue({ code: 'custom', message: problem('monthly') });
    return z.NEVER;
  }
  return { day, time: parsedTime.data };
});

export const formatWeeklySchedule = (s: WeeklySchedule | null): string => (s ? `${weekdayNames[s.weekday - 1] ?? 'senin'} ${s.time}` : 'mati');
export const formatMonthlySchedule = (s: MonthlySchedule | null): string => (s ? `${s.day} ${s.time}` : 'mati');
export const formatPlatformList = (list: readonly Platform[]): string => (list.length === 0 ? '-' : list.join(','));
export { formatKpiWeights };

const chatId = z.string().trim().regex(/^-?\d{1,20}$/, problem('chatId')).transform((v) => BigInt(v));

/** Every setting /atur knows: its key, how a value is read, and how it is shown. */
export const settingDefinitions = {
  nudge_time: { parse: time, show: (v: string) => v },
  working_days: { parse: weekdays, show: (v: string) => v },
  friendly_from: { parse: threshold, show: (v: string) => v },
  firm_from: { parse: threshold, show: (v: string) => v },
  escalate_from: { parse: threshold, show: (v: string) => v },
  posting_target: { parse: target, show: (v: string) => v },
  mandatory_platforms: { parse: platformList, show: (v: string) => v },
  kpi_weights: { parse: kpiWeights, show: (v: string) => v },
  weekly_recap: { parse: weeklySchedule, show: (v: string) => v },
  monthly_recap: { parse: monthlySchedule, show: (v: string) => v },
  community_chat_id: { parse: chatId, show: (v: string) => v },
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return key in settingDefinitions;
}

/** Raw default values (strings, as in .env) for every setting that has one. */
export type SettingDefaults = Readonly<Record<Exclude<SettingKey, 'community_chat_id'>, string>>;

export const builtInDefaults: SettingDefaults = {
  nudge_time: '08:00',
  working_days: '1-5',
  friendly_from: '1',
  firm_from: '3',
  escalate_from: '7',
  posting_target: '1/hari',
  mandatory_platforms: 'instagram,facebook',
  kpi_weights: formatKpiWeights(defaultKpiWeights),
  weekly_recap: 'senin 09:00',
  monthly_recap: '1 09:00',
};

type SettingValue<K extends SettingKey> = z.output<(typeof settingDefinitions)[K]['parse']>;

/** A setting's effective value: a stored value wins over the default; an invalid stored value is ignored. */
function settingReader(defaults: SettingDefaults, stored: ReadonlyMap<string, string>) {
  const fallbackOf = (key: SettingKey): string | undefined => (key === 'community_chat_id' ? undefined : defaults[key]);
  return <K extends SettingKey>(key: K): SettingValue<K> | undefined => {
    const raw = stored.get(key) ?? fallbackOf(key);
    if (raw === undefined) return undefined;
    const parsed = settingDefinitions[key].parse.safeParse(raw);
    if (parsed.success) return parsed.data as SettingValue<K>;
    const fallback = fallbackOf(key);
    const again = fallback === undefined ? undefined : settingDefinitions[key].parse.safeParse(fallback);
    return again?.success ? (again.data as SettingValue<K>) : undefined;
  };
}

/** Resolves effective nudge settings. */
export function resolveNudgeSettings(defaults: SettingDefaults, stored: ReadonlyMap<string, string>): NudgeSettings {
  const read = settingReader(defaults, stored);
  return {
    nudgeTime: read('nudge_time') ?? '08:00',
    workingDays: read('working_days') ?? [1, 2, 3, 4, 5],
    policy: {
      friendlyFrom: read('friendly_from') ?? 1,
      firmFrom: read('firm_from') ?? 3,
      escalateFrom: read('escalate_from') ?? 7,
      target: read('posting_target') ?? { posts: 1, period: 'day' },
    },
    communityChatId: read('community_chat_id') ?? null,
  };
}

/** Settings of recaps and KPI, from the environment's defaults overridden by /atur. */
export interface RecapSettings {
  readonly mandatoryPlatforms: readonly Platform[];
  readonly weights: KpiWeights;
  readonly weekly: WeeklySchedule | null;
  readonly monthly: MonthlySchedule | null;
}

export function resolveRecapSettings(defaults: SettingDefaults, stored: ReadonlyMap<string, string>): RecapSettings {
  const read = settingReader(defaults, stored);
  const weekly = read('weekly_recap');
  const monthly = read('monthly_recap');
  return {
    mandatoryPlatforms: read('mandatory_platforms') ?? defaultMandatoryPlatforms,
    weights: read('kpi_weights') ?? defaultKpiWeights,
    weekly: weekly === undefined ? { weekday: 1, time: '09:00' } : weekly,
    monthly: monthly === undefined ? { day: 1, time: '09:00' } : monthly,
  };
}

/** Directive defaults when the environment says nothing (LEADER_TITLE, DIRECTIVE_REMIND_*). */
export const builtInDirectiveSettings = {
  leaderTitle: 'ARAHAN BUPATI',
  remindAfterHours: { segera: 2, penting: 24 },
} as const;

/** Outgoing message limits (RATE_* in .env; Telegram's own limits by default). Read-only in chat. */
export interface RateLimits {
  readonly globalPerSecond: number;
  readonly perChatPerSecond: number;
  readonly perChatBurst: number;
  readonly perGroupPerMinute: number;
}

export const builtInRateLimits: RateLimits = { globalPerSecond: 30, perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20 };
