import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import {
  MAX_AGENDA_LENGTH,
  MAX_CAPACITY,
  MAX_PLACE_LENGTH,
  MAX_TITLE_LENGTH,
  parseMeetupTime,
  splitPlace,
  type MeetupField,
} from '../../../domain/meetups/meetup.ts';

/** What an organiser's answer for one field changes. */
export interface MeetupDraftPatch {
  readonly title?: string;
  readonly startsAt?: Date;
  readonly endsAt?: Date;
  readonly place?: string | null;
  readonly onlineUrl?: string | null;
  readonly agenda?: string | null;
  readonly capacity?: number | null;
}

export type FieldParse = { readonly ok: true; readonly patch: MeetupDraftPatch } | { readonly ok: false; readonly error: string };

const none = z.string().trim().regex(/^(-|tidak ada|tanpa)$/i);
const titleSchema = z.string().trim().min(3).max(MAX_TITLE_LENGTH);
const placeSchema = z
  .string()
  .trim()
  .min(2)
  .max(MAX_PLACE_LENGTH + 400)
  .transform(splitPlace)
  .refine((p) => (p.place !== null || p.onlineUrl !== null) && (p.place?.length ?? 0) <= MAX_PLACE_LENGTH && (p.onlineUrl?.length ?? 0) <= 400);
const agendaSchema = z.union([none.transform(() => null), z.string().trim().min(1).max(MAX_AGENDA_LENGTH)]);
const capacitySchema = z.union([
  none.transform(() => null),
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_CAPACITY)),
]);

/** Validates one answer (from the dialogue or /kopdar … ubah); the error repeats the question's example. */
export function parseField(deps: AppDeps, field: MeetupField, text: string): FieldParse {
  const m = deps.messages.meetup;
  switch (field) {
    case 'judul': {
      const parsed = titleSchema.safeParse(text);
      return parsed.success ? { ok: true, patch: { title: parsed.data } } : { ok: false, error: m.badTitle(MAX_TITLE_LENGTH) };
    }
    case 'waktu': {
      const parsed = parseMeetupTime(text, deps.settings.timezone, deps.clock.now());
      return parsed.ok ? { ok: true, patch: { startsAt: parsed.startsAt, endsAt: parsed.endsAt } } : { ok: false, error: `${m.badTime[parsed.reason]} ${m.badTimeHint}` };
    }
    case 'tempat': {
      const parsed = placeSchema.safeParse(text);
      return parsed.success ? { ok: true, patch: parsed.data } : { ok: false, error: m.badPlace(MAX_PLACE_LENGTH) };
    }
    case 'agenda': {
      const parsed = agendaSchema.safeParse(text);
      return parsed.success ? { ok: true, patch: { agenda: parsed.data } } : { ok: false, error: m.badAgenda(MAX_AGENDA_LENGTH) };
    }
    case 'kapasitas': {
      const parsed = capacitySchema.safeParse(text);
      return parsed.success ? { ok: true, patch: { capacity: parsed.data } } : { ok: false, error: m.badCapacity(MAX_CAPACITY) };
    }
  }
}
