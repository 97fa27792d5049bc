import { facebook } from './facebook.ts';
import { instagram } from './instagram.ts';
import type { PlatformSpec } from './spec.ts';
import { threads } from './threads.ts';
import { tiktok } from './tiktok.ts';
import { x } from './x.ts';
import { youtube } from './youtube.ts';

export type { LinkParts, PlatformSpec, PostMatch } from './spec.ts';

export const PLATFORM_SPECS: readonly PlatformSpec[] = [instagram, facebook, tiktok, youtube, x, threads];
