/**
 * Which dictionary a page's language is shown in, given the tags of the dictionaries there are. Apart
 * from the dictionaries (src/lib/site/i18n.ts) so that the site script makes the same choice from the
 * tags of the client text it carries (src/scripts/island-text.ts) without importing any dictionary.
 */

/** The dictionary every language without one of its own is shown in, and every dictionary falls back to. */
export const FALLBACK_DICTIONARY = 'en';

/**
 * The exact tag, then the language without region or script (`pt-PT` → `pt`), then any dictionary of
 * the same language (`pt` → `pt-BR`), else English. Tags compare without case, as BCP 47 says.
 */
export function nearestDictionary(lang: string, tags: readonly string[]): string {
  const lower = lang.toLowerCase();
  const base = lower.split('-')[0];
  return (
    tags.find((tag) => tag.toLowerCase() === lower) ??
    tags.find((tag) => tag.toLowerCase() === base) ??
    tags.find((tag) => tag.toLowerCase().split('-')[0] === base) ??
    FALLBACK_DICTIONARY
  );
}
