/**
 * What a search result shows of a page's sections (Pagefind's sub-results): the ones that match best,
 * not the first headings, and none that repeats the page's own excerpt (a glossary term's page is one
 * section, its definition). Types only, so the search UI takes it alone.
 */

/** A sub-result as Pagefind 1.x gives it (the fields the site reads). */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Each match in the section with its weight (headings weigh more) and score. */
  weighted_locations?: { weight: number; balanced_score?: number; location: number }[];
  locations?: number[];
}

/** How well a section matches: the sum of its matches' scores (their weights where Pagefind gives no score). */
export function sectionScore(section: SubResult): number {
  const weighted = section.weighted_locations;
  if (weighted && weighted.length > 0) return weighted.reduce((sum, match) => sum + (match.balanced_score ?? match.weight), 0);
  return section.locations?.length ?? 0;
}

/** An excerpt's words, without Pagefind's marks, case or punctuation. */
const excerptWords = (html: string): string[] =>
  html
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/**
 * Whether an excerpt says much of what another already says: half its words or more are in the other.
 * Pagefind cuts a page's excerpt and its section's at other words, so they are rarely equal strings.
 */
export function repeatsExcerpt(excerpt: string, shown: string): boolean {
  const words = excerptWords(excerpt);
  if (words.length === 0) return true;
  const seen = new Set(excerptWords(shown));
  return words.filter((word) => seen.has(word)).length / words.length >= 0.5;
}

/** A section a result lists, and whether its excerpt would repeat the page's (then only its heading is shown). */
export interface ListedSection<S extends SubResult> {
  section: S;
  repeats: boolean;
}

/** A page as a result gives it: its excerpt and the elements with ids its sections start at. */
export interface ResultPage {
  url: string;
  excerpt: string;
  anchors?: { element: string }[];
}

/** Whether an anchor is a heading: Pagefind makes a section of each heading with an id. */
const isHeading = (anchor: { element: string }) => /^h[1-6]$/i.test(anchor.element);

/**
 * The sections a result lists: those that match, best first (Pagefind lists them in page order), at
 * most `limit`, leaving out the page itself. The page's excerpt is shown once: a section whose excerpt
 * would say it again is listed by its heading alone, and a page of one section (a glossary term's, its
 * definition) lists none, as that section is the page.
 */
export function matchingSections<S extends SubResult>(page: ResultPage, sections: readonly S[], limit = 3): ListedSection<S>[] {
  if ((page.anchors ?? []).filter(isHeading).length <= 1) return [];
  return sections
    .filter((section) => section.url !== page.url && sectionScore(section) > 0)
    .map((section, index) => ({ section, index, score: sectionScore(section) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ section }) => ({ section, repeats: repeatsExcerpt(section.excerpt, page.excerpt) }));
}
