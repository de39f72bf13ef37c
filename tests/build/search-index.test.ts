/** The search index, queried through Pagefind's own API in Node: ranking, filters, and what is never indexed. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, PROJECT_ROOT, TMP, buildVault, listFiles } from '../helpers/build.ts';
import { openSearch, type SiteSearch } from '../helpers/search.ts';

const COURSE =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
let search: SiteSearch;

beforeAll(async () => {
  search = await openSearch(DEFAULT_SITE);
});
afterAll(async () => {
  await search?.close();
});

describe('the default site', () => {
  it('indexes exactly the pages that give it their text (data-pagefind-body), read from the route table', () => {
    const entry = JSON.parse(readFileSync(join(DEFAULT_SITE, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    const withBody = listFiles(DEFAULT_SITE).filter(
      (file) => file.endsWith('.html') && readFileSync(join(DEFAULT_SITE, file), 'utf8').includes('data-pagefind-body'),
    );
    expect(withBody.length).toBeGreaterThan(20);
    expect(indexed).toBe(withBody.length);
    // Pagefind read them from a folder of links beside the site (src/integrations/pagefind.ts): gone once it is done.
    expect(readdirSync(dirname(DEFAULT_SITE)).filter((name) => name.endsWith('.searched'))).toEqual([]);
  });

  it('puts the Khrushchev brief in the top 3 for "Secret Speech"', async () => {
    const top = (await search.search('Secret Speech')).slice(0, 3).map((hit) => hit.url);
    expect(top).toContain(`${COURSE}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`);
  });

  it.each(['KGB', 'Committee for State Security'])('returns the KGB term first for "%s"', async (query) => {
    const [first] = await search.search(query);
    expect(first).toMatchObject({ url: `${COURSE}/glossary/kgb/`, title: 'KGB', type: 'term' });
  });

  it('returns headings and timeline events as sub-results with their anchors', async () => {
    const hits = await search.search('naval blockade');
    const timeline = hits.find((hit) => hit.type === 'timeline');
    expect(timeline?.subResults).toContain(
      `${COURSE}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/#1962-10-24-naval-blockade-of-cuba`,
    );
    const brief = (await search.search('Virgin Lands')).find((hit) => hit.type === 'brief');
    expect(brief?.subResults.some((url) => url.endsWith('#the-virgin-lands-and-maize-campaigns'))).toBe(true);
  });

  it('titles a section by its heading alone, not by its "#" link for screen readers', async () => {
    const timeline = (await search.search('naval blockade')).find((hit) => hit.type === 'timeline');
    expect(timeline?.subResultTitles).toContain('Naval blockade of Cuba');
    const titles = (await search.search('Khrushchev')).flatMap((hit) => hit.subResultTitles);
    expect(titles.length).toBeGreaterThan(5);
    for (const title of titles) expect(title).not.toMatch(/#|Link to/);
  });

  it('counts notes of each type, course and tag as notes.json does', async () => {
    const { notes } = JSON.parse(readFileSync(join(DEFAULT_SITE, 'notes.json'), 'utf8')) as {
      notes: { type: string; tags: string[] }[];
    };
    const expected: Record<string, number> = {};
    for (const note of notes) expected[note.type] = (expected[note.type] ?? 0) + 1;
    const filters = await search.filters();
    expect(filters.type).toEqual(expected);
    expect(filters.course).toEqual({ 'Russian History III': notes.length - 1 });
    expect(filters.tag?.ussr).toBe(notes.filter((note) => note.tags.includes('ussr')).length);
  });

  it('filters by type', async () => {
    const terms = await search.search('Khrushchev', { type: ['term'] });
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((hit) => hit.type === 'term')).toBe(true);
  });

  it('finds nothing of the unpublished draft', async () => {
    const draft = readFileSync(
      join(
        PROJECT_ROOT,
        'content/Network School/Lectures, Quizzes and References/Briefs, Timelines and Study Guides/Russian History/Russian History III/Russian History III - Draft - Brezhnev and the Era of Stagnation.md',
      ),
      'utf8',
    );
    expect(draft).toContain('Sinyavsky');
    // Pagefind ranks near spellings too ("Sino-Soviet" for "Sinyavsky"): what must hold is that no page
    // of the draft is found and no indexed text holds its words.
    expect((await search.search('Sinyavsky')).map((result) => result.url)).not.toContainEqual(expect.stringContaining('draft'));
    const fragments = readdirSync(join(DEFAULT_SITE, 'pagefind/fragment')).map((name) =>
      gunzipSync(readFileSync(join(DEFAULT_SITE, 'pagefind/fragment', name))).toString('utf8'),
    );
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.filter((text) => text.includes('Sinyavsky'))).toEqual([]);
    expect(await search.search('Brezhnev stagnation draft')).not.toContainEqual(
      expect.objectContaining({ title: expect.stringContaining('Draft') }),
    );
  });

  it('writes the names "Did you mean …?" suggests from: titles, terms and aliases, no text, nothing unpublished', () => {
    const file = readFileSync(join(DEFAULT_SITE, 'search-names.json'), 'utf8');
    const names = JSON.parse(file) as Record<string, string[]>;
    expect(Object.keys(names)).toEqual(['en']);
    expect(names.en).toEqual(
      expect.arrayContaining(['KGB', 'Committee for State Security', 'Virgin Lands Campaign', 'Russian History III']),
    );
    expect(names.en?.some((name) => name.includes('Khrushchev'))).toBe(true);
    expect(file).not.toMatch(/Draft|Sinyavsky|plough/);
    // Names only: a few kilobytes for a course of sixty notes.
    expect(file.length).toBeLessThan(4096);
  });

  it('never returns the home, search or 404 pages', async () => {
    const urls = (await search.search('Russian History')).map((hit) => hit.url);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(['/', '/search/', '/404.html']).not.toContain(url);
  });
});

describe('redirect pages', () => {
  it('are never in the index', async () => {
    const build = await buildVault({
      contentDir: 'tests/fixtures/vault-links',
      outDir: join(TMP, 'search-links'),
      env: { GARDEN_URL_LOCK: '' },
    });
    expect(build.code, build.output).toBe(0);
    const links = await openSearch(build.outDir);
    try {
      const hits = await links.search('Gamma');
      expect(hits.map((hit) => hit.url)).toContain('/notes/sub/gamma/');
      expect(hits.some((hit) => hit.url.startsWith('/old/') || hit.url.startsWith('/older/'))).toBe(false);
    } finally {
      await links.close();
    }
  });
});
