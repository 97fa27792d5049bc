import type { Platform } from '../types.ts';

/** A supported URL cut into the pieces platform parsers look at. */
export interface LinkParts {
  /** One of the spec's `hosts`, already lowercased and stripped of www./m./web./… prefixes. */
  readonly host: string;
  /** Non-empty, percent-decoded path segments (so trailing and doubled slashes never matter). */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

/** What a parser returns for a link to one post. */
export interface PostMatch {
  readonly canonicalUrl: string;
  readonly postId: string;
  readonly kind: string;
  readonly account?: string | undefined;
}

/** Everything the link domain knows about one platform. */
export interface PlatformSpec {
  readonly platform: Platform;
  /** Exact hosts served by the platform (after stripping the generic prefixes). */
  readonly hosts: readonly string[];
  /** Platform-specific host prefixes stripped on top of the generic ones (e.g. free.facebook.com). */
  readonly extraPrefixes: readonly string[];
  /** Other domains the platform really owns (CDNs …): links there are genuine but never one post. */
  readonly relatedDomains: readonly string[];
  /** Third-party front-ends/mirrors: refused as unsupported_site, not as lookalikes. */
  readonly mirrors: readonly string[];
  /** Words whose imitation in a host name marks it as a lookalike. */
  readonly brands: readonly string[];
  /** Returns the post the link points to, or null when it is not a link to one post. */
  parse(parts: LinkParts): PostMatch | null;
}

/**
 * The single value of a query parameter, or undefined when it is missing, empty or given
 * several times with different values (then the link does not name one post, and the order
 * of parameters could otherwise change the answer).
 */
export function param(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  const first = values[0];
  if (first === undefined || first === '') return undefined;
  return values.every((v) => v === first) ? first : undefined;
}

/** Lowercased path keyword comparison helper. */
export function keyword(segment: string | undefined): string | undefined {
  return segment?.toLowerCase();
}

export const DIGITS = /^\d{1,30}$/;
