/**
 * Frontmatter properties as Obsidian reads them, before any rule of the site looks at them: a
 * property with no value (`aliases:`), `null`, an empty string or an empty list is absent — that is
 * what Obsidian's Properties panel and the Digital Garden plugin (`"tags":null`) write every day.
 * Obsidian Publish's `publish` counts as `dg-publish`.
 */
import { editDistance } from '../util/edit-distance.ts';
import { fail, ok, type Result } from '../util/types.ts';

/** A value Obsidian shows as an empty property. */
export function isEmptyProperty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.every(isEmptyProperty))
  );
}

/** The properties without the empty ones (top level only: inside a list item an empty value means something). */
export function presentProperties(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !isEmptyProperty(value)));
}

export const PUBLISH_KEYS = ['dg-publish', 'publish'] as const;

/**
 * The one publish flag of a note: `dg-publish` (Digital Garden) or `publish` (Obsidian Publish). Both
 * present and disagreeing is an error rather than a guess; both the same is fine.
 */
export function publishFlag(data: Record<string, unknown>): Result<{ key: string; value: unknown } | undefined> {
  const present = PUBLISH_KEYS.filter((key) => Object.hasOwn(data, key));
  const [first, second] = present;
  if (first === undefined) return ok(undefined);
  if (second !== undefined && data[first] !== data[second]) {
    return fail(
      `dg-publish is ${JSON.stringify(data[first])} but publish is ${JSON.stringify(data[second])}; ` +
        'keep one of them, or give both the same value',
    );
  }
  return ok({ key: first, value: data[first] });
}

/** Known note kinds, and whether a written `type` is one of them, a near miss of one, or the author's own. */
export function classifyType<T extends string>(
  written: unknown,
  kinds: readonly T[],
  fallback: T,
): { kind: T } | { kind: T; own: string } | { nearMiss: string; suggestion: T } {
  if (written === undefined) return { kind: fallback };
  if (typeof written === 'string' && (kinds as readonly string[]).includes(written)) return { kind: written as T };
  const shown = typeof written === 'string' ? written : JSON.stringify(written);
  if (typeof written === 'string') {
    const suggestion = kinds.find((kind) => isNearMiss(written, kind));
    if (suggestion) return { nearMiss: written, suggestion };
  }
  return { kind: fallback, own: shown };
}

/**
 * A typo of a kind rather than a kind of the author's own: the same word in other letter case, two
 * letters swapped (`breif`), one letter missing, doubled or extra (`timline`, `termm`), or one letter
 * wrong past the first (`brief` → `breef`). A different first letter is another word (`source` is no
 * `course`), and so is a short word with a letter changed (`team` is no `term`).
 */
export function isNearMiss(written: string, kind: string): boolean {
  const word = written.trim().toLowerCase();
  if (word === kind) return true;
  if (word[0] !== kind[0]) return false;
  const distance = editDistance(word, kind);
  if (distance !== 1) return distance === 2 && kind.length >= 8 && word.length >= 7;
  if (word.length !== kind.length) return true;
  // One substitution or one transposition.
  const differing = [...word].filter((letter, index) => letter !== kind[index]).length;
  return differing === 2 || kind.length >= 5;
}
