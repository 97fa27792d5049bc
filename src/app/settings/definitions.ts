import { z } from 'zod';
import type { NudgePolicy } from '../../domain/nudges/ladder.ts';

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

const time = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, 'jam harus berbentuk JJ:MM, misalnya 08:00')
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
        ctx.addIssue({ code: 'custom', message: 'hari kerja ditulis dengan angka 1 (Senin) sampai 7 (Minggu), misalnya 1-5 atau 1,2,3,4,5,6' });
        return z.NEVER;
      }
      const from = Number(range[1]);
      const to = Number(range[2] ?? range[1]);
      for (let d = Math.min(from, to); d <= Math.max(from, to); d++) days.add(d);
    }
    if (days.size === 0) {
      ctx.addIssue({ code: 'custom', message: 'minimal satu hari kerja' });
      return z.NEVER;
    }
    return [...days].sort((a, b) => a - b);
  });

const threshold = z.string().trim().regex(/^\d{1,2}$/, 'harus angka 1–60').transform(Number).pipe(z.number().int().min(1, 'minimal 1').max(60, 'maksimal 60'));

const target = z
  .string()
  .trim()
  .toLowerCase()
  .transform((raw, ctx) => {
    const match = /^(\d{1,2})\s*\/\s*(hari|minggu|day|week)$/.exec(raw);
    const posts = Number(match?.[1] ?? 0);
    if (!match || posts < 1) {
      ctx.addIssue({ code: 'custom', message: 'target ditulis seperti 1/hari atau 2/minggu' });
      return z.NEVER;
    }
    return { posts, period: match[2] === 'hari' || match[2] === 'day' ? ('day' as const) : ('week' as const) };
  });

const chatId = z.string().trim().regex(/^-?\d{1,20}$/, 'ID chat harus angka').transform((v) => BigInt(v));

/** Every setting /atur knows: its key, how a value is read, and how it is shown. */
export const settingDefinitions = {
  nudge_time: { parse: time, show: (v: string) => v },
  working_days: { parse: weekdays, show: (v: string) => v },
  friendly_from: { parse: threshold, show: (v: string) => v },
  firm_from: { parse: threshold, show: (v: string) => v },
  escalate_from: { parse: threshold, show: (v: string) => v },
  posting_target: { parse: target, show: (v: string) => v },
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
};

/** Resolves effective settings: a stored value wins over the default; invalid stored values are ignored. */
export function resolveNudgeSettings(defaults: SettingDefaults, stored: ReadonlyMap<string, string>): NudgeSettings {
  const pick = <K extends SettingKey>(key: K): string | undefined => stored.get(key) ?? (key === 'community_chat_id' ? undefined : defaults[key as Exclude<SettingKey, 'community_chat_id'>]);
  const read = <K extends SettingKey>(key: K): z.output<(typeof settingDefinitions)[K]['parse']> | undefined => {
    const raw = pick(key);
    if (raw === undefined) return undefined;
    const parsed = settingDefinitions[key].parse.safeParse(raw);
    if (parsed.success) return parsed.data as z.output<(typeof settingDefinitions)[K]['parse']>;
    const fallback = key === 'community_chat_id' ? undefined : defaults[key as Exclude<SettingKey, 'community_chat_id'>];
    const again = fallback === undefined ? undefined : settingDefinitions[key].parse.safeParse(fallback);
    return again?.success ? (again.data as z.output<(typeof settingDefinitions)[K]['parse']>) : undefined;
  };
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

/** Directive defaults when the environment says nothing (LEADER_TITLE, DIRECTIVE_REMIND_*). */
export const builtInDirectiveSettings = {
  leaderTitle: 'ARAHAN BUPATI',
  remindAfterHours: { segera: 2, penting: 24 },
} as const;
