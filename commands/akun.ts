import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { opdCodeWord, words } from './args.ts';
import { platformFromName, type Platform } from '../src/domain/links/index.ts';
import { listAccounts, registerAccount, removeAccount, verifyAccounts } from '../src/app/usecases/accounts.ts';

type AkunArgs =
  | { readonly kind: 'list'; readonly code: string | null }
  | { readonly kind: 'register'; readonly code: string | null; readonly platform: Platform; readonly account: string }
  | { readonly kind: 'remove'; readonly code: string; readonly platform: Platform; readonly account: string }
  | { readonly kind: 'verify'; readonly code: string };

const code = (word: string | undefined): string | null => {
  const parsed = opdCodeWord.safeParse(word ?? '');
  return parsed.success ? parsed.data : null;
};

/**
 * Shapes the words of /akun by their count (platform names are checked here; the account itself
 * is checked by the use case, which can say what is wrong with it):
 *   (none) | KODE                         list
 *   platform akun | KODE platform akun    register (an admin may leave out their own code)
 *   KODE verifikasi                       verify
 *   KODE hapus platform akun              remove
 */
function shape(all: readonly string[]): AkunArgs | null {
  const [a, b, c, d, extra] = all;
  if (extra !== undefined) return null;
  if (a === undefined) return { kind: 'list', code: null };
  if (b === undefined) {
    // "/akun instagram" lacks the account: show how to write it rather than look for an OPD INSTAGRAM.
    const opd = platformFromName(a) ? null : code(a);
    return opd === null ? null : { kind: 'list', code: opd };
  }
  if (c === undefined) {
    const opd = code(a);
    if (opd !== null && b.toLowerCase() === 'verifikasi') return { kind: 'verify', code: opd };
    const platform = platformFromName(a);
    return platform ? { kind: 'register', code: null, platform, account: b } : null;
  }
  const opd = code(a);
  if (opd === null) return null;
  if (d === undefined) {
    const platform = platformFromName(b);
    return platform ? { kind: 'register', code: opd, platform, account: c } : null;
  }
  const platform = platformFromName(c);
  return b.toLowerCase() === 'hapus' && platform ? { kind: 'remove', code: opd, platform, account: d } : null;
}

/** /akun: the official accounts of an OPD (who may do what: src/app/usecases/accounts.ts). */
export const akun = defineCommand({
  name: 'akun',
  roles: ['superadmin', 'admin', 'leader'],
  chats: ['private'],
  help: (m, role) => (role === 'superadmin' ? m.accounts.helpSuperadmin : role === 'leader' ? m.accounts.helpLeader : m.accounts.help),
  usage: (m) => m.accounts.usage(),
  args: z.object({ text: z.string() }).transform(({ text }, ctx): AkunArgs => {
    const args = shape(words(text));
    if (args) return args;
    ctx.addIssue({ code: 'custom', message: 'sebutkan KODE_OPD, platform dan akun' });
    return z.NEVER;
  }),
  run: (ctx, args, deps) => {
    if (args.kind === 'register') return registerAccount(deps, ctx.actor, args);
    if (args.kind === 'remove') return removeAccount(deps, ctx.actor, args);
    if (args.kind === 'verify') return verifyAccounts(deps, ctx.actor, args.code);
    return listAccounts(deps, ctx.actor, args.code);
  },
});
