/**
 * Search's own rules: "Did you mean …?" by edit distance (src/lib/site/did-you-mean.ts), the names it
 * suggests from (src/lib/site/search-names.ts) and the sections a result lists (src/lib/site/search-results.ts).
 */
import { describe, expect, it } from 'vitest';
import { allowedEdits, didYouMean } from '../../src/lib/site/did-you-mean.ts';
import { searchNames } from '../../src/lib/site/search-names.ts';
import { matchingSections, repeatsExcerpt, sectionScore, type SubResult } from '../../src/lib/site/search-results.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

const NAMES = [
  "Russian History III - Khrushchev's Rise to Power and Leadership (Brief)",
  'Khrushchyovka',
  'Virgin Lands Campaign',
  'Virgin Lands',
  'KGB',
  'Committee for State Security',
  'Nikita Khrushchev',
];

describe('did you mean', () => {
  it('offers the word of a name nearest to a misspelt query, as the name writes it', () => {
    expect(didYouMean('khruschev', NAMES)).toEqual(['Khrushchev']);
    expect(didYouMean('Krushchev', NAMES)[0]).toBe('Khrushchev');
  });

  it('matches as many words of a name as the query has', () => {
    expect(didYouMean('virgin lnads', NAMES)).toEqual(['Virgin Lands']);
    expect(didYouMean('comittee for state securty', NAMES)).toEqual(['Committee for State Security']);
  });

  it('ignores case and accents, and swaps of two letters count as one edit', () => {
    expect(didYouMean('KHRUSHCHËV', ['Khrushchev'])).toEqual([]);
    expect(didYouMean('khrsuhchev', ['Khrushchev'])).toEqual(['Khrushchev']);
  });

  it('offers nothing for the query itself, for a short word, or for a far one', () => {
    expect(didYouMean('Khrushchev', NAMES)).toEqual([]);
    expect(didYouMean('kgv', NAMES)).toEqual([]);
    expect(didYouMean('stalingrad', NAMES)).toEqual([]);
    expect(didYouMean('  ', NAMES)).toEqual([]);
  });

  it('gives at most three, nearest first, each once', () => {
    const names = ['Lands', 'lands', 'Landes', 'Bands', 'Hands', 'Wands'];
    expect(didYouMean('lnads', names, 3)).toEqual(['Lands']);
    expect(didYouMean('xands', names)).toEqual(['Bands', 'Hands', 'Lands']);
  });

  it('allows more edits as the word grows', () => {
    expect([3, 4, 6, 7, 10, 11].map(allowedEdits)).toEqual([0, 1, 1, 2, 2, 3]);
  });
});

const note = (path: string, frontmatter: string) => ({
  path: vaultPath(path),
  text: `---\ndg-publish: true\n${frontmatter}\n---\nBody text that is never a name.\n`,
});

describe('the names search suggests from', () => {
  it('lists the titles, terms and aliases of the indexed notes by language, and nothing else', () => {
    const vault = loadVault([
      note('Home.md', 'dg-home: true\ntitle: Home page'),
      note('History/KGB.md', 'type: term\ndefinition: The security service.\naliases: [Committee for State Security, /old-kgb/]'),
      note('History/Brief.md', 'type: brief\ntitle: Thaw brief\ntakeaways: [One]'),
      note('History/Secret.md', 'title: Secret plans\ndg-hide: true'),
      note('História/Nota.md', 'title: Degelo\nlang: pt-BR\naliases: [Degelo]'),
    ]);
    expect(formatProblems(vault.problems)).toBe('');
    expect(
      searchNames(
        vault.notes.map((entry) => entry.note),
        'en',
      ),
    ).toEqual({
      en: ['Committee for State Security', 'KGB', 'Thaw brief'],
      'pt-BR': ['Degelo'],
    });
  });
});

const section = (title: string, excerpt: string, scores: number[]): SubResult => ({
  title,
  url: `/brief/#${title.toLowerCase()}`,
  excerpt,
  weighted_locations: scores.map((score, location) => ({ weight: 1, balanced_score: score, location })),
  locations: scores.map((_, location) => location),
});

describe('the sections a result lists', () => {
  const page = {
    url: '/brief/',
    excerpt: 'Khrushchev saw himself as a <mark>farming</mark> expert and made agriculture his cause.',
    anchors: ['h2', 'h2', 'h2', 'h3', 'span'].map((element) => ({ element })),
  };

  it('lists the best-matching sections first, at most three, not the page itself', () => {
    const sections = [
      section('Overview', 'The first heading, barely matching <mark>farming</mark>.', [1]),
      { ...section('Page', 'the page', [9]), url: '/brief/' },
      section('Agriculture', 'Grain harvests and <mark>farming</mark> reforms, <mark>farming</mark> again.', [5, 6]),
      section('Takeaways', 'Collective <mark>farming</mark> stayed.', [3]),
      section('Quiz', 'One more <mark>farming</mark> question.', [2]),
      section('Nothing', 'no match here', []),
    ];
    expect(matchingSections(page, sections).map(({ section }) => section.title)).toEqual(['Agriculture', 'Takeaways', 'Quiz']);
  });

  it("shows a section whose excerpt repeats the page's by its heading alone", () => {
    const listed = matchingSections(page, [
      section('Farming', 'Khrushchev saw himself as a <mark>farming</mark> expert and made weak Soviet agriculture', [4]),
      section('Maize', 'Maize for fodder across the whole Union, a <mark>farming</mark> dream', [2]),
    ]);
    expect(listed.map(({ section, repeats }) => `${section.title} ${repeats}`)).toEqual(['Farming true', 'Maize false']);
  });

  it("lists none for a page of one section (a term's definition): it is the page", () => {
    const term = { url: '/kgb/', excerpt: 'KGB: the security service.', anchors: [{ element: 'h2' }] };
    expect(matchingSections(term, [section('Definition', 'KGB: the <mark>security</mark> service.', [3])])).toEqual([]);
  });

  it('scores a section by its matches (their weights when Pagefind gives no score)', () => {
    expect(sectionScore(section('A', '', [2, 3]))).toBe(5);
    expect(sectionScore({ title: 'B', url: '', excerpt: '', weighted_locations: [{ weight: 7, location: 1 }] })).toBe(7);
    expect(sectionScore({ title: 'C', url: '', excerpt: '', locations: [1, 2] })).toBe(2);
  });

  it('compares excerpts by their words, without marks, case or punctuation', () => {
    expect(repeatsExcerpt('<mark>Virgin</mark> Lands, launched', 'virgin lands launched in 1954')).toBe(true);
    expect(repeatsExcerpt('Maize for fodder', 'virgin lands launched in 1954')).toBe(false);
  });
});
