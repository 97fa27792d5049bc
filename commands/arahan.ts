import { z } from 'zod';
import { defineAction, defineCommand } from './spec.ts';
import { wordArgs } from './args.ts';
import { composeDirective } from '../src/app/usecases/directives/compose.ts';
import { DIRECTIVE_PREFIX } from '../src/app/usecases/directives/render.ts';
import { cancelDirective, sendDirective, updateDraft } from '../src/app/usecases/directives/send.ts';
import { acknowledgeDirective, askAboutDirective, explainFollowUp, explainQuestion } from '../src/app/usecases/directives/respond.ts';
import { directiveStatus, listDirectives } from '../src/app/usecases/directives/status.ts';
import { isPriority } from '../src/domain/directives/directive.ts';

/** /arahan [options] text — or as a reply to a photo, video or document. */
export const arahan = defineCommand({
  name: 'arahan',
  roles: ['superadmin', 'leader'],
  chats: ['private'],
  help: (m) => m.commands.arahan,
  usage: (m) => m.directive.usage,
  args: z.object({ text: z.string(), replyMedia: z.object({ kind: z.enum(['photo', 'video', 'document']), fileId: z.string().min(1) }).nullable().optional() }),
  run: (ctx, args, deps) => composeDirective(deps, ctx.actor, { text: args.text, media: args.replyMedia ?? null }),
});

const directiveNumber = z.string().regex(/^#?\d{1,9}$/).transform((w) => Number(w.replace('#', '')));

/** /status_arahan [id]: delivery, acknowledgement and follow-up per OPD. */
export const statusArahan = defineCommand({
  name: 'status_arahan',
  roles: ['superadmin', 'leader'],
  chats: ['private'],
  help: (m) => m.commands.statusArahan,
  usage: (m) => m.directive.statusUsage,
  args: wordArgs(z.union([z.tuple([]).transform(() => null), z.tuple([directiveNumber]).transform(([id]) => id)])),
  run: (_ctx, id, deps) => directiveStatus(deps, id),
});

/** /arahan_list: recent directives. */
export const arahanList = defineCommand({
  name: 'arahan_list',
  roles: ['superadmin', 'leader'],
  chats: ['private'],
  help: (m) => m.commands.arahanList,
  usage: (m) => m.commands.arahanList.description,
  args: z.object({ text: z.string() }),
  run: (_ctx, _args, deps) => listDirectives(deps),
});

/** /tanya <id> <question>: a question about a directive, forwarded to its author. */
export const tanya = defineCommand({
  name: 'tanya',
  roles: ['admin'],
  chats: ['private'],
  help: (m) => m.commands.tanya,
  usage: (m) => m.directive.tanyaUsage,
  args: z
    .object({ text: z.string() })
    .transform(({ text }) => /^#?(\d{1,9})\s+([\s\S]{2,1000})$/.exec(text.trim()))
    .pipe(z.custom<RegExpExecArray>((v) => v !== null))
    .transform((match) => ({ id: Number(match[1]), question: (match[2] ?? '').trim() })),
  run: (ctx, args, deps) => askAboutDirective(deps, ctx.actor, args.id, args.question),
});

const actionData = z
  .string()
  .regex(new RegExp(`^${DIRECTIVE_PREFIX}:(ack|ask|fu|send|cancel|tack|prio):\\d{1,9}(:[a-z]+)?$`))
  .transform((data) => {
    const [, verb = '', id = '0', extra] = data.split(':');
    return { verb, id: Number(id), extra: extra ?? null };
  });

/** Every button on a directive and its preview. */
export const directiveButtons = defineAction({
  prefix: DIRECTIVE_PREFIX,
  roles: ['superadmin', 'leader', 'admin'],
  data: actionData,
  async run(ctx, { verb, id, extra }, deps) {
    const authoring = ctx.actor.role === 'superadmin' || ctx.actor.role === 'leader';
    switch (verb) {
      case 'ack':
        return acknowledgeDirective(deps, ctx.actor, id, ctx.messageIsMedia);
      case 'ask':
        return explainQuestion(deps, id);
      case 'fu':
        return explainFollowUp(deps, id);
      case 'send':
        return authoring ? sendDirective(deps, ctx.actor, id) : { replies: [], answer: deps.messages.directive.notYours };
      case 'cancel':
        return authoring ? cancelDirective(deps, ctx.actor, id) : { replies: [], answer: deps.messages.directive.notYours };
      case 'tack':
        return authoring ? updateDraft(deps, ctx.actor, id, { toggleAck: true }) : { replies: [], answer: deps.messages.directive.notYours };
      default:
        return authoring && extra && isPriority(extra) ? updateDraft(deps, ctx.actor, id, { priority: extra }) : { replies: [], answer: deps.messages.common.buttonExpired };
    }
  },
});
