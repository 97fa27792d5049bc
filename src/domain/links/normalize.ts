import { classifyHost } from './host.ts';
import { MAX_LINK_LENGTH } from './limits.ts';
import { parseUrl } from './parse.ts';
import type { LinkResult, RefusalReason } from './types.ts';

function refusal(reason: RefusalReason, original: string): LinkResult {
  return { ok: false, reason, original };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function normalizeUnchecked(raw: string): LinkResult {
  if (raw.length > MAX_LINK_LENGTH) return refusal('too_long', raw);

  const parsed = parseUrl(raw);
  if (!parsed.ok) return refusal(parsed.reason, raw);
  const { url, rawAuthority, schemeless } = parsed;

  // Without a scheme, a single word ("hello") is not a link at all.
  if (schemeless && !url.hostname.includes('.') && !url.hostname.startsWith('[')) return refusal('malformed', raw);

  const verdict = classifyHost(url.hostname, rawAuthority);
  if (!verdict.ok) return refusal(verdict.reason, raw);
  // Decision: an explicit non-default port on a platform host is not the platform's site.
  if (url.port !== '') return refusal('unsupported_site', raw);

  const segments = url.pathname.split('/').filter((s) => s !== '').map(decodeSegment);
  const match = verdict.spec.parse({ host: verdict.host, segments, query: url.searchParams });
  if (match === null) return refusal('not_a_post', raw);
  if (match.canonicalUrl.length > MAX_LINK_LENGTH) return refusal('too_long', raw);

  return {
    ok: true,
    platform: verdict.spec.platform,
    canonicalUrl: match.canonicalUrl,
    postId: match.postId,
    kind: match.kind,
    ...(match.account === undefined ? {} : { account: match.account }),
    original: raw,
  };
}

/**
 * Turns one link into the canonical record of the post it points to, or says why it is
 * refused. Pure and total: never throws, whatever the input.
 */
export function normalizeLink(raw: string): LinkResult {
  if (typeof raw !== 'string') return refusal('malformed', '');
  try {
    return normalizeUnchecked(raw);
  } catch {
    return refusal('malformed', raw);
  }
}
