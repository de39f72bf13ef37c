import { describe, expect, it } from 'vitest';
import { BUNDLE_FOLDERS, SEARCH_BUNDLES, bundleOf, bundlesFor, splitSearched } from '../../src/lib/site/search-bundles.ts';
import { siteUrl } from '../../src/lib/util/types.ts';

const urls = Array.from({ length: 200 }, (_, i) => siteUrl(`/course/note-${i}/`));

describe('splitting the searched pages into bundles', () => {
  it('has two bundles, the first in pagefind/ where the client loads its scripts', () => {
    expect(SEARCH_BUNDLES).toBe(2);
    expect(BUNDLE_FOLDERS).toEqual(['pagefind/', 'pagefind-1/']);
  });

  it('puts every page in exactly one bundle, keeping the order within each', () => {
    const split = splitSearched(urls);
    expect(split).toHaveLength(2);
    expect(split.flat().sort()).toEqual([...urls].sort());
    for (const bundle of split) expect(bundle).toEqual(urls.filter((url) => bundle.includes(url)));
    // Roughly halves: each core gets a fair share of the work.
    for (const bundle of split) expect(bundle.length).toBeGreaterThan(70);
  });

  it('moves no other page when a note is added or removed', () => {
    const before = new Map(urls.map((url) => [url, bundleOf(url)]));
    const after = splitSearched([siteUrl('/new-note/'), ...urls.slice(1)]);
    after.forEach((bundle, i) => {
      for (const url of bundle) if (url !== '/new-note/') expect(before.get(url)).toBe(i);
    });
  });

  it('gives the same bundle on every run (a fixed hash, not a seeded one)', () => {
    expect(bundleOf(siteUrl('/'))).toBe(bundleOf(siteUrl('/')));
    expect([bundleOf(siteUrl('/a/')), bundleOf(siteUrl('/b/')), bundleOf(siteUrl('/c/'))]).toEqual([0, 1, 0]);
  });
});

describe('the bundles a search reads', () => {
  it('reads every bundle with an index of the language, or of its base', () => {
    expect(bundlesFor('en', [['en'], ['en']])).toEqual([0, 1]);
    expect(bundlesFor('pt-BR', [['en', 'pt'], ['en']])).toEqual([0]);
    expect(bundlesFor('pt-br', [['en'], ['pt-br']])).toEqual([1]);
  });

  it('never reads a bundle that would answer in another language', () => {
    expect(bundlesFor('fr', [['en'], ['en', 'fr']])).toEqual([1]);
  });

  it('reads all when none has the language, as one index falls back to its largest', () => {
    expect(bundlesFor('unknown', [['en'], ['en']])).toEqual([0, 1]);
  });
});
