import { randomBytes } from 'node:crypto';
import type { AppDeps, AppSettings } from './deps.ts';
import { id } from './messages/id.ts';
import type { Clock } from './ports/clock.port.ts';
import type { UnitOfWork } from './ports/repositories.port.ts';

/** 128 random bits, URL-safe: unguessable, and valid as a /start deep-link payload. */
export function randomToken(): string {
  return randomBytes(16).toString('base64url');
}

export function createAppDeps(input: { uow: UnitOfWork; clock: Clock; settings: AppSettings; newToken?: () => string }): AppDeps {
  return { uow: input.uow, clock: input.clock, settings: input.settings, messages: id, newToken: input.newToken ?? randomToken };
}
