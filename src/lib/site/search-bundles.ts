/**
 * The search index is written as several Pagefind bundles, indexed side by side and merged by the
 * search in the browser (Pagefind's `mergeIndex`). Each page belongs to one bundle by a hash of its
 * URL, so adding or removing a note moves no other page between bundles, and each bundle keeps the
 * route table's order (Pagefind's output depends on the order pages are added in).
 */
import type { SiteUrl } from '../util/types.ts';

/**
 * How many bundles: Pagefind indexes on one core per service process, and the build machines have
 * two; at 5000 notes two processes index in about 12 s instead of 19 s.
 */
export const SEARCH_BUNDLES = 2;

/** The folder of a bundle in the site, with its slash: the first keeps Pagefind's own `pagefind/`. */
export function bundleFolder(bundle: number): string {
  return bundle === 0 ? 'pagefind/' : `pagefind-${bundle}/`;
}

/** Every bundle's folder, in order. */
export const BUNDLE_FOLDERS: readonly string[] = Array.from({ length: SEARCH_BUNDLES }, (_, i) => bundleFolder(i));

/** FNV-1a over the URL's UTF-16 code units: stable across Node versions and machines, unlike a seeded hash. */
function urlHash(url: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i += 1) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The bundle a page's URL belongs to. */
export function bundleOf(url: SiteUrl, bundles = SEARCH_BUNDLES): number {
  return urlHash(url) % bundles;
}

/** The searched pages of each bundle, each in the order given. */
export function splitSearched(urls: readonly SiteUrl[], bundles = SEARCH_BUNDLES): SiteUrl[][] {
  const split: SiteUrl[][] = Array.from({ length: bundles }, () => []);
  for (const url of urls) split[bundleOf(url, bundles)]!.push(url);
  return split;
}

/**
 * The bundles a search in `language` reads, by the languages each bundle's `pagefind-entry.json`
 * names: those with an index of the language (or of its base, `pt` for `pt-br`, as Pagefind looks it
 * up). A bundle without one would answer from its largest language instead — English results on a
 * Portuguese page — so it is left out. When no bundle has the language, all are read, each falling
 * back as a single index does.
 */
export function bundlesFor(language: string, bundleLanguages: readonly (readonly string[])[]): number[] {
  const lang = language.toLowerCase();
  const base = lang.split('-')[0]!;
  const having = bundleLanguages.flatMap((languages, bundle) =>
    languages.includes(lang) || languages.includes(base) ? [bundle] : [],
  );
  return having.length > 0 ? having : bundleLanguages.map((_, bundle) => bundle);
}
