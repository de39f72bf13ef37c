/** Links that never break (DESIGN §3, §5): every link form, embeds, backlinks, redirects, notes.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TMP, buildVault, listFiles, readPage, type BuildResult } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';
import { buildGarden } from '../../src/lib/site/garden.ts';
import { routeTable, servedUrls } from '../../src/lib/site/routes.ts';
import { listVaultFiles } from '../../src/lib/vault/files.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

let build: BuildResult;
const page = (url: string) => parsePage(readPage(build.outDir, url));
const prose = (url: string) => page(url).querySelector('.prose') as Element;
const linkTo = (container: Element, text: string) => [...container.querySelectorAll('a')].find((a) => textOf(a) === text);

beforeAll(async () => {
  build = await buildVault({
    contentDir: 'tests/fixtures/vault-links',
    outDir: join(TMP, 'vault-links'),
    env: { GARDEN_URL_LOCK: '' },
  });
  expect(build.code, build.output).toBe(0);
});

describe('every link form', () => {
  it.each([
    ['Beta', '/notes/beta/'], // [[Beta]]
    ['the beta note', '/notes/beta/'], // [[Beta|the beta note]]
    ['Beta › Second Section', '/notes/beta/#second-section'], // [[Beta#Second Section]]
    ['Local Heading', '/notes/alpha/#local-heading'], // [[#Local Heading]]
    ['Gamma', '/notes/sub/gamma/'], // [[Notes/Sub/Gamma]]
    ['Gamma Alias', '/notes/sub/gamma/'], // by alias
    ['the gamma note', '/notes/sub/gamma/'], // [text](Sub/Gamma.md)
    ['second section', '/notes/beta/#second-section'], // [text](Beta.md#Second%20Section)
    ['escaped pipe', '/notes/beta/'], // [[Notes/Beta\|escaped pipe]] in a table
  ])('"%s" links to %s', (text, href) => {
    const link = linkTo(prose('/notes/alpha/'), text);
    expect(link?.getAttribute('href')).toBe(href);
    expect(link?.getAttribute('class')).toContain('internal-link');
  });

  it('carries a preview of the target, built at compile time', () => {
    const link = linkTo(prose('/notes/alpha/'), 'Beta');
    expect(link?.getAttribute('data-preview-title')).toBe('Beta');
    expect(link?.getAttribute('data-preview-text')).toBe('A note that is linked and embedded.');
  });

  it('leaves web links alone', () => {
    expect(linkTo(prose('/notes/alpha/'), 'example')?.getAttribute('href')).toBe('https://example.org/');
  });

  it('links from MDX notes too', () => {
    expect(linkTo(prose('/notes/component/'), 'beta from mdx')?.getAttribute('href')).toBe('/notes/beta/');
  });
});

describe('unpublished notes', () => {
  it('are plain text in links and nothing in embeds, with a warning naming both files', () => {
    const alpha = prose('/notes/alpha/');
    expect(textOf(alpha)).toContain('To a draft: Draft Note is not published.');
    expect([...alpha.querySelectorAll('a')].some((a) => textOf(a) === 'Draft Note')).toBe(false);
    expect(build.output).toContain(
      'vault-links/Notes/Alpha.md:20: [[Draft Note]] links to tests/fixtures/vault-links/Notes/Draft Note.md, which is not published',
    );
    expect(build.output).toContain('vault-links/Notes/Alpha.md:40: ![[Draft Note]] embeds');
  });

  it('leave no title, slug or text anywhere in the output', () => {
    for (const file of listFiles(build.outDir)) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      for (const marker of ['DRAFTLINKMARKER', 'Secret Draft Title', 'draft-note'])
        expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
    }
  });
});

describe('embeds', () => {
  it('shows a note, or one section of it, in place with a link to it', () => {
    const embeds = [...prose('/notes/alpha/').querySelectorAll('.embed')];
    expect(embeds).toHaveLength(2);
    expect(textOf(embeds[0])).toContain('BETAFIRSTMARKER');
    expect(textOf(embeds[0])).toContain('BETASECONDMARKER');
    expect(textOf(embeds[1])).not.toContain('BETAFIRSTMARKER');
    expect(textOf(embeds[1])).toContain('BETASECONDMARKER');
    expect(embeds[1]?.querySelector('.embed-source a')?.getAttribute('href')).toBe('/notes/beta/#second-section');
  });

  it('stops at three levels, linking to the fourth', () => {
    const deep = prose('/notes/deep/');
    expect(textOf(deep)).toContain('LEVELTHREEMARKER');
    expect(textOf(deep)).not.toContain('LEVELFOURMARKER');
    expect(linkTo(deep, 'Level Four')?.getAttribute('href')).toBe('/notes/level-four/');
  });

  it('publishes an embedded image (sized when asked) and no unused attachment', () => {
    const images = [...prose('/notes/alpha/').querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['Map of Cuba', 'Map of Cuba']);
    expect(images[1]?.getAttribute('width')).toBe('300');
    const assets = listFiles(build.outDir).filter(
      // KaTeX's fonts are the site's own (linked by math pages' stylesheet), not the vault's.
      (file) =>
        file.startsWith('_astro/') && !file.endsWith('.css') && !file.endsWith('.js') && !file.startsWith('_astro/KaTeX_'),
    );
    expect(assets.every((file) => file.includes('Map of Cuba'))).toBe(true);
    expect(assets.length).toBeGreaterThan(0);
  });
});

describe('backlinks', () => {
  it('lists every note that links here, with its sentence', () => {
    const backlinks = [...page('/notes/alpha/').querySelectorAll('.backlinks li')].map((li) => [
      textOf(li.querySelector('a')),
      textOf(li.querySelector('p')),
    ]);
    expect(backlinks).toEqual([
      ['Beta', 'It mentions Alpha in passing.'],
      ['Gamma', 'Back to Alpha from here, in a sentence about backlinks.'],
    ]);
  });
});

describe('redirects', () => {
  it('serves each old URL as a redirect page: refresh, canonical, noindex', () => {
    for (const old of ['/old/gamma/', '/older/gamma-note/']) {
      const redirect = page(old);
      expect(redirect.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/notes/sub/gamma/');
      expect(redirect.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        'https://notes.example.org/notes/sub/gamma/',
      );
      expect(redirect.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(redirect.querySelector('[data-pagefind-body]')).toBeNull();
    }
  });

  it('keeps old URLs out of aliases that links use', () => {
    expect(textOf(page('/notes/sub/gamma/').querySelector('.prose'))).toContain('Gamma body.');
  });
});

describe('/notes.json', () => {
  it('lists every published note with its headings and ids', () => {
    const { notes } = JSON.parse(readFileSync(join(build.outDir, 'notes.json'), 'utf8')) as {
      notes: { url: string; title: string; type: string; headings: { id: string; text: string }[]; redirectsFrom?: string[] }[];
    };
    expect(notes.map((note) => note.url)).toEqual([...notes.map((note) => note.url)].sort());
    expect(notes).toHaveLength(10);
    const beta = notes.find((note) => note.url === '/notes/beta/');
    expect(beta).toMatchObject({
      title: 'Beta',
      type: 'note',
      headings: [
        { id: 'first-section', text: 'First Section' },
        { id: 'second-section', text: 'Second Section' },
      ],
    });
    expect(notes.find((note) => note.url === '/notes/sub/gamma/')?.redirectsFrom).toEqual(['/old/gamma/', '/older/gamma-note/']);
    expect(JSON.stringify(notes)).not.toContain('Draft');
  });
});

describe('headings', () => {
  it('get a link to themselves for copying', () => {
    const heading = page('/notes/beta/').querySelector('#second-section');
    expect(heading?.querySelector('a.anchor-link')?.getAttribute('href')).toBe('#second-section');
    expect(textOf(heading?.querySelector('a.anchor-link .visually-hidden'))).toBe('Link to “Second Section”');
  });

  it('named like the sections of their page keep ids of their own: no id is on the page twice', () => {
    const sections = page('/notes/page-sections/');
    const ids = [...sections.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    // The page's own sections are there, under their ids…
    for (const id of ['on-this-page', 'connections', 'key-takeaways', 'frequently-asked-questions', 'key-quotes', 'quiz', 'main'])
      expect(sections.getElementById(id), id).not.toBeNull();
    // …and the note's headings beside them, under theirs, which the table of contents links to.
    const headings = [...sections.querySelectorAll('.prose h2')].map((heading) => heading.id);
    expect(headings).toEqual([
      'on-this-page-1',
      'connections-1',
      'key-takeaways-1',
      'frequently-asked-questions-1',
      'key-quotes-1',
      'quiz-1',
      'main-1',
    ]);
    // "On this page" lists them, then the page's own study sections, each by its own id.
    const toc = [...sections.querySelectorAll('nav.toc a')].map((link) => link.getAttribute('href'));
    expect(toc).toEqual([...headings, 'key-takeaways', 'key-quotes', 'frequently-asked-questions', 'quiz'].map((id) => `#${id}`));
  });
});

describe('the URLs the vault serves', () => {
  it('are exactly the pages built, so that `npm run urls` locks each one (the vault has no tags: /tags/ is built all the same)', () => {
    const root = join(PROJECT_ROOT, 'tests/fixtures/vault-links');
    const { notes: paths, attachments } = listVaultFiles(root);
    const vault = loadVault(
      paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })),
      { attachments, brokenLinks: 'warn' },
    );
    const served = servedUrls(routeTable(buildGarden(vault.notes.map((entry) => entry.note)), []));
    const built = listFiles(build.outDir)
      // Embeds follow their notes and are never locked (src/lib/site/embed-urls.ts).
      .filter((file) => file.endsWith('index.html') && !file.startsWith('embed/'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`);
    expect([...served.pages, ...served.redirects].sort()).toEqual(built.sort());
  });
});
