import { z } from 'zod';
import { looksLikeOpdCode, normalizeOpdCode } from '../src/domain/opd-code.ts';
import type { PersonRef } from '../src/app/usecases/members.ts';

/** Splits the text after a command into words. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** Arguments given as words after the command, validated by a tuple (or union of tuples). */
export function wordArgs<T>(schema: z.ZodType<T, string[]>) {
  return z
    .object({ text: z.string() })
    .transform(({ text }) => words(text))
    .pipe(schema);
}

export const opdCodeWord = z
  .string()
  .trim()
  .refine(looksLikeOpdCode)
  .transform(normalizeOpdCode);

/** "@username" or a numeric Telegram id. */
export const personRefWord = z.string().transform((word, ctx): PersonRef => {
  const username = /^@([A-Za-z0-9_]{4,32})$/.exec(word);
  if (username?.[1]) return { username: username[1].toLowerCase() };
  if (/^\d{1,19}$/.test(word)) return { telegramId: BigInt(word) };
  ctx.addIssue({ code: 'custom', message: 'bukan @username atau ID Telegram' });
  return z.NEVER;
});
