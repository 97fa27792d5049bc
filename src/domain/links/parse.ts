import type { RefusalReason } from './types.ts';

/** A raw link turned into a WHATWG URL, with what the URL parser would otherwise hide. */
export type ParsedUrl =
  | {
      readonly ok: true;
      readonly url: URL;
      /** The host[:port] part exactly as typed (for lookalike checks). */
      readonly rawAuthority: string;
      /** True when the input had no scheme and https:// was assumed. */
      readonly schemeless: boolean;
    }
  | { readonly ok: false; readonly reason: RefusalReason };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** What follows "host:" when a scheme-less link carries a port, e.g. "instagram.com:443/p/x". */
const PORT_THEN_PATH = /^\d*(?:[/\\?#]|$)/;
/** Schemes that are never a web page, even when what follows looks like a host. */
const NON_WEB_SCHEMES = new Set([
  'javascript', 'vbscript', 'livescript', 'data', 'file', 'ftp', 'ftps', 'sftp', 'mailto', 'tel', 'sms', 'blob',
  'about', 'intent', 'ws', 'wss', 'chrome', 'view-source', 'ssh', 'git', 'telnet', 'irc', 'news', 'gopher',
  'ldap', 'content', 'market', 'filesystem', 'resource', 'jar', 'tg',
]);
/** Whitespace and invisible format characters a chat client may leave around a pasted link. */
const SURROUNDING = /^[\s\u200b-\u200f\u2060\ufeff]+|[\s\u200b-\u200f\u2060\ufeff]+$/gu;
/** Whitespace (Unicode included) and C0/C1 controls: a link never contains them. */
const FORBIDDEN = /[\s\u0000-\u001f\u007f-\u009f]/u;

function refuse(reason: RefusalReason): ParsedUrl {
  return { ok: false, reason };
}

/** The authority as typed: after the scheme's slashes, up to the first / \ ? or #. */
function authorityOf(afterScheme: string): string {
  const start = afterScheme.replace(/^[/\\]*/, '');
  const end = start.search(/[/\\?#]/);
  return end < 0 ? start : start.slice(0, end);
}

type Split = { readonly href: string; readonly afterScheme: string; readonly schemeless: boolean } | RefusalReason;

function splitScheme(text: string): Split {
  if (text.startsWith('//')) return { href: `https:${text}`, afterScheme: text, schemeless: true };
  const match = SCHEME.exec(text);
  if (match?.[1] === undefined) return { href: `https://${text}`, afterScheme: text, schemeless: true };

  const scheme = match[1].toLowerCase();
  const rest = text.slice(match[0].length);
  if (scheme === 'http' || scheme === 'https') return { href: text, afterScheme: rest, schemeless: false };
  if (NON_WEB_SCHEMES.has(scheme)) return 'bad_scheme';
  // "instagram.com:443/p/x", "user:pass@instagram.com/p/x": no scheme after all.
  const looksLikeHost = PORT_THEN_PATH.test(rest) || authorityOf(text).includes('@') || scheme.includes('.');
  if (looksLikeHost && !rest.startsWith('//')) return { href: `https://${text}`, afterScheme: text, schemeless: true };
  return 'bad_scheme';
}

/** Parses a raw link (http, https or no scheme) without ever throwing. */
export function parseUrl(raw: string): ParsedUrl {
  const text = raw.replace(SURROUNDING, '');
  if (text === '' || FORBIDDEN.test(text)) return refuse('malformed');

  const split = splitScheme(text);
  if (typeof split === 'string') return refuse(split);

  const rawAuthority = authorityOf(split.afterScheme);
  if (rawAuthority.includes('@')) return refuse('credentials');

  let url: URL;
  try {
    url = new URL(split.href);
  } catch {
    return refuse('malformed');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('bad_scheme');
  if (url.username !== '' || url.password !== '') return refuse('credentials');
  if (url.hostname === '' || rawAuthority === '') return refuse('malformed');
  return { ok: true, url, rawAuthority, schemeless: split.schemeless };
}
