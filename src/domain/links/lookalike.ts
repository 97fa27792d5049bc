/**
 * Heuristics that spot host names imitating a platform: brand names hidden inside other
 * domains, digit/letter swaps (faceb00k, lnstagram, instagrarn) and small typos (youtbe).
 * Only called for hosts that are neither a platform's own host nor one of its real domains.
 */

/** Characters commonly swapped for look-alike letters (after lowercasing). */
const CONFUSABLES = new Map<string, string>([
  ['0', 'o'],
  ['1', 'i'],
  ['l', 'i'],
  ['!', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
]);

/** Reduces a string to the letters a reader would perceive ("rn" reads as "m", "vv" as "w"). */
export function skeleton(text: string): string {
  const merged = text.toLowerCase().replaceAll('rn', 'm').replaceAll('vv', 'w');
  let out = '';
  for (const ch of merged) out += CONFUSABLES.get(ch) ?? ch;
  return out;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** Typos tolerated before a label counts as an imitation: longer brands tolerate more. */
function tolerance(brand: string): number {
  return brand.length >= 8 ? 2 : 1;
}

/**
 * True when `host` (lowercase ASCII) imitates one of the `brands` or embeds one of the
 * `realHosts` as labels (instagram.com.evil.io, login-x.com.evil.io is not, evil.x.com.io is).
 */
export function resemblesPlatform(host: string, brands: readonly string[], realHosts: readonly string[]): boolean {
  const dotted = `.${host}.`;
  if (realHosts.some((real) => dotted.includes(`.${real}.`))) return true;

  const flat = skeleton(host.replace(/[.\-_]/g, ''));
  if (brands.some((brand) => flat.includes(skeleton(brand)))) return true;

  for (const label of host.split('.')) {
    if (label.length < 4) continue;
    const shape = skeleton(label.replace(/[-_]/g, ''));
    for (const brand of brands) {
      const limit = tolerance(brand);
      if (Math.abs(shape.length - brand.length) > limit) continue;
      if (editDistance(shape, brand) <= limit) return true;
    }
  }
  return false;
}
