import type { Catalogue } from './messages/id.ts';
import type { Clock } from './ports/clock.port.ts';
import type { RecapRenderer } from './ports/recap-renderer.port.ts';
import type { UnitOfWork } from './ports/repositories.port.ts';
import type { Reply } from './reply.ts';
import type { Role } from '../domain/roles.ts';
import type { RateLimits, SettingDefaults } from './settings/definitions.ts';

export interface AppSettings {
  readonly timezone: string;
  readonly superadminIds: readonly bigint[];
  /** The bot's @username without @, known after getMe; used in deep links. */
  readonly botUsername: string;
  /** Nudge settings from the environment (defaults for /atur). */
  readonly nudgeDefaults: SettingDefaults;
  readonly directives: {
    /** How a leader's directive is titled, e.g. "ARAHAN BUPATI". */
    readonly leaderTitle: string;
    readonly remindAfterHours: { readonly segera: number; readonly penting: number };
  };
  /** Shown by /atur (read-only: they live in .env). */
  readonly rateLimits: RateLimits;
}

/** Lets a use case ask for committed outbox rows to go out now (the relay connects to it). */
export interface OutboxSignal {
  wake(): void;
}

/** What every use case may depend on; built once in main.ts (and in tests with fakes). */
export interface AppDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly messages: Catalogue;
  readonly settings: AppSettings;
  /** An unguessable token for invitations (random in production, predictable in tests). */
  readonly newToken: () => string;
  readonly outbox: OutboxSignal;
  /** Makes the workbook, chart and CSV of a recap. */
  readonly recapRenderer: RecapRenderer;
}

export interface RoleChange {
  readonly telegramId: bigint;
  readonly role: Role;
}

/** What a use case hands back: messages to send, and whose command menu must change. */
export interface Outcome {
  readonly replies: readonly Reply[];
  readonly roleChanges?: readonly RoleChange[];
  /** Outbox rows were written: wake the outbox once the surrounding transaction committed. */
  readonly wakeOutbox?: boolean;
}

export const reply = (text: string, extra: Omit<Reply, 'text'> = {}): Outcome => ({ replies: [{ text, ...extra }] });
