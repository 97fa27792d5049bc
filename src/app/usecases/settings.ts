import type { z } from 'zod';
import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { Repositories, StoredSetting } from '../ports/repositories.port.ts';
import {
  isSettingProblem,
  formatKpiWeights,
  formatMonthlySchedule,
  formatPlatformList,
  formatWeeklySchedule,
  resolveNudgeSettings,
  resolveRecapSettings,
  settingDefinitions,
  type NudgeSettings,
  type RecapSettings,
  type SettingDefaults,
} from '../settings/definitions.ts';
import type { Catalogue } from '../messages/id.ts';
import { displayName, type Person } from '../../domain/model.ts';
import { compactWeekdays } from '../../domain/calendar/weekdays.ts';
import { LEADERS_CHAT_KEY } from './community.ts';

/** The settings /atur may change (the community group is bound with /hubungkan komunitas). */
export type EditableSettingKey = keyof SettingDefaults;

/** Indonesian names used in chat, mapped to the stored keys, in the order /atur shows them. */
export const chatSettingKeys = {
  jam: 'nudge_time',
  hari_kerja: 'working_days',
  ramah: 'friendly_from',
  tegas: 'firm_from',
  eskalasi: 'escalate_from',
  target: 'posting_target',
  platform_wajib: 'mandatory_platforms',
  bobot_kpi: 'kpi_weights',
  rekap_mingguan: 'weekly_recap',
  rekap_bulanan: 'monthly_recap',
} as const satisfies Record<string, EditableSettingKey>;

export type ChatSettingKey = keyof typeof chatSettingKeys;

const chatKeyOf = Object.fromEntries(Object.entries(chatSettingKeys).map(([chat, key]) => [key, chat])) as Record<EditableSettingKey, ChatSettingKey>;

/** Finds the setting a word names: a chat name (jam, hari_kerja …) or a stored key (nudge_time …). */
export function settingKeyFor(word: string): EditableSettingKey | 'community' | 'timezone' | null {
  const w = word.trim().toLowerCase().replace(/-/g, '_');
  if (w in chatSettingKeys) return chatSettingKeys[w as ChatSettingKey];
  if (w in chatKeyOf) return w as EditableSettingKey;
  if (['komunitas', 'grup', 'grup_komunitas', 'community_chat_id'].includes(w)) return 'community';
  if (['zona', 'zona_waktu', 'timezone', 'app_timezone'].includes(w)) return 'timezone';
  return null;
}

/** The effective nudge settings: values stored with /atur over the environment's defaults. */
export async function loadNudgeSettings(deps: AppDeps): Promise<NudgeSettings> {
  return deps.uow.run((repos) => readNudgeSettings(repos, deps.settings.nudgeDefaults));
}

/** The same, inside a transaction the caller already holds. */
export async function readNudgeSettings(repos: Repositories, defaults: SettingDefaults): Promise<NudgeSettings> {
  return resolveNudgeSettings(defaults, storedMap(await repos.settings.all()));
}

/** The effective nudge and recap settings, read once, inside a transaction the caller holds. */
export async function readSettings(repos: Repositories, defaults: SettingDefaults): Promise<Effective> {
  return effectiveSettings(defaults, storedMap(await repos.settings.all()));
}

function storedMap(rows: readonly StoredSetting[]): Map<string, string> {
  return new Map(rows.map((r) => [r.key, r.value]));
}

type Normalised = { readonly value: string } | { readonly problem: string };

/** The first reason a value was refused, in the catalogue's words. */
export function problemText(m: Catalogue, error: z.ZodError): string {
  const issue = error.issues[0];
  const code = issue?.message;
  const value = issue && 'params' in issue && typeof issue.params?.value === 'string' ? issue.params.value : '';
  if (isSettingProblem(code)) return m.settings.problem[code](value);
  return code ?? m.settings.problem.unknown;
}

