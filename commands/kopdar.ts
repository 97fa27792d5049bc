import { z } from 'zod';
import { defineAction, defineCommand } from './spec.ts';
import { dialogues } from './dialogues.ts';
import { reply } from '../src/app/deps.ts';
import { DIALOGUE_PREFIX, dialogueButton } from '../src/app/usecases/dialogue.ts';
import { startMeetupDialogue } from '../src/app/usecases/meetups/create.ts';
import { checkIn } from '../src/app/usecases/meetups/checkin.ts';
import { cancelMeetup, editMeetup } from '../src/app/usecases/meetups/manage.ts';
import { MEETUP_PREFIX } from '../src/app/usecases/meetups/render.ts';
import { answerRsvp } from '../src/app/usecases/meetups/rsvp.ts';
import { listMeetups, meetupCode, meetupStatus } from '../src/app/usecases/meetups/status.ts';
import { isRsvpAnswer, meetupFields, type MeetupField } from '../src/domain/meetups/meetup.ts';

type KopdarArgs =
  | { readonly verb: 'list' }
  | { readonly verb: 'new' }
  | { readonly verb: 'show' | 'code'; readonly id: number }
  | { readonly verb: 'edit'; readonly id: number; readonly field: MeetupField; readonly value: string }
  | { readonly verb: 'editUsage' | 'cancelUsage'; readonly id: number }
  | { readonly verb: 'cancel'; readonly id: number; readonly reason: string };

const isField = (word: string): word is MeetupField => (meetupFields as readonly string[]).includes(word);

/** /kopdar [baru | NOMOR [kode | ubah BAGIAN NILAI | batal ALASAN]]. */
const kopdarArgs = z
  .object({ text: z.string() })
  .transform(({ text }, ctx): KopdarArgs => {
    const trimmed = text.trim();
    if (trimmed === '') return { verb: 'list' };
    if (/^baru$/i.test(trimmed)) return { verb: 'new' };
    const match = /^#?(\d{1,9})(?:\s+(\S+)([\s\S]*))?$/.exec(trimmed);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'bad' });
      return z.NEVER;
    }
    const id = Number(match[1]);
    const verb = (match[2] ?? '').toLowerCase();
    const rest = (match[3] ?? '').trim();
    if (verb === '') return { verb: 'show', id };
    if (verb === 'kode') return { verb: 'code', id };
    if (verb === 'batal') return rest ? { verb: 'cancel', id, reason: rest } : { verb: 'cancelUsage', id };
    if (verb === 'ubah') {
      const [, field = '', value = ''] = /^(\S+)\s*([\s\S]*)$/.exec(rest) ?? [];
      const word = field.toLowerCase();
      return isField(word) && value.trim() ? { verb: 'edit', id, field: word, value: value.trim() } : { verb: 'editUsage', id };
    }
    ctx.addIssue({ code: 'custom', message: 'bad' });
    return z.NEVER;
  });

/** /kopdar: list and details for everyone registered; create, code, edit, cancel for superadmins. */
export const kopdar = defineCommand({
  name: 'kopdar',
  roles: ['superadmin', 'leader', 'admin'],
  chats: ['private'],
  help: (m, role) => (role === 'superadmin' ? m.commands.kopdarSuperadmin : m.commands.kopdar),
  usage: (m) => m.meetup.usage,
  args: kopdarArgs,
  async run(ctx, args, deps) {
    const m = deps.messages.meetup;
    if (args.verb === 'list') return listMeetups(deps, ctx.actor);
    if (args.verb === 'show') return meetupStatus(deps, ctx.actor, args.id);
    if (ctx.actor.role !== 'superadmin') return reply(m.superadminOnly);
    switch (args.verb) {
      case 'new':
        return startMeetupDialogue(deps, ctx.actor);
      case 'code':
        return meetupCode(deps, args.id);
      case 'edit':
        return editMeetup(deps, ctx.actor, args.id, args.field, args.value);
      case 'editUsage':
        return reply(m.editUsage(args.id));
      case 'cancelUsage':
        return reply(m.cancelUsage(args.id));
      case 'cancel':
        return cancelMeetup(deps, ctx.actor, args.id, args.reason);
    }
  },
});

/** /hadir <kode>: check in at a meetup. */
export const hadir = defineCommand({
  name: 'hadir',
  roles: ['admin', 'superadmin', 'leader'],
  chats: ['private'],
  help: (m) => m.commands.hadir,
  usage: (m) => m.meetup.checkInUsage,
  args: z.object({ text: z.string().trim().regex(/^[A-Za-z0-9]{4,12}$/) }),
  run: (ctx, args, deps) => checkIn(deps, ctx.actor, args.text),
});

/** Hadir / Tidak hadir / Mungkin under a meetup ("k:<id>:<answer>"), in private chats and the group. */
export const rsvpButtons = defineAction({
  prefix: MEETUP_PREFIX,
  roles: ['admin', 'superadmin', 'leader'],
  data: z
    .string()
    .regex(new RegExp(`^${MEETUP_PREFIX}:\\d{1,9}:[a-z]+$`))
    .transform((data) => {
      const [, id = '0', answer = ''] = data.split(':');
      return { id: Number(id), answer };
    }),
  run: (ctx, { id, answer }, deps) =>
    isRsvpAnswer(answer) ? answerRsvp(deps, ctx.actor, id, answer, ctx.chat.kind === 'group') : Promise.resolve({ replies: [], answer: deps.messages.common.buttonExpired }),
});

/** The buttons of a guided dialogue ("dlg:<verb>[:<arg>]"). */
export const dialogueButtons = defineAction({
  prefix: DIALOGUE_PREFIX,
  roles: ['admin', 'superadmin', 'leader'],
  data: z
    .string()
    .regex(new RegExp(`^${DIALOGUE_PREFIX}:[a-z]{1,10}(:[a-z]{1,12})?$`))
    .transform((data) => {
      const [, verb = '', arg] = data.split(':');
      return { verb, arg: arg ?? null };
    }),
  run: (ctx, { verb, arg }, deps) => dialogueButton(deps, ctx.actor, verb, arg, dialogues),
});
