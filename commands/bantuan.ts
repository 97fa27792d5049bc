import { z } from 'zod';
import { defineCommand, type Command } from './spec.ts';
import { roles } from '../src/domain/roles.ts';
import { displayName } from '../src/domain/model.ts';

/** Filled in by the registry (index.ts) to avoid a circular import. */
const registry: Command[] = [];
export function registerForHelp(commands: readonly Command[]): void {
  registry.splice(0, registry.length, ...commands);
}

/** /bantuan: lists only what the caller's role may do in this kind of chat. */
export const bantuan = defineCommand({
  name: 'bantuan',
  roles,
  chats: ['private', 'group'],
  help: (m) => m.commands.bantuan,
  usage: (m) => m.help.footer,
  args: z.object({ text: z.string() }),
  async run(ctx, _args, deps) {
    const m = deps.messages;
    const role = ctx.actor.role;
    if (role === 'none') return { replies: [{ text: m.common.notRegistered(displayName(ctx.actor)) }] };
    const lines = registry
      .filter((c) => c.roles.includes(role) && c.chats.includes(ctx.chat.kind))
      .map((c) => {
        const entry = c.help(m, role);
        return m.help.line(c.name, entry.usage, entry.description);
      });
    return { replies: [{ text: [m.help.header(role), ...lines, '', m.help.footer].join('\n') }] };
  },
});
