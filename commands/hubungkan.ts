import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { bindGroup, type BoundGroup } from '../src/app/usecases/community.ts';

/** /hubungkan komunitas | pimpinan (in the group): binds the community or the leaders' group. */
export const hubungkan = defineCommand({
  name: 'hubungkan',
  roles: ['superadmin'],
  chats: ['group'],
  help: (m) => m.commands.hubungkan,
  usage: (m) => m.community.usage,
  args: z.object({ text: z.string().trim().toLowerCase().pipe(z.enum(['komunitas', 'pimpinan'])) }).transform(({ text }): BoundGroup => text),
  run: (ctx, which, deps) => bindGroup(deps, ctx.actor, which, ctx.chat.id, ctx.chat.title ?? ''),
});
