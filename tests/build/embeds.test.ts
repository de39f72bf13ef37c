/**
 * The embeds of the default site (issue 16): every embed named in `notes.json` is a page, and every
 * page below /embed/ is one of them; each is valid HTML, `noindex`, absent from the sitemap and the
 * search index, and links back to its note; `_headers` lets only them be framed; each main embed has
 * an oEmbed file of the right shape, announced by its note's page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, listFiles } from '../helpers/build.ts';
import { parsePage } from '../helpers/html.ts';
import { openSearch, type SiteSearch } from '../helpers/search.ts';
import { headersFor, parseHeadersFile } from '../helpers/serve.ts';

const SITE = 'https://notes.example.org';

interface NotesJson {
  notes: {
    url: string;
    title: string;
    type: string;
    headings: { id: string; share: string; embed?: string; depth: number }[];
    events?: { id: string; share: string }[];
    eras?: { id: string; title: string; embed: string }[];
    term?: { name: string; share: string };
    embeds: { view: string; url: string }[];
  }[];
}

const notesJson = (): NotesJson => JSON.parse(readFileSync(join(DEFAULT_SITE, 'notes.json'), 'utf8')) as NotesJson;
const pageOf = (url: string) => join(DEFAULT_SITE, ...url.split('/').filter(Boolean), 'index.html');
const read = (url: string) => parsePage(readFileSync(pageOf(url), 'utf8'));

describe('embeds of the default site', () => {
  const { notes } = notesJson();
  const embeds = notes.flatMap((note) => note.embeds.map((embed) => ({ ...embed, note })));

  it('writes a page for every embed notes.json names, and no other page below /embed/', () => {
    const views = new Set(embeds.map((embed) => embed.view));
    expect([...views].sort()).toEqual(['flashcards', 'quiz', 'section', 'term', 'timeline']);
    const written = listFiles(join(DEFAULT_SITE, 'embed'))
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/embed/${file.replace(/index\.html$/, '')}`)
      .sort();
    expect(written).toEqual(embeds.map((embed) => embed.url).sort());
    // Every term has its card; a note has at most one page per view (its sections and eras are
    // fragments), so the embeds grow with the notes, not with their headings.
    for (const note of notes.filter((candidate) => candidate.type === 'term'))
      expect(note.embeds.map((embed) => embed.view)).toEqual(['term']);
    for (const note of notes) {
      expect(new Set(note.embeds.map((embed) => embed.view)).size, note.url).toBe(note.embeds.length);
      expect(note.embeds.length, note.url).toBeLessThanOrEqual(2);
    }
    expect(written.length).toBeLessThanOrEqual(2 * notes.length);
  });

  it('makes each embed valid HTML, noindex, framed for links in a new tab, linking back to its note', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const reports = await Promise.all(embeds.map((embed) => validator.validateFile(pageOf(embed.url))));
    const failed = reports.flatMap((report) => report.results).filter((result) => result.errorCount > 0);
    expect(failed.length === 0 ? '' : formatterFactory('text')(failed)).toBe('');
    for (const embed of embeds) {
      const page = read(embed.url);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content'), embed.url).toBe('noindex');
      expect(page.querySelector('link[rel="canonical"]'), embed.url).toBeNull();
      expect(page.querySelector('[data-pagefind-body]'), embed.url).toBeNull();
      expect(page.querySelector('base')?.getAttribute('target')).toBe('_blank');
      // No site navigation: no header, menu or search.
      expect(page.querySelector('.site-header, .site-menu, #site-menu')).toBeNull();
      const back = page.querySelector('.embed-footer a')?.getAttribute('href') ?? '';
      expect(decodeURIComponent(back), embed.url).toBe(embed.note.url);
      expect(page.querySelector('meta[http-equiv="content-security-policy"]'), embed.url).not.toBeNull();
    }
  });

  it('shows the view it names: a card, a timeline with its eras, a quiz, a deck, a note’s body with its sections', () => {
    const of = (view: string) => embeds.find((embed) => embed.view === view)!;
    expect(read(of('term').url).querySelector('.embed-card dfn')?.textContent).toBe(of('term').note.term?.name);
    const timeline = read(of('timeline').url);
    expect(timeline.querySelectorAll('li.event[data-earliest][data-latest]').length).toBe(of('timeline').note.events?.length);
    // Each era notes.json names is a fragment of its timeline's embed: an era heading the embed's CSS
    // can find as the :target (section.era > h2, a child of .embed-timeline).
    const eras = notes.flatMap((note) => note.eras ?? []);
    expect(eras.length).toBeGreaterThan(0);
    for (const era of eras) {
      const [url = '', id = ''] = era.embed.split('#');
      expect(
        embeds.some((embed) => embed.view === 'timeline' && embed.url === url),
        era.embed,
      ).toBe(true);
      expect(id).toBe(era.id);
      expect(read(url).querySelector(`.embed-timeline > section.era > h2[id="${id}"]`), era.embed).not.toBeNull();
    }
    expect(read(of('quiz').url).querySelectorAll('quiz-set .quiz-question').length).toBeGreaterThan(0);
    expect(read(of('flashcards').url).querySelectorAll('flash-cards .flashcard-item').length).toBeGreaterThan(0);
    for (const section of embeds.filter((embed) => embed.view === 'section')) {
      const page = read(section.url);
      const note = read(section.note.url);
      // The whole body as on the note's page, its ## headings where the embed's CSS finds them as the :target.
      const body = page.querySelector('.embed-note > .prose');
      expect(body, section.url).not.toBeNull();
      expect(body?.innerHTML, section.url).toBe(note.querySelector('main .prose')?.innerHTML);
      const ids = section.note.headings.filter((heading) => heading.depth === 2).map((heading) => heading.id);
      const direct = [...page.querySelectorAll('.embed-note > .prose > h2[id]')].map((heading) => heading.id);
      expect(direct, section.url).toEqual(ids);
      // The note's footnotes stay when a section shows: the CSS finds them beside the headings.
      if (page.querySelector('section[data-footnotes]'))
        expect(page.querySelector('.embed-note > .prose > section[data-footnotes]'), section.url).not.toBeNull();
    }
  });

  it('keeps embeds out of the sitemap and the search index', async () => {
    const sitemap = readFileSync(join(DEFAULT_SITE, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain('/embed/');
    expect(readFileSync(join(DEFAULT_SITE, 'robots.txt'), 'utf8')).toBeTruthy();
    let search: SiteSearch | undefined;
    try {
      search = await openSearch(DEFAULT_SITE);
      for (const query of ['KGB', 'Cuban Missile Crisis', 'Secret Speech', 'virgin lands']) {
        const hits = await search.search(query);
        expect(hits.length, query).toBeGreaterThan(0);
        expect(
          hits.filter((hit) => hit.url.startsWith('/embed/')),
          query,
        ).toEqual([]);
      }
    } finally {
      await search?.close();
    }
  });

  it('lets other sites frame the embeds and no other page (_headers)', () => {
    const rules = parseHeadersFile(readFileSync(join(DEFAULT_SITE, '_headers'), 'utf8'));
    const term = embeds.find((embed) => embed.view === 'term')!;
    const forEmbed = headersFor(rules, encodeURI(term.url));
    expect(forEmbed['content-security-policy']).toMatch(/frame-ancestors \*$/);
    for (const path of ['/', encodeURI(term.note.url), '/glossary/', '/notes.json', '/search/']) {
      const headers = headersFor(rules, path);
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['content-security-policy'], path).not.toContain('frame-ancestors');
    }
  });

  it('describes each main embed in an oEmbed file that its note page and the embed announce', () => {
    const mains = notes.flatMap((note) =>
      note.embeds[0] && note.embeds[0].view !== 'section' ? [{ note, embed: note.embeds[0] }] : [],
    );
    expect(mains.length).toBeGreaterThan(25);
    for (const { note, embed } of mains) {
      const file = join(DEFAULT_SITE, ...embed.url.split('/').filter(Boolean), 'oembed.json');
      expect(existsSync(file), file).toBe(true);
      const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const src = `${SITE}${encodeURI(embed.url)}`;
      expect(Object.keys(json).sort()).toEqual([
        'height',
        'html',
        'provider_name',
        'provider_url',
        'title',
        'type',
        'version',
        'width',
      ]);
      expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Study Notes Garden', provider_url: `${SITE}/` });
      expect(json.html).toMatch(
        new RegExp(
          `^<iframe src="${src.replace(/[.?]/g, '\\$&')}" title="[^"]+" width="100%" height="${json.height}" style="border:0" loading="lazy"></iframe>$`,
        ),
      );
      expect(typeof json.title).toBe('string');
      expect(json.width).toBeTypeOf('number');
      const oembed = `${SITE}${encodeURI(embed.url)}oembed.json`;
      for (const url of [note.url, embed.url]) {
        const link = read(url).querySelector('link[rel="alternate"][type="application/json+oembed"]');
        expect(link?.getAttribute('href'), url).toBe(oembed);
      }
    }
    // Section embeds have none: a pasted link to a note turns into its main embed.
    for (const section of embeds.filter((embed) => embed.view === 'section'))
      expect(existsSync(join(DEFAULT_SITE, ...section.url.split('/').filter(Boolean), 'oembed.json')), section.url).toBe(false);
  });

  it('gives notes.json each heading’s, event’s and term’s share URL and each ## section’s embed', () => {
    for (const note of notes) {
      const section = note.embeds.find((embed) => embed.view === 'section');
      for (const heading of note.headings) {
        expect(heading.share).toBe(`${note.url}#${heading.id}`);
        expect(heading.embed).toBe(section && heading.depth === 2 ? `${section.url}#${heading.id}` : undefined);
      }
      for (const event of note.events ?? []) expect(event.share).toBe(`${note.url}#${event.id}`);
      if (note.type === 'term') expect(note.term?.share).toBe(note.url);
    }
  });
});

describe('share controls', () => {
  it('renders one share dialog per note page, with visible links for readers without JavaScript', () => {
    const { notes } = notesJson();
    for (const note of notes.slice(0, 10)) {
      const page = read(note.url);
      expect(page.querySelectorAll('share-dialog'), note.url).toHaveLength(1);
      expect(page.querySelectorAll('share-dialog dialog')).toHaveLength(1);
      const links = [...page.querySelectorAll('.share-fallback a')].map((link) =>
        decodeURIComponent(link.getAttribute('href') ?? ''),
      );
      expect(links[0]).toBe(note.url);
      if (note.embeds[0] && note.embeds[0].view !== 'section') expect(links[1]).toBe(note.embeds[0].url);
    }
  });
});
