import type { Role } from './roles.ts';
import type { Platform } from './links/index.ts';

export interface Opd {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly active: boolean;
}

export interface Person {
  readonly id: number;
  readonly telegramId: bigint;
  readonly username: string | null;
  readonly firstName: string;
  readonly lastName: string | null;
  readonly role: Role;
  readonly opdId: number | null;
}

export interface RecordedReport {
  readonly id: number;
  readonly opdId: number;
  readonly reporterId: number;
  readonly platform: Platform;
  readonly canonicalUrl: string;
  readonly originalUrl: string;
  readonly note: string | null;
  /** The directive this post follows up, if reported with /lapor #<id>. */
  readonly directiveId: number | null;
  /** The account the link shows (lower-case, without @), when it shows one. */
  readonly accountHandle: string | null;
  /** The link shows an account that is not one of the OPD's registered official accounts on that platform. */
  readonly accountUnregistered: boolean;
  readonly createdAt: Date;
}

export function displayName(person: Pick<Person, 'firstName' | 'lastName' | 'username'>): string {
  const full = [person.firstName, person.lastName].filter((p) => p && p.trim()).join(' ').trim();
  if (full) return full;
  return person.username ? `@${person.username}` : '—';
}