/** Validates a value with the setting's parser and returns the canonical form to store. */
export function normaliseSetting(m: Catalogue, key: EditableSettingKey, raw: string): Normalised {
  switch (key) {
    case 'nudge_time': {
      const r = settingDefinitions.nudge_time.parse.safeParse(raw);
      return r.success ? { value: r.data } : { problem: problemText(m, r.error) };
    }
    case 'working_days': {
      const r = settingDefinitions.working_days.parse.safeParse(raw);
      return r.success ? { value: compactWeekdays(r.data) } : { problem: problemText(m, r.error) };
    }
    case 'friendly_from':
    case 'firm_from':
    case 'escalate_from': {
      const r = settingDefinitions[key].parse.safeParse(raw);
      return r.success ? { value: String(r.data) } : { problem: problemText(m, r.error) };
    }
    case 'posting_target': {
      const r = settingDefinitions.posting_target.parse.safeParse(raw);
      return r.success ? { value: `${r.data.posts}/${r.data.period === 'day' ? 'hari' : 'minggu'}` } : { problem: problemText(m, r.error) };
    }
    case 'mandatory_platforms': {
      const r = settingDefinitions.mandatory_platforms.parse.safeParse(raw);
      return r.success ? { value: formatPlatformList(r.data) } : { problem: problemText(m, r.error) };
    }
    case 'kpi_weights': {
      const r = settingDefinitions.kpi_weights.parse.safeParse(raw);
      return r.success ? { value: formatKpiWeights(r.data) } : { problem: problemText(m, r.error) };
    }
    case 'weekly_recap': {
      const r = settingDefinitions.weekly_recap.parse.safeParse(raw);
      return r.success ? { value: formatWeeklySchedule(r.data) } : { problem: problemText(m, r.error) };
    }
    case 'monthly_recap': {
      const r = settingDefinitions.monthly_recap.parse.safeParse(raw);
      return r.success ? { value: formatMonthlySchedule(r.data) } : { problem: problemText(m, r.error) };
    }
  }
}

export interface Effective {
  readonly nudge: NudgeSettings;
  readonly recap: RecapSettings;
}

function effectiveSettings(defaults: SettingDefaults, stored: ReadonlyMap<string, string>): Effective {
  return { nudge: resolveNudgeSettings(defaults, stored), recap: resolveRecapSettings(defaults, stored) };
}

/** How an effective value reads in chat. */
function shown(m: Catalogue, key: EditableSettingKey, effective: Effective): string {
  const s = effective.nudge;
  const r = effective.recap;
  switch (key) {
    case 'nudge_time':
      return m.settings.value.time(s.nudgeTime);
    case 'working_days':
      return m.settings.value.weekdays(s.workingDays, compactWeekdays(s.workingDays));
    case 'friendly_from':
      return m.settings.value.threshold(s.policy.friendlyFrom);
    case 'firm_from':
      return m.settings.value.threshold(s.policy.firmFrom);
    case 'escalate_from':
      return m.settings.value.threshold(s.policy.escalateFrom);
    case 'posting_target':
      return m.settings.value.target(s.policy.target.posts, s.policy.target.period);
    case 'mandatory_platforms':
      return m.settings.value.platforms(r.mandatoryPlatforms);
    case 'kpi_weights':
      return m.settings.value.weights(r.weights);
    case 'weekly_recap':
      return m.settings.value.weekly(r.weekly);
    case 'monthly_recap':
      return m.settings.value.monthly(r.monthly);
  }
}

const ladderOrdered = ({ nudge: s }: Effective): boolean => s.policy.friendlyFrom < s.policy.firmFrom && s.policy.firmFrom < s.policy.escalateFrom;

const editableKeys = Object.values(chatSettingKeys);

