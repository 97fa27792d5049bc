import { z } from 'zod';
import { defineCommand } from './spec.ts';
import { words } from './args.ts';
import { extractLinks } from '../src/domain/links/index.ts';
import { looksLikeOpdCode, normalizeOpdCode } from '../src/domain/opd-code.ts';
import { recordReports, type ReportRequest } from '../src/app/usecases/reports.ts';

/**
 * Shapes "/lapor [KODE] <link…> [keterangan]" (or "/lapor" replying to a message with links)
 * into links, an optional leading OPD code and the remaining words as the note.
 */
export function parseReportInput(text: string, replyToText: string | null, hiddenLinks: readonly string[]): ReportRequest {
  const first = words(text)[0] ?? '';
  const opdCode = first && looksLikeOpdCode(first) && extractLinks(first).length === 0 ? normalizeOpdCode(first) : null;
  const body = opdCode ? text.trim().slice(first.length) : text;
  const ownLinks = [...extractLinks(body), ...hiddenLinks];
  const links = ownLinks.length > 0 ? ownLinks : replyToText ? extractLinks(replyToText) : [];
  let note = body;
  for (const link of extractLinks(body)) note = note.replace(link, ' ');
  note = note.replace(/\s+/g, ' ').trim();
  return { links: [...new Set(links)], note: note || null, opdCode };
}

/** /lapor: records post links for the reporter's OPD. */
export const lapor = defineCommand({
  name: 'lapor',
  roles: ['admin', 'superadmin'],
  chats: ['private', 'group'],
  help: (m, role) => (role === 'superadmin' ? m.commands.laporSuperadmin : m.commands.lapor),
  usage: (m) => m.report.noLink,
  args: z
    .object({ text: z.string(), replyToText: z.string().nullable(), hiddenLinks: z.array(z.string()) })
    .transform(({ text, replyToText, hiddenLinks }) => parseReportInput(text, replyToText, hiddenLinks)),
  run: (ctx, request, deps) => recordReports(deps, ctx.actor, request),
});
