/**
 * Properties and block references as Obsidian authors write them (tests/fixtures/vault-obsidian,
 * built once per run by the global setup): empty properties, Digital Garden JSON nulls, CRLF files,
 * types of the author's own, tags with spaces, Obsidian Publish's flag, the Digital Garden display
 * keys, study sheets only for study material, and `^block-id` anchors, links and embeds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OBSIDIAN_SITE, OBSIDIAN_VAULT, listFiles, readPage, recordedBuild, type BuildResult } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

let build: BuildResult;
beforeAll(() => {
  build = recordedBuild(OBSIDIAN_SITE);
});
const page = (url: string) => parsePage(readPage(build.outDir, url));
const built = (url: string) => listFiles(build.outDir).includes(`${url.slice(1)}index.html`);
const kind = (url: string) => textOf(page(url).querySelector('.note-kind'));

describe('properties as Obsidian writes them', () => {
  it('builds, with one warning listing the types of the author’s own', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain(
      `1 note has a type of the author's own, published as plain notes: "anatomy" (${OBSIDIAN_VAULT}/Properties/Anatomy Note.md).`,
    );
  });

  it('reads keys with no value and JSON nulls as absent', () => {
    expect(textOf(page('/properties/empty-properties/').querySelector('h1'))).toBe('Empty Properties');
    expect(page('/properties/empty-properties/').querySelector('.note-tags')).toBeNull();
    expect(built('/exported-note/')).toBe(true);
  });

  it('reads a CRLF note as its LF twin', () => {
    const windows = page('/properties/windows-note/');
    expect(textOf(windows.querySelector('h1'))).toBe('Windows Note');
    expect([...windows.querySelectorAll('.note-tags a')].map(textOf)).toEqual(['#line-endings', '#windows']);
    expect(windows.querySelector('#written-on-windows')).not.toBeNull();
  });

  it('publishes a note of the author’s own type as a plain note, its tags with spaces at hyphenated URLs', () => {
    const anatomy = page('/properties/anatomy-note/');
    expect(kind('/properties/anatomy-note/')).toBe('Note');
    expect(anatomy.querySelector('article.note')?.classList.contains('note-class-wide-page')).toBe(true);
    expect([...anatomy.querySelectorAll('.note-tags a')].map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['#anatomia humana', '/tags/anatomia-humana/'],
      ['#sistema nervoso', '/tags/sistema-nervoso/'],
    ]);
    expect(textOf(page('/tags/anatomia-humana/').querySelector('h1'))).toBe('#anatomia humana');
  });

  it('honours Obsidian Publish’s publish: true and false, leaving no trace of the unpublished note', () => {
    expect(built('/properties/published-with-publish/')).toBe(true);
    expect(built('/properties/not-published-with-publish/')).toBe(false);
    for (const file of listFiles(build.outDir).filter((name) => /\.(?:html|json|xml|txt)$/.test(name))) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      expect(text, file).not.toContain('SECRET-PUBLISH-FALSE');
      expect(text, file).not.toContain('Private Publish Note');
    }
  });

  it('hides what the Digital Garden display keys turn off', () => {
    const quiet = page('/properties/quiet-page/');
    expect(quiet.querySelector('.toc')).toBeNull();
    expect(quiet.querySelector('.local-graph')).toBeNull();
    expect(quiet.querySelector('.note-tags')).toBeNull();
    expect(quiet.querySelector('h1')?.classList.contains('visually-hidden')).toBe(true);
    expect(textOf(quiet.querySelector('h1'))).toBe('Quiet Page');
    expect(quiet.querySelector('article.note')?.classList.contains('note-class-quiet-class')).toBe(true);
    expect(quiet.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('A page that shows only its text.');
    // Study Note links here, but the page shows no backlinks.
    expect(quiet.querySelector('.backlinks')).toBeNull();
    // The same parts are shown where nothing turns them off.
    expect(page('/properties/anatomy-note/').querySelector('.backlinks')).not.toBeNull();
  });

  it('gives a study sheet to a plain note with study material, and none to one without', () => {
    expect(built('/properties/study-note/study-sheet/')).toBe(true);
    expect(built('/properties/quiet-page/study-sheet/')).toBe(false);
    expect(kind('/properties/study-note/')).toBe('Note');
  });
});

describe('block references', () => {
  const source = () => page('/blocks/block-source/');

  it('anchors each named block and shows no marker', () => {
    const doc = source();
    expect(doc.getElementById('^virgin-lands')?.tagName).toBe('P');
    expect(doc.getElementById('^second-item')?.tagName).toBe('LI');
    expect(doc.getElementById('^the-quote')?.tagName).toBe('BLOCKQUOTE');
    expect(doc.getElementById('^the-callout')?.classList.contains('callout')).toBe(true);
    expect(doc.getElementById('^the-table')?.tagName).toBe('TABLE');
    expect(textOf(doc.querySelector('article'))).not.toMatch(/\^[a-z]/);
  });

  it('links to a block and embeds just that block, without a second anchor', () => {
    const user = page('/blocks/block-user/');
    const link = [...user.querySelectorAll('.prose a')].find((a) => textOf(a) === 'the paragraph');
    expect(decodeURIComponent(link?.getAttribute('href') ?? '')).toBe('/blocks/block-source/#^virgin-lands');
    // Without a label, a block link reads as its note's name: the id is no words for a reader.
    const unlabelled = [...user.querySelectorAll('.prose a')].find((a) => (a.getAttribute('href') ?? '').endsWith('second-item'));
    expect(textOf(unlabelled)).toBe('Block Source');
    const embeds = [...user.querySelectorAll('.embed')];
    expect(textOf(embeds[0]?.querySelector('.embed-source'))).toBe('Block Source');
    expect(textOf(embeds[0]?.querySelector('p:not(.embed-source)'))).toBe(
      'The Virgin Lands campaign opened in 1954 and ploughed up the steppe.',
    );
    expect(embeds[1]?.querySelectorAll('li')).toHaveLength(1);
    expect(embeds[2]?.querySelector('blockquote')).not.toBeNull();
    expect(embeds[3]?.querySelector('.callout')).not.toBeNull();
    expect(embeds[4]?.querySelector('table')).not.toBeNull();
    expect(user.querySelectorAll('[id^="^"]')).toHaveLength(0);
  });

  it('lets a note embed its own parts and a section of a note that embeds it back', () => {
    const embeds = [...source().querySelectorAll('.embed .embed-source a')].map((a) =>
      decodeURIComponent(a.getAttribute('href') ?? ''),
    );
    expect(embeds).toEqual(['/blocks/block-source/#^virgin-lands', '/blocks/block-source/#other-section']);
  });

  it('quotes backlink sentences without block markers', () => {
    const contexts = [...source().querySelectorAll('.backlink-context')].map(textOf);
    expect(contexts.length).toBeGreaterThan(0);
    for (const context of contexts) expect(context).not.toMatch(/\^|\[!/);
  });
});
