/**
 * Pages stay small whatever the vault: a hub note lists its first backlinks and links to the rest, a
 * crowded tag is split into pages, a deep note's course menu holds only the way to it, and the local
 * graph is written once. Built on a generated vault of about 70 notes (the same rules hold at 5 000).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault, readPage, type BuildResult } from '../helpers/build.ts';
import { BOUNDS_PAGES, LINKERS, writeBoundsVault } from '../helpers/bounds-vault.ts';
import { parsePage, textOf } from '../helpers/html.ts';
import { BACKLINKS_SHOWN, TAG_PAGE_SIZE } from '../../src/lib/site/page-bounds.ts';

const VAULT = join(TMP, 'vault-bounds-src');
let build: BuildResult;
const page = (url: string) => parsePage(readPage(build.outDir, url));

beforeAll(async () => {
  writeBoundsVault(VAULT);
  build = await buildVault({ contentDir: VAULT, outDir: join(TMP, 'vault-bounds'), env: { GARDEN_URL_LOCK: '' } });
  expect(build.code, build.output).toBe(0);
});

it('writes valid HTML on each kind of bounded page', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const reports = await Promise.all(
    Object.values(BOUNDS_PAGES).map((url) =>
      validator.validateString(readPage(build.outDir, url), join(build.outDir, `${url}index.html`)),
    ),
  );
  const failed = reports.flatMap((report) => report.results).filter((result) => result.errorCount > 0);
  expect(failed.length === 0 ? '' : formatterFactory('text')(failed)).toBe('');
});

describe('a hub note', () => {
  it(`shows its first ${BACKLINKS_SHOWN} backlinks and links to the full list`, () => {
    const hub = page('/big-course/hub/');
    const section = hub.querySelector('.backlinks') as Element;
    expect(section.querySelectorAll('li')).toHaveLength(BACKLINKS_SHOWN);
    const more = section.querySelector('.backlinks-more a') as Element;
    expect(textOf(more)).toBe(`And ${LINKERS + 1 - BACKLINKS_SHOWN} more notes link here`);
    expect(more.getAttribute('href')).toBe('/backlinks/big-course/hub/');
    // The most linked-to linker (the deep note is linked from nowhere else, but links to it) is a title-ordered tie.
    const all = page('/backlinks/big-course/hub/');
    expect(all.querySelectorAll('.backlinks-all li')).toHaveLength(LINKERS + 1);
    expect(all.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
  });

  it('lists every backlink on a note with few, and makes no backlinks page for it', () => {
    const sibling = page('/big-course/part-b/deep/deeper/deep-sibling/');
    expect([...sibling.querySelectorAll('.backlinks li a')].map(textOf)).toEqual(['Deep Note']);
    expect(sibling.querySelector('.backlinks-more')).toBeNull();
    expect(existsSync(join(build.outDir, 'backlinks/big-course/part-b/deep/deeper/deep-sibling/index.html'))).toBe(false);
  });
});

describe('a crowded tag', () => {
  it(`puts ${TAG_PAGE_SIZE} notes on a page and the rest on numbered pages linked from each`, () => {
    const first = page('/tags/crowd/');
    expect(first.querySelectorAll('.note-list > li')).toHaveLength(TAG_PAGE_SIZE);
    expect(textOf(first.querySelector('.lede'))).toContain(`${LINKERS} notes`);
    const second = page('/tags/crowd/2/');
    expect(second.querySelectorAll('.note-list > li')).toHaveLength(LINKERS - TAG_PAGE_SIZE);
    expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe('/tags/crowd/2/');
    expect(second.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/tags/crowd/');
    expect(textOf(second.querySelector('.pagination [aria-current="page"]'))).toBe('2');
    expect(existsSync(join(build.outDir, 'tags/crowd/3/index.html'))).toBe(false);
  });
});

describe('the course menu', () => {
  const menu = (url: string) => page(url).querySelector('nav[aria-label="Course contents"]') as Element;

  it('on a deep note lists the way to it and its folder’s notes, not other folders’ notes', () => {
    const nav = menu('/big-course/part-b/deep/deeper/deep-note/');
    const links = [...nav.querySelectorAll('a')].map(textOf);
    expect(links).toContain('Deep Sibling');
    expect(textOf(nav.querySelector('[aria-current="page"]'))).toBe('Deep Note');
    expect(links.filter((text) => text.startsWith('Linker'))).toEqual([]);
    expect(links).not.toContain('Other B');
    expect([...nav.querySelectorAll('details[open] > summary')].map(textOf)).toEqual(['Part B', 'Deep', 'Deeper']);
    // Part A is a link to its place in the full tree on the course page.
    const partA = [...nav.querySelectorAll('.course-folder-link a')].find((link) => textOf(link).startsWith('Part A')) as Element;
    expect(partA.getAttribute('href')).toMatch(/^\/big-course\/big-course\/#course-folder-\d+$/);
    const course = page('/big-course/big-course/');
    expect(course.getElementById(partA.getAttribute('href')!.split('#')[1]!)?.tagName).toBe('DETAILS');
  });

  it('on the course page lists the whole course', () => {
    const links = [...menu('/big-course/big-course/').querySelectorAll('ul:not(.course-tools) a')].map(textOf);
    expect(links.filter((text) => text.startsWith('Linker'))).toHaveLength(LINKERS);
    expect(links).toEqual(expect.arrayContaining(['Hub', 'Other B', 'Deep Note', 'Deep Sibling']));
  });
});

describe('the local graph', () => {
  it('is drawn once, with no second copy of its connections as a list', () => {
    const graph = page('/big-course/hub/').querySelector('.local-graph') as Element;
    expect(graph.querySelectorAll('svg.graph-drawing')).toHaveLength(1);
    expect(graph.querySelectorAll('svg.graph-drawing a.graph-node').length).toBeGreaterThan(5);
    expect(graph.querySelector('.graph-list')).toBeNull();
  });
});
