import { keyword, param, type LinkParts, type PlatformSpec, type PostMatch } from './spec.ts';

/** Video ids are exactly 11 case-sensitive characters. */
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** 11-character route names that are not video ids (/embed/videoseries?list=… is a playlist). */
const NOT_IDS = new Set(['videoseries']);
const HANDLE = /^@([A-Za-z0-9._-]{1,100})$/;

const PATH_KINDS = new Map<string, string>([
  ['shorts', 'short'],
  ['live', 'live'],
  ['embed', 'video'],
  ['v', 'video'],
  ['e', 'video'],
]);

function video(id: string | undefined, kind: string, account?: string): PostMatch | null {
  if (id === undefined || !VIDEO_ID.test(id) || NOT_IDS.has(id)) return null;
  return { canonicalUrl: `https://youtube.com/watch?v=${id}`, postId: id, kind, account };
}

function parse({ host, segments, query }: LinkParts): PostMatch | null {
  if (host === 'youtu.be') return segments.length === 1 ? video(segments[0], 'video') : null;

  // A handle only counts when the link shows it in front of a video path.
  let rest = segments;
  let account: string | undefined;
  const handle = segments[0] === undefined ? null : HANDLE.exec(segments[0]);
  if (handle?.[1]) {
    account = handle[1].toLowerCase();
    rest = segments.slice(1);
  }

  const [first, second] = rest;
  const k0 = keyword(first);
  if (k0 === undefined) return null;
  if (k0 === 'watch') return second === undefined ? video(param(query, 'v'), 'video', account) : null;
  const kind = PATH_KINDS.get(k0);
  return kind === undefined ? null : video(second, kind, account);
}

export const youtube: PlatformSpec = {
  platform: 'youtube',
  // music.youtube.com/watch?v=<id> plays the same video id as youtube.com, so it is accepted
  // and canonicalised to the youtube.com watch URL.
  hosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com', 'music.youtube.com'],
  extraPrefixes: [],
  relatedDomains: ['ytimg.com'],
  mirrors: ['yewtu.be', 'invidious.io', 'piped.video'],
  brands: ['youtube', 'youtu'],
  parse,
};
