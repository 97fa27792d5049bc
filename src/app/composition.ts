import { randomBytes } from 'node:crypto';
import type { AppDeps, AppSettings, OutboxSignal } from './deps.ts';
import { catalogues, type Locale } from './messages/catalogues.ts';
import type { Clock } from './ports/clock.port.ts';
import type { UnitOfWork } from './ports/repositories.port.ts';
import type { RecapRenderer } from './ports/recap-renderer.port.ts';

/** 128 random bits, URL-safe: unguessable, and valid as a /start deep-link payload. */
export function randomToken(): string {
  return randomBytes(16).toString('base64url');
}

/** An outbox signal to connect later: the relay is built after the use cases' deps. */
export class LateOutboxSignal implements OutboxSignal {
  private target: (() => void) | null = null;
  connect(wake: () => void): void {
    this.target = wake;
  }
  wake(): void {
    this.target?.();
  }
}

export function createAppDeps(input: {
  uow: UnitOfWork;
  clock: Clock;
  settings: AppSettings;
  recapRenderer: RecapRenderer;
  /** The language of every message (APP_LOCALE); Indonesian when omitted. */
  locale?: Locale;
  newToken?: () => string;
  outbox?: OutboxSignal;
}): AppDeps {
  return {
    uow: input.uow,
    clock: input.clock,
    settings: input.settings,
    messages: catalogues[input.locale ?? 'id'],
    newToken: input.newToken ?? randomToken,
    outbox: input.outbox ?? new LateOutboxSignal(),
    recapRenderer: input.recapRenderer,
  };
}
