/**
 * Raw HTML in a note cannot pose as the site, under either Markdown processor: it carries no `data-*`
 * attribute (link previews, copy links, search filters are the site's), and its ids, names and id
 * references are prefixed `user-content-`; the build's own ids and data attributes are untouched,
 * and a `#fragment` link in the note to a raw id follows it to its prefixed name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { vaultPath } from '../../src/lib/util/types.ts';
import { parsePage } from '../helpers/html.ts';
import { createRenderer, loadRenderableFiles, type RenderableNote } from '../helpers/markdown-render.ts';

const BODY = [
  '## Site heading',
  '',
  'A wikilink [[Target]] keeps its preview, a block link [[Target#^blk]] its target. ^mine',
  '',
  '<a href="https://elsewhere.example/" data-preview-title="FAKE" data-preview-kind="term" data-preview-text="FAKE text" class="internal-link" id="garden-text">forged preview</a>',
  '',
  '<a href="https://elsewhere.example/" data-copy-link data-garden-built="guessed">forged copy link</a>',
  '',
  '<p id="main" data-pagefind-filter="tag" data-callout="note">raw paragraph</p>',
  '',
  '<span id="anchor" name="named">raw anchor</span>',
  '',
  '<a name="old-style" aria-describedby="main anchor">old anchor</a>',
  '',
  '<h2>Main</h2>',
  '',
  '<h3 id="site-heading">Raw heading with an id</h3>',
  '',
  'Jumps: [to the raw anchor](#anchor), <a href="#old-style">to the old anchor</a>, [to the raw main](#main),',
  '[to the site heading](#site-heading), [to the page](#other).',
  '',
  '> [!note] Callout',
  '> body',
  '',
  'A footnote.[^1]',
  '',
  '[^1]: Its text.',
].join('\n');

let notes: RenderableNote[];

beforeAll(() => {
  notes = loadRenderableFiles('/vault', [
    { path: vaultPath('Note.md'), text: `---\ndg-publish: true\ntitle: Note\n---\n${BODY}\n` },
    {
      path: vaultPath('Target.md'),
      text: '---\ndg-publish: true\ntitle: Target\ndescription: The real summary.\n---\nA block. ^blk\n',
    },
  ]);
});

const rendered: Record<string, string> = {};

describe.each(['unified', 'satteri'] as const)('raw HTML under %s', (name) => {
  let page: Document;
  const element = (selector: string) => page.querySelector(selector) as Element;

  beforeAll(async () => {
    const renderer: MarkdownRenderer = await createRenderer(name);
    const note = notes.find((candidate) => candidate.vaultPath === 'Note.md') as RenderableNote;
    rendered[name] = (await renderer.render(note.markdown, { fileURL: note.fileURL })).code;
    page = parsePage(`<!doctype html><html><body>${rendered[name]}</body></html>`);
  });

  it('carries no data attribute: no forged link preview, copy link, search filter or callout', () => {
    const forged = [...page.querySelectorAll('a')].filter((link) => link.textContent?.startsWith('forged'));
    expect(forged).toHaveLength(2);
    for (const link of [...forged, element('p#user-content-main')]) {
      expect(link.getAttributeNames().filter((attribute) => attribute.startsWith('data-'))).toEqual([]);
    }
    expect(
      page.querySelectorAll('[data-preview-title="FAKE"], [data-copy-link]:not(.anchor-link), [data-pagefind-filter]'),
    ).toHaveLength(0);
  });

  it("keeps the site's own data attributes", () => {
    const wikilink = element('a[href="/target/"]');
    expect(wikilink.getAttribute('data-preview-title')).toBe('Target');
    expect(wikilink.getAttribute('data-preview-text')).toBe('The real summary.');
    expect(element('.callout').getAttribute('data-callout')).toBe('note');
    expect(element('a.anchor-link').hasAttribute('data-copy-link')).toBe(true);
  });

  it('prefixes raw ids, names and id references with user-content-, as GitHub does', () => {
    expect(textOf(page.getElementById('user-content-garden-text'))).toBe('forged preview');
    expect(page.getElementById('garden-text')).toBeNull();
    expect(textOf(page.getElementById('user-content-main'))).toBe('raw paragraph');
    expect(page.getElementById('main')).toBeNull();
    const anchor = element('#user-content-anchor');
    expect(anchor.getAttribute('name')).toBe('user-content-named');
    const old = element('a[name="user-content-old-style"]');
    expect(old.textContent).toBe('old anchor');
    expect(old.getAttribute('aria-describedby')).toBe('user-content-main user-content-anchor');
    expect(element('#user-content-site-heading').textContent).toContain('Raw heading with an id');
  });

  it('gives a raw heading a prefixed id, never one of the page', () => {
    const heading = [...page.querySelectorAll('h2')].find((candidate) => candidate.textContent?.startsWith('Main'));
    expect(heading?.id).toBe('user-content-main-1');
  });

  it("leaves the build's own ids alone: headings, block ids, footnotes", () => {
    expect(element('h2#site-heading').textContent).toContain('Site heading');
    expect(page.getElementById('^mine')).not.toBeNull();
    expect(element('a[href="/target/#%5Eblk"]')).not.toBeNull();
    expect(page.getElementById('user-content-fn-1')).not.toBeNull();
    expect(element('a[data-footnote-ref]').getAttribute('href')).toBe('#user-content-fn-1');
  });

  it('points in-note links at the prefixed raw ids, and keeps links to the build’s ids', () => {
    const href = (text: string) =>
      [...page.querySelectorAll('a')].find((link) => link.textContent === text)?.getAttribute('href');
    expect(href('to the raw anchor')).toBe('#user-content-anchor');
    expect(href('to the old anchor')).toBe('#user-content-old-style');
    expect(href('to the raw main')).toBe('#user-content-main');
    expect(href('to the site heading')).toBe('#site-heading');
    expect(href('to the page')).toBe('#other');
  });
});

it('gives the same HTML under both processors', () => {
  expect(rendered.satteri).toBe(rendered.unified);
});

const textOf = (element: Element | null) => element?.textContent ?? null;
