import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { bindCommunityGroup } from '../src/app/usecases/community.ts';

/** /hubungkan komunitas (in the group): binds the community group for the daily digest. */
export const hubungkan = defineCommand({
  name: 'hubungkan',
  roles: ['superadmin'],
  chats: ['group'],
  help: (m) => m.commands.hubungkan,
  usage: (m) => m.community.usage,
  args: z.object({ text: z.string().trim().regex(/^komunitas$/i) }),
  run: (ctx, _args, deps) => bindCommunityGroup(deps, ctx.actor, ctx.chat.id, ctx.chat.title ?? ''),
});
