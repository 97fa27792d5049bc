/** A directive's priority: how fast it must go out and how soon silence is chased. */
export const priorities = ['biasa', 'penting', 'segera'] as const;
export type Priority = (typeof priorities)[number];

export function isPriority(value: string): value is Priority {
  return (priorities as readonly string[]).includes(value);
}

/** Who receives a directive: every OPD, named OPDs, or OPDs of given types (e.g. kecamatan). */
export type Audience =
  | { readonly kind: 'all' }
  | { readonly kind: 'opds'; readonly codes: readonly string[] }
  | { readonly kind: 'types'; readonly types: readonly string[] };

export type DirectiveStatus = 'draft' | 'sent' | 'cancelled';

export interface DirectiveOptions {
  readonly priority: Priority;
  readonly audience: Audience;
  readonly requireAck: boolean;
  readonly deadline: Date | null;
}

/** Whether an OPD (by code and type) is in the audience. */
export function inAudience(audience: Audience, opd: { readonly code: string; readonly type: string }): boolean {
  if (audience.kind === 'all') return true;
  if (audience.kind === 'opds') return audience.codes.includes(opd.code);
  return audience.types.includes(opd.type);
}

/** Hours after sending at which OPDs that have not acknowledged are reminded (null: never). */
export function reminderDelayHours(priority: Priority, delays: { readonly segera: number; readonly penting: number }): number | null {
  if (priority === 'segera') return delays.segera;
  if (priority === 'penting') return delays.penting;
  return null;
}
