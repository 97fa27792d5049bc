import { z } from 'zod';
import type { AppSettings } from './app/deps.ts';
import { id } from './app/messages/id.ts';
import { problemText } from './app/usecases/settings.ts';
import {
  builtInDefaults,
  builtInDirectiveSettings,
  formatKpiWeights,
  formatMonthlySchedule,
  formatPlatformList,
  formatWeeklySchedule,
  settingDefinitions,
  type SettingDefaults,
} from './app/settings/definitions.ts';

/** Why each variable matters to an operator; used to build the one-line start-up error. */
const fixHints: Record<string, string> = {
  BOT_TOKEN: 'minta token bot ke @BotFather di Telegram (perintah /newbot), lalu isi BOT_TOKEN di file .env',
  TELEGRAM_API_ROOT: 'isi dengan alamat http(s) server Bot API, atau hapus agar memakai https://api.telegram.org',
  DATABASE_URL: 'pakai bentuk file:./data/kopdar.db untuk SQLite',
  SUPERADMIN_IDS: 'isi dengan ID Telegram angka, dipisah koma (cek ID Anda lewat @userinfobot)',
  APP_TIMEZONE: 'pakai nama zona waktu IANA: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)',
  APP_LOCALE: 'pilih id (bahasa Indonesia) atau en (English)',
  LOG_LEVEL: 'pilih salah satu: fatal, error, warn, info, debug, trace',
  NUDGE_TIME: 'tulis jam pengingat seperti 08:00',
  WORKING_DAYS: 'tulis hari kerja seperti 1-5 (Senin–Jumat) atau 1-6',
  POSTING_TARGET: 'tulis target seperti 1/hari atau 2/minggu',
  MANDATORY_PLATFORMS: 'tulis platform dipisah koma, misalnya instagram,facebook',
  KPI_WEIGHTS: 'tulis bobot seperti hari_aktif=30,posting=25,platform=15,konfirmasi=15,tindak_lanjut=10,kopdar=5',
  RECAP_WEEKLY: 'tulis hari dan jam seperti senin 09:00, atau mati',
  RECAP_MONTHLY: 'tulis tanggal (1–28) dan jam seperti 1 09:00, atau mati',
  LEADER_TITLE: 'isi judul arahan pimpinan, misalnya ARAHAN BUPATI',
  DIRECTIVE_REMIND_SEGERA_HOURS: 'isi jumlah jam (angka), misalnya 2',
  DIRECTIVE_REMIND_PENTING_HOURS: 'isi jumlah jam (angka), misalnya 24',
};

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'bentuknya tidak seperti token bot (angka:huruf-acak)')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'bukan alamat http(s) yang sah' }).default('https://api.telegram.org'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^file:.+/, 'harus diawali file:')
    .default('file:./data/kopdar.db'),
  SUPERADMIN_IDS: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const parts = raw.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
      const ids: bigint[] = [];
      for (const part of parts) {
        if (!/^\d{1,19}$/.test(part)) {
          ctx.addIssue({ code: 'custom', message: `"${part}" bukan ID Telegram angka` });
          return z.NEVER;
        }
        ids.push(BigInt(part));
      }
      return ids;
    }),
  APP_TIMEZONE: z.string().trim().default('Asia/Jakarta').refine(isValidTimeZone, 'zona waktu tidak dikenal'),
  APP_LOCALE: z.enum(['id', 'en']).default('id'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_GLOBAL_PER_SECOND: positiveInt(30),
  RATE_CHAT_PER_SECOND: positiveInt(1),
  RATE_CHAT_BURST: positiveInt(3),
  RATE_GROUP_PER_MINUTE: positiveInt(20),
  NUDGE_TIME: z.string().default(builtInDefaults.nudge_time).pipe(settingDefinitions.nudge_time.parse),
  WORKING_DAYS: z.string().default(builtInDefaults.working_days).pipe(settingDefinitions.working_days.parse),
  NUDGE_FRIENDLY_FROM: z.string().default(builtInDefaults.friendly_from).pipe(settingDefinitions.friendly_from.parse),
  NUDGE_FIRM_FROM: z.string().default(builtInDefaults.firm_from).pipe(settingDefinitions.firm_from.parse),
  NUDGE_ESCALATE_FROM: z.string().default(builtInDefaults.escalate_from).pipe(settingDefinitions.escalate_from.parse),
  POSTING_TARGET: z.string().default(builtInDefaults.posting_target).pipe(settingDefinitions.posting_target.parse),
  MANDATORY_PLATFORMS: z.string().default(builtInDefaults.mandatory_platforms).pipe(settingDefinitions.mandatory_platforms.parse),
  KPI_WEIGHTS: z.string().default(builtInDefaults.kpi_weights).pipe(settingDefinitions.kpi_weights.parse),
  RECAP_WEEKLY: z.string().default(builtInDefaults.weekly_recap).pipe(settingDefinitions.weekly_recap.parse),
  RECAP_MONTHLY: z.string().default(builtInDefaults.monthly_recap).pipe(settingDefinitions.monthly_recap.parse),
  LEADER_TITLE: z.string().trim().min(1).max(60).default(builtInDirectiveSettings.leaderTitle),
  DIRECTIVE_REMIND_SEGERA_HOURS: z.coerce.number().positive().max(168).default(builtInDirectiveSettings.remindAfterHours.segera),
  DIRECTIVE_REMIND_PENTING_HOURS: z.coerce.number().positive().max(168).default(builtInDirectiveSettings.remindAfterHours.penting),
});

