import { z } from 'zod';
import type { AppDeps, Outcome } from '../../deps.ts';
import { reply } from '../../deps.ts';
import type { DialogueRecord, OutboxEntry, Repositories } from '../../ports/repositories.port.ts';
import type { Button } from '../../reply.ts';
import { checkInCodeFrom, meetupFields, type MeetupField } from '../../../domain/meetups/meetup.ts';
import type { Person } from '../../../domain/model.ts';
import { DIALOGUE_PREFIX, saveDialogue, type DialogueFlow } from '../dialogue.ts';
import type { ActionResult } from '../directives/results.ts';
import { parseField } from './fields.ts';
import { communityChat, countsOf, meetupCard, rsvpButtons } from './render.ts';

export const MEETUP_DIALOGUE = 'meetup.create';

const draftSchema = z.object({
  title: z.string().optional(),
  startsAt: z.iso.datetime().optional(),
  endsAt: z.iso.datetime().optional(),
  place: z.string().nullable().optional(),
  onlineUrl: z.string().nullable().optional(),
  agenda: z.string().nullable().optional(),
  capacity: z.number().int().nullable().optional(),
  /** Changing one field from the summary: its answer leads back to the summary. */
  editing: z.boolean().optional(),
});
type Draft = z.infer<typeof draftSchema>;

interface CompleteDraft {
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string | null;
  readonly onlineUrl: string | null;
  readonly agenda: string | null;
  readonly capacity: number | null;
}

function complete(draft: Draft): CompleteDraft | null {
  if (draft.title === undefined || draft.startsAt === undefined || draft.endsAt === undefined) return null;
  if (draft.place === undefined || draft.agenda === undefined || draft.capacity === undefined) return null;
  return {
    title: draft.title,
    startsAt: new Date(draft.startsAt),
    endsAt: new Date(draft.endsAt),
    place: draft.place,
    onlineUrl: draft.onlineUrl ?? null,
    agenda: draft.agenda,
    capacity: draft.capacity,
  };
}

function isField(step: string): step is MeetupField {
  return (meetupFields as readonly string[]).includes(step);
}

function question(deps: AppDeps, field: MeetupField): string {
  const m = deps.messages.meetup;
  switch (field) {
    case 'judul':
      return m.askTitle;
    case 'waktu':
      return m.askTime(deps.settings.timezone);
    case 'tempat':
      return m.askPlace;
    case 'agenda':
      return m.askAgenda;
    case 'kapasitas':
      return m.askCapacity;
  }
}

const summaryButtons = (deps: AppDeps): Button[][] => [
  [
    { text: deps.messages.meetup.publishButton, callbackData: `${DIALOGUE_PREFIX}:pub` },
    { text: deps.messages.meetup.editButton, callbackData: `${DIALOGUE_PREFIX}:edit` },
    { text: deps.messages.meetup.cancelButton, callbackData: `${DIALOGUE_PREFIX}:cancel` },
  ],
];

async function adminRecipients(repos: Repositories): Promise<{ person: Person; opdId: number }[]> {
  const rows = await repos.activity.opdActivity();
  return rows.flatMap((row) => row.admins.map((person) => ({ person, opdId: row.opd.id })));
}

async function summary(deps: AppDeps, repos: Repositories, draft: CompleteDraft): Promise<Outcome> {
  const admins = await adminRecipients(repos);
  const group = (await communityChat(repos)) !== null;
  const card = meetupCard(deps, { id: 0, ...draft }, { hadir: 0, tidak: 0, mungkin: 0, waiting: 0 });
  return reply(deps.messages.meetup.summary(card.replace('#0: ', ''), admins.length, group), { buttons: summaryButtons(deps) });
}

/** /kopdar baru: opens the dialogue at its first question. */
export async function startMeetupDialogue(deps: AppDeps, actor: Person): Promise<Outcome> {
  return deps.uow.run(async (repos) => {
    await saveDialogue(deps, repos, actor.id, MEETUP_DIALOGUE, 'judul', {});
    return reply(question(deps, 'judul'));
  });
}

/** The next question after a valid answer (or the summary when all is known or one field was changed). */
async function advance(deps: AppDeps, repos: Repositories, actor: Person, draft: Draft, from: MeetupField): Promise<Outcome> {
  const done = complete(draft);
  const index = meetupFields.indexOf(from);
  const next = meetupFields[index + 1];
  if (done && (draft.editing || next === undefined)) {
    await saveDialogue(deps, repos, actor.id, MEETUP_DIALOGUE, 'summary', { ...draft, editing: false });
    return summary(deps, repos, done);
  }
  const step = next ?? 'judul';
  await saveDialogue(deps, repos, actor.id, MEETUP_DIALOGUE, step, draft);
  return reply(question(deps, step));
}

function toDraftPatch(patch: ReturnType<typeof parseField> & { ok: true }): Partial<Draft> {
  const p = patch.patch;
  return {
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.startsAt !== undefined ? { startsAt: p.startsAt.toISOString() } : {}),
    ...(p.endsAt !== undefined ? { endsAt: p.endsAt.toISOString() } : {}),
    ...(p.place !== undefined ? { place: p.place } : {}),
    ...(p.onlineUrl !== undefined ? { onlineUrl: p.onlineUrl } : {}),
    ...(p.agenda !== undefined ? { agenda: p.agenda } : {}),
    ...(p.capacity !== undefined ? { capacity: p.capacity } : {}),
  };
}

