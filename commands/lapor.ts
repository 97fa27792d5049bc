import { z } from 'zod';
import { defineCommand, type CommandRawInput } from './spec.ts';
import { words } from './args.ts';
import { extractLinks } from '../src/domain/links/index.ts';
import { looksLikeOpdCode } from '../src/domain/opd-code.ts';
import { recordReports, type ReportRequest } from '../src/app/usecases/reports.ts';

/**
 * Shapes "/lapor [#arahan] [KODE] <link…> [keterangan]" (or "/lapor" replying to a message with links)
 * into links, a leading word that may be an OPD code, and the remaining words as the note.
 */
export function parseReportInput(raw: CommandRawInput): ReportRequest {
  let body = raw.text.trim();
  // "#12" (before or after an OPD code) marks the post as a follow-up to directive 12.
  let directiveId: number | null = null;
  const takeDirective = (): void => {
    const tag = /^#(\d{1,9})(?:\s+|$)/.exec(body);
    if (tag?.[1] && directiveId === null) {
      directiveId = Number(tag[1]);
      body = body.slice(tag[0].length);
    }
  };
  takeDirective();
  const first = words(body)[0] ?? '';
  const leadingWord = first && looksLikeOpdCode(first) && extractLinks(first).length === 0 ? first : null;
  if (leadingWord) body = body.slice(first.length).trim();
  takeDirective();
  const ownLinks = [...extractLinks(body), ...raw.hiddenLinks];
  const replyLinks = raw.replyToText ? [...extractLinks(raw.replyToText), ...raw.replyHiddenLinks] : [...raw.replyHiddenLinks];
  const links = ownLinks.length > 0 ? ownLinks : replyLinks;
  let note = body;
  for (const link of extractLinks(body)) note = note.split(link).join(' ');
  note = note.replace(/\s+/g, ' ').trim();
  return { links: [...new Set(links)], note: note || null, leadingWord, directiveId };
}

/** /lapor: records post links for the reporter's OPD. */
export const lapor = defineCommand({
  name: 'lapor',
  roles: ['admin', 'superadmin'],
  chats: ['private', 'group'],
  help: (m, role) => (role === 'superadmin' ? m.commands.laporSuperadmin : m.commands.lapor),
  usage: (m) => m.report.noLink,
  args: z
    .object({ text: z.string(), replyToText: z.string().nullable(), hiddenLinks: z.array(z.string()), replyHiddenLinks: z.array(z.string()) })
    .transform(parseReportInput),
  run: (ctx, request, deps) => recordReports(deps, ctx.actor, request),
});