export interface Config {
  readonly botToken: string;
  readonly telegramApiRoot: string;
  readonly databaseUrl: string;
  readonly superadminIds: readonly bigint[];
  readonly timezone: string;
  readonly logLevel: string;
  /** The language of every message users read: id (Indonesian, default) or en (English). */
  readonly locale: 'id' | 'en';
  readonly directives: {
    readonly leaderTitle: string;
    readonly remindAfterHours: { readonly segera: number; readonly penting: number };
  };
  /** Nudge settings as written in the environment; /atur may override them in the database. */
  readonly nudgeDefaults: SettingDefaults;
  readonly rateLimits: {
    readonly globalPerSecond: number;
    readonly perChatPerSecond: number;
    readonly perChatBurst: number;
    readonly perGroupPerMinute: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Empty strings count as "not set", as an operator who leaves `KEY=` in .env expects. */
function withoutBlanks(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

export interface ConfigOptions {
  /** The bot needs a token; operator commands such as `db migrate` do not. */
  readonly requireToken?: boolean;
}

/** Validates the environment. Throws ConfigError with one line naming the variable and the fix. */
export function parseConfig(env: Env, options: ConfigOptions = {}): Config {
  const result = envSchema.safeParse(withoutBlanks(env));
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'konfigurasi');
    const hint = fixHints[variable];
    throw new ConfigError(
      variable,
      `Konfigurasi ${variable} tidak valid: ${result.error.issues.length > 0 ? problemText(id, result.error) : 'tidak valid'}.${hint ? ` Cara memperbaiki: ${hint}.` : ''}`,
    );
  }
  const v = result.data;
  if (!v.BOT_TOKEN && options.requireToken !== false) {
    throw new ConfigError('BOT_TOKEN', `Konfigurasi BOT_TOKEN belum diisi. Cara memperbaiki: ${fixHints.BOT_TOKEN}.`);
  }
  return {
    botToken: v.BOT_TOKEN ?? '',
    telegramApiRoot: v.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    databaseUrl: v.DATABASE_URL,
    superadminIds: v.SUPERADMIN_IDS,
    timezone: v.APP_TIMEZONE,
    logLevel: v.LOG_LEVEL,
    locale: v.APP_LOCALE,
    directives: {
      leaderTitle: v.LEADER_TITLE,
      remindAfterHours: { segera: v.DIRECTIVE_REMIND_SEGERA_HOURS, penting: v.DIRECTIVE_REMIND_PENTING_HOURS },
    },
    nudgeDefaults: {
      nudge_time: v.NUDGE_TIME,
      working_days: v.WORKING_DAYS.join(','),
      friendly_from: String(v.NUDGE_FRIENDLY_FROM),
      firm_from: String(v.NUDGE_FIRM_FROM),
      escalate_from: String(v.NUDGE_ESCALATE_FROM),
      posting_target: `${v.POSTING_TARGET.posts}/${v.POSTING_TARGET.period === 'day' ? 'hari' : 'minggu'}`,
      mandatory_platforms: formatPlatformList(v.MANDATORY_PLATFORMS),
      kpi_weights: formatKpiWeights(v.KPI_WEIGHTS),
      weekly_recap: formatWeeklySchedule(v.RECAP_WEEKLY),
      monthly_recap: formatMonthlySchedule(v.RECAP_MONTHLY),
    },
    rateLimits: {
      globalPerSecond: v.RATE_GLOBAL_PER_SECOND,
      perChatPerSecond: v.RATE_CHAT_PER_SECOND,
      perChatBurst: v.RATE_CHAT_BURST,
      perGroupPerMinute: v.RATE_GROUP_PER_MINUTE,
    },
  };
}

/** Reads `.env` (when present) under the real environment, which wins, then validates. */
export function loadConfig(options: ConfigOptions = {}, envFile = '.env'): Config {
  try {
    process.loadEnvFile(envFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError('.env', `File ${envFile} tidak bisa dibaca: ${(error as Error).message}`);
    }
  }
  return parseConfig(process.env, options);
}

/** The part of the configuration the use cases see. */
export function appSettingsFrom(config: Config, botUsername: string): AppSettings {
  return {
    timezone: config.timezone,
    superadminIds: config.superadminIds,
    botUsername,
    nudgeDefaults: config.nudgeDefaults,
    directives: config.directives,
    rateLimits: config.rateLimits,
  };
}