/**
 * Publishes: the meetup, one outbox row per admin (RSVP buttons) and one for the community group,
 * all in one transaction; the dialogue closes.
 */
async function publish(deps: AppDeps, repos: Repositories, actor: Person, draft: CompleteDraft): Promise<ActionResult> {
  const m = deps.messages.meetup;
  const now = deps.clock.now();
  const meetup = await repos.meetups.create({ ...draft, checkInCode: checkInCodeFrom(deps.newToken()), createdById: actor.id, at: now });
  const counts = countsOf([]);
  const card = meetupCard(deps, meetup, counts);
  const buttons = rsvpButtons(deps, meetup, counts);
  const admins = await adminRecipients(repos);
  const entries: OutboxEntry[] = admins.map((a) => ({
    chatId: a.person.telegramId,
    text: card,
    ...(buttons ? { buttons } : {}),
    kind: 'notice',
    lane: 'high',
    dedupeKey: `meetup:${meetup.id}:${a.person.telegramId}`,
  }));
  const group = await communityChat(repos);
  if (group !== null) {
    entries.push({ chatId: group, text: card, ...(buttons ? { buttons } : {}), kind: 'notice', lane: 'high', dedupeKey: `meetup:${meetup.id}:${group}` });
  }
  const ids = await repos.outbox.addAll(entries, now);
  const groupOutboxId = group !== null ? (ids.at(-1) ?? null) : null;
  if (groupOutboxId !== null) await repos.meetups.update(meetup.id, { groupOutboxId });
  await repos.dialogues.remove(actor.id);
  await repos.audit.record({ actorId: actor.id, action: 'meetup.published', subject: `meetup:${meetup.id}`, details: { recipients: entries.length }, at: now });
  return { replies: [], answer: m.publishedAnswer, editedText: m.published(card, meetup.id, meetup.checkInCode, entries.length), wakeOutbox: true };
}

/** The guided dialogue that creates a meetup: five questions, a summary, Publikasikan. */
export const meetupDialogue: DialogueFlow = {
  kind: MEETUP_DIALOGUE,
  restart: () => '/kopdar baru',
  async answer(deps, actor, dialogue: DialogueRecord, text) {
    const draft = draftSchema.safeParse(dialogue.data);
    const data: Draft = draft.success ? draft.data : {};
    return deps.uow.run(async (repos) => {
      if (!isField(dialogue.step)) {
        const done = complete(data);
        if (!done) return startMeetupDialogue(deps, actor);
        const shown = await summary(deps, repos, done);
        return { replies: [{ text: deps.messages.meetup.summaryPending }, ...shown.replies] };
      }
      const parsed = parseField(deps, dialogue.step, text);
      if (!parsed.ok) {
        // The timeout starts again: the person is answering.
        await saveDialogue(deps, repos, actor.id, MEETUP_DIALOGUE, dialogue.step, data);
        return reply(`${parsed.error}\n\n${deps.messages.dialogue.cancelHint}`);
      }
      return advance(deps, repos, actor, { ...data, ...toDraftPatch(parsed) }, dialogue.step);
    });
  },
  async button(deps, actor, dialogue, verb, arg) {
    const m = deps.messages.meetup;
    const draft = draftSchema.safeParse(dialogue.data);
    const data: Draft = draft.success ? draft.data : {};
    const done = complete(data);
    return deps.uow.run(async (repos): Promise<ActionResult> => {
      if (verb === 'cancel') {
        await repos.dialogues.remove(actor.id);
        return { replies: [], answer: m.cancelButton, editedText: deps.messages.dialogue.cancelled('/kopdar baru') };
      }
      if (!done) return { replies: [], answer: deps.messages.common.buttonExpired };
      if (verb === 'pub') {
        // A time that passed while the summary waited is asked again.
        if (done.startsAt.getTime() <= deps.clock.now().getTime()) {
          await saveDialogue(deps, repos, actor.id, MEETUP_DIALOGUE, 'waktu', { ...data, editing: true });
          return { replies: [{ text: `${m.badTime.past} ${m.badTimeHint}` }], answer: m.badTime.past.slice(0, 190) };
        }
        return publish(deps, repos, actor, done);
      }
      if (verb === 'edit') {
        await saveDialogue(deps, repos, actor.id, MEETUP_DIALOGUE, 'summary', data);
        const buttons: Button[][] = [meetupFields.map((f) => ({ text: m.fieldButton[f], callbackData: `${DIALOGUE_PREFIX}:f:${f}` }))];
        return { replies: [{ text: m.chooseField, buttons }], answer: m.chooseField };
      }
      if (verb === 'f' && arg !== null && isField(arg)) {
        await saveDialogue(deps, repos, actor.id, MEETUP_DIALOGUE, arg, { ...data, editing: true });
        return { replies: [{ text: question(deps, arg) }], answer: m.fieldButton[arg] };
      }
      return { replies: [], answer: deps.messages.common.buttonExpired };
    });
  },
};