/** /atur without arguments: every setting, its value and where the value comes from. */
export async function showSettings(deps: AppDeps): Promise<Outcome> {
  const m = deps.messages;
  const tz = deps.settings.timezone;
  const { rows, authors, effective } = await deps.uow.run(async (repos) => {
    const stored = await repos.settings.all();
    const ids = [...new Set(stored.map((r) => r.updatedById).filter((v): v is number => v !== null))];
    const people = await Promise.all(ids.map((pid) => repos.users.findById(pid)));
    return {
      rows: new Map(stored.map((r) => [r.key, r])),
      authors: new Map(people.filter((p): p is Person => p !== null).map((p) => [p.id, displayName(p)])),
      effective: effectiveSettings(deps.settings.nudgeDefaults, storedMap(stored)),
    };
  });
  const entries = editableKeys.map((key) => {
    const row = rows.get(key);
    const source = !row
      ? m.settings.sourceDefault
      : 'problem' in normaliseSetting(m, key, row.value)
        ? m.settings.sourceInvalid
        : m.settings.sourceChanged(row.updatedById === null ? null : (authors.get(row.updatedById) ?? null), deps.messages.format.dateTime(row.updatedAt, tz));
    return m.settings.entry(m.settings.label[key], chatKeyOf[key], shown(m, key, effective), source);
  });
  const community = rows.get('community_chat_id');
  const leaders = rows.get(LEADERS_CHAT_KEY);
  const { leaderTitle, remindAfterHours } = deps.settings.directives;
  const parts = [
    m.settings.header,
    ...entries,
    m.settings.community(effective.nudge.communityChatId?.toString() ?? null) + (community && effective.nudge.communityChatId !== null ? m.settings.communitySource(deps.messages.format.dateTime(community.updatedAt, tz)) : ''),
    m.settings.leaders(leaders?.value ?? null),
    m.settings.directives(leaderTitle, remindAfterHours.segera, remindAfterHours.penting),
    m.settings.limits(deps.settings.rateLimits),
    m.settings.timezone(tz),
    ...(ladderOrdered(effective) ? [] : [m.settings.ladderWarning]),
    m.settings.footer,
  ];
  return reply(parts.join('\n\n'));
}

/**
 * /atur <key> <value>: validates, checks the ladder stays ordered over the effective values,
 * stores and audits. Nothing is stored when anything is wrong.
 */
export async function changeSetting(deps: AppDeps, actor: Person, word: string, rawValue: string): Promise<Outcome> {
  const m = deps.messages;
  const key = settingKeyFor(word);
  if (key === null) return reply(m.settings.unknownKey(word));
  if (key === 'community') return reply(m.settings.communityReadOnly);
  if (key === 'timezone') return reply(m.settings.timezoneReadOnly);
  const chatKey = chatKeyOf[key];
  const value = rawValue.trim();
  if (!value) return reply(m.settings.missingValue(chatKey, m.settings.example[key]));
  const tz = deps.settings.timezone;
  const defaults = deps.settings.nudgeDefaults;
  const reset = /^(bawaan|default)$/i.test(value);
  const normalised = reset ? null : normaliseSetting(m, key, value);
  if (normalised && 'problem' in normalised) return reply(m.settings.invalidValue(chatKey, normalised.problem, m.settings.example[key]));

  return deps.uow.run(async (repos) => {
    const stored = storedMap(await repos.settings.all());
    const before = effectiveSettings(defaults, stored);
    const label = m.settings.label[key];
    if (reset && !stored.has(key)) return reply(m.settings.alreadyDefault(label, shown(m, key, before)));
    const next = new Map(stored);
    if (normalised) next.set(key, normalised.value);
    else next.delete(key);
    const after = effectiveSettings(defaults, next);
    if (!ladderOrdered(after)) return reply(m.settings.ladderOrder(after.nudge.policy.friendlyFrom, after.nudge.policy.firmFrom, after.nudge.policy.escalateFrom));
    const now = deps.clock.now();
    if (normalised) {
      if (stored.get(key) === normalised.value) return reply(m.settings.unchanged(label, shown(m, key, after)));
      await repos.settings.set(key, normalised.value, actor.id, now);
      await repos.audit.record({ actorId: actor.id, action: 'setting.changed', subject: `setting:${key}`, details: { from: stored.get(key) ?? null, to: normalised.value }, at: now });
      return reply(m.settings.changed(label, shown(m, key, after), shown(m, key, before)));
    }
    await repos.settings.remove(key);
    await repos.audit.record({ actorId: actor.id, action: 'setting.reset', subject: `setting:${key}`, details: { from: stored.get(key) ?? null, to: defaults[key] }, at: now });
    return reply(m.settings.reset(label, shown(m, key, after)));
  });
}
