/**
 * Finding link-like tokens in free text. Deliberately generous with anything that has a
 * scheme (so javascript:… and ftp://… can be refused with a reason) and conservative with
 * scheme-less tokens (a known top-level domain is required, so "selesai.Besok" is no link).
 */

/** Characters that never occur in a pasted link and always end one (zero-width ones included). */
const STOP = '\\s<>"`“”«»‹›「」『』\\u200b-\\u200f\\u2060\\ufeff';

/** Top-level domains recognised in scheme-less links. */
const TLDS = [
  'com', 'net', 'org', 'id', 'be', 'am', 'watch', 'io', 'co', 'me', 'ly', 'tv', 'app', 'info', 'biz', 'xyz',
  'site', 'online', 'dev', 'gov', 'edu', 'my', 'sg', 'uk', 'us', 'au', 'jp', 'to', 'gl', 'gg', 'cc', 'ws',
  'ru', 'cn', 'de', 'nl', 'link', 'page', 'store', 'shop', 'top', 'live', 'blog', 'news', 'web', 'tk', 'ml',
  'ga', 'cf', 'gq', 'club', 'vip', 'pro', 'world', 'click', 'icu', 'fun', 'space', 'website', 'tech',
];

/**
 * One character of a link body. A link stops where a second scheme starts after a
 * separator ("…/p/a,https://…"), so glued links come out separately (and in linear time).
 */
const BODY = `(?:(?!(?<=[^\\p{L}\\p{N}+.\\-])https?:\\/\\/)[^${STOP}])`;

const WITH_SCHEME =
  `(?<![\\p{L}\\p{N}+.\\-])` +
  `(?:[a-z][a-z0-9+.\\-]*:\\/\\/|(?:https?|javascript|vbscript|livescript|data|file|blob):)` +
  `${BODY}+`;

const LABEL = '[\\p{L}\\p{N}\\p{M}\\-_]+';
const WITHOUT_SCHEME =
  `(?<![\\p{L}\\p{N}\\p{M}@.\\-_/\\\\:%+~=&#?])` +
  `(?:\\/\\/)?` + // protocol-relative
  `(?:[^${STOP}@/\\\\?#]{1,64}@)?` + // user[:pass]@ — kept so it can be refused
  `(?:${LABEL}\\.)+(?:${TLDS.join('|')})(?![\\p{L}\\p{N}\\p{M}\\-_])` +
  `(?::\\d{1,5})?` +
  `(?:[/?#\\\\]${BODY}*)?`;

const CANDIDATE = new RegExp(`(?<scheme>${WITH_SCHEME})|${WITHOUT_SCHEME}`, 'giu');

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '…', '’', '‘', '*']);
const PAIRS = new Map<string, string>([
  [')', '('],
  [']', '['],
  ['}', '{'],
]);

/** Strips trailing punctuation; a closing bracket stays only when it closes one inside the link. */
function trimTrailing(token: string): string {
  // Balance of each closing bracket over the whole token, kept up to date while stripping.
  const excess = new Map<string, number>();
  for (const ch of token) {
    if (PAIRS.has(ch)) excess.set(ch, (excess.get(ch) ?? 0) + 1);
    for (const [close, open] of PAIRS) if (ch === open) excess.set(close, (excess.get(close) ?? 0) - 1);
  }
  let end = token.length;
  for (;;) {
    const last = token[end - 1];
    if (last === undefined) break;
    const balance = excess.get(last);
    if (TRAILING.has(last) || (balance !== undefined && balance > 0)) {
      if (balance !== undefined) excess.set(last, balance - 1);
      end--;
      continue;
    }
    break;
  }
  return token.slice(0, end);
}

/** Drops matches that are only a scheme, or a scheme word used as ordinary text. */
function isLinkLike(token: string, withScheme: boolean): boolean {
  if (withScheme) {
    const scheme = /^([a-z][a-z0-9+.-]*):(.*)$/isu.exec(token);
    if (scheme?.[1] === undefined || scheme[2] === undefined) return false;
    const name = scheme[1].toLowerCase();
    const rest = scheme[2];
    if (rest.replace(/^[/\\]+/, '') === '') return false;
    if (name === 'data') return /^(?:[a-z-]+\/[a-z0-9.+-]+|,)/i.test(rest);
    if (name === 'file') return rest.startsWith('/');
    return true;
  }
  // Scheme-less userinfo without a path is an e-mail address, not a link.
  return !(token.includes('@') && token.replace(/^\/\//, '').search(/[/?#\\]/) < 0);
}

/**
 * Finds link-like tokens (with or without scheme, e.g. "instagram.com/p/abc" or "https://…")
 * in free text, in order, de-duplicated by raw text. Trailing punctuation like ).,;!? and
 * closing quotes/brackets is stripped. Also returns tokens that look like URLs with bad
 * schemes (javascript:…) so they can be refused.
 */
export function extractLinks(text: string): string[] {
  if (typeof text !== 'string') return [];
  const found: string[] = [];
  const seen = new Set<string>();
  const pattern = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const token = trimTrailing(match[0]);
    if (token === '' || !isLinkLike(token, match.groups?.['scheme'] !== undefined) || seen.has(token)) continue;
    seen.add(token);
    found.push(token);
  }
  return found;
}
