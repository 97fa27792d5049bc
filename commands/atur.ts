import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { words } from './args.ts';
import { changeSetting, showSettings } from '../src/app/usecases/settings.ts';

type AturArgs = { readonly kind: 'show' } | { readonly kind: 'set'; readonly key: string; readonly value: string };

/** /atur [kunci nilai | kunci bawaan]: shows or changes the nudge settings. */
export const atur = defineCommand({
  name: 'atur',
  roles: ['superadmin'],
  chats: ['private'],
  help: (m) => m.settings.help,
  usage: (m) => m.settings.usage,
  args: z.object({ text: z.string() }).transform(({ text }): AturArgs => {
    const [key, ...value] = words(text);
    return key === undefined ? { kind: 'show' } : { kind: 'set', key, value: value.join(' ') };
  }),
  run: (ctx, args, deps) => (args.kind === 'show' ? showSettings(deps) : changeSetting(deps, ctx.actor, args.key, args.value)),
});
