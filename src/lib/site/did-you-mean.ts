/**
 * "Did you mean …?" for a search that found nothing: the words of the vault's names (titles, terms,
 * aliases; src/lib/site/search-names.ts) nearest to the query by edit distance, as the names write
 * them, so "khruschev" offers "Khrushchev" and "virgin lnads" offers "Virgin Lands". No imports but
 * the distance, so the search UI takes it alone.
 */
import { editDistance } from '../util/edit-distance.ts';

/** Words as search sees them: letters and digits, apostrophes and hyphens splitting them. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A word compared without case or accents ("Khrushchëv" is "khrushchev"). */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * How many edits a query of `length` letters may be from a suggestion: none for a short word (any
 * three letters are a few edits from many names), then more as the word grows.
 */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  if (length < 11) return 2;
  return 3;
}

/**
 * Up to `limit` phrases from `names` that the query may have meant, nearest first: each is as many
 * consecutive words of a name as the query has words. None that is the query itself (search found
 * nothing for it) and none too far from it.
 */
export function didYouMean(query: string, names: readonly string[], limit = 3): string[] {
  const wanted = query.match(WORD) ?? [];
  if (wanted.length === 0) return [];
  const target = fold(wanted.join(' '));
  const most = allowedEdits(target.replace(/ /g, '').length);
  if (most === 0) return [];
  const found = new Map<string, { phrase: string; distance: number }>();
  for (const name of names) {
    const words = name.match(WORD) ?? [];
    for (let start = 0; start + wanted.length <= words.length; start++) {
      const phrase = words.slice(start, start + wanted.length).join(' ');
      const key = fold(phrase);
      if (key === target || found.has(key)) continue;
      // Lengths further apart than the allowance cannot be within it: skip the distance.
      if (Math.abs(key.length - target.length) > most) continue;
      const distance = editDistance(target, key);
      if (distance <= most) found.set(key, { phrase, distance });
    }
  }
  return [...found.values()]
    .sort((a, b) => a.distance - b.distance || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))
    .slice(0, limit)
    .map(({ phrase }) => phrase);
}
