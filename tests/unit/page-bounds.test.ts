/** Bounded pages (src/lib/site/page-bounds.ts, course-nav.ts): backlinks summarised, tags paginated, the course menu bounded. */
import { describe, expect, it } from 'vitest';
import { buildGarden, compareTitles } from '../../src/lib/site/garden.ts';
import { courseNav, type NavFolder } from '../../src/lib/site/course-nav.ts';
import {
  BACKLINKS_SHOWN,
  GLOSSARY_PAGE_SIZE,
  HOME_NOTES_SHOWN,
  glossaryPages,
  TAG_PAGE_SIZE,
  homeNotes,
  summariseBacklinks,
  tagPageCount,
  tagPageNotes,
} from '../../src/lib/site/page-bounds.ts';
import { routeTable, servedUrls } from '../../src/lib/site/routes.ts';
import { siteUrl, vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

const file = (path: string, frontmatter: string, body = 'Body.') => ({
  path: vaultPath(path),
  text: `---\ndg-publish: true\n${frontmatter}\n---\n${body}\n`,
});

function gardenOf(files: ReturnType<typeof file>[]) {
  const vault = loadVault(files);
  expect(formatProblems(vault.problems)).toBe('');
  return buildGarden(vault.notes.map((entry) => entry.note));
}

const linkers = (count: number, body: string, frontmatter = '') =>
  Array.from({ length: count }, (_, index) =>
    file(`C/Part/L${String(index).padStart(3, '0')}.md`, `title: L${index}\n${frontmatter}`, body),
  );

describe('backlinks', () => {
  const garden = gardenOf([
    file('C/C.md', 'type: course\ntitle: C'),
    file('C/Hub.md', 'title: Hub'),
    file('C/Star.md', 'title: Star', 'Links to the [[Hub]].'),
    ...linkers(BACKLINKS_SHOWN + 5, 'About the [[Hub]] and the [[Star]].'),
  ]);
  const hub = garden.byUrl.get(siteUrl('/c/hub/'))!;

  it(`shows ${BACKLINKS_SHOWN}, the most linked-to first, and counts the rest`, () => {
    const { shown, more } = summariseBacklinks(garden.backlinksOf(hub), (note) => garden.backlinksOf(note).length);
    expect(shown).toHaveLength(BACKLINKS_SHOWN);
    expect(more).toBe(6);
    expect(shown[0]!.from.title).toBe('Star');
    expect(shown.slice(1, 4).map((backlink) => backlink.from.title)).toEqual(['L0', 'L1', 'L2']);
  });

  it('lists every backlink while there are few', () => {
    const few = garden.backlinksOf(garden.byUrl.get(siteUrl('/c/star/'))!).slice(0, 3);
    expect(summariseBacklinks(few, () => 0)).toEqual({ shown: few, more: 0 });
  });

  it('gives a hub note a backlinks page that the URL lock does not hold', () => {
    const routes = routeTable(garden, []);
    const pages = routes.filter((route) => route.kind === 'backlinks').map((route) => [route.url, route.param, route.indexed]);
    expect(pages).toEqual([
      ['/backlinks/c/hub/', 'c/hub', false],
      ['/backlinks/c/star/', 'c/star', false],
    ]);
    expect(servedUrls(routes).pages).not.toContain('/backlinks/c/hub/');
  });
});

describe('tag pages', () => {
  it(`hold ${TAG_PAGE_SIZE} notes each`, () => {
    expect([0, 1, 50, 51, 100, 101].map(tagPageCount)).toEqual([1, 1, 1, 2, 2, 3]);
    const notes = Array.from({ length: 120 }, (_, index) => index);
    expect(tagPageNotes(notes, 3)).toEqual(notes.slice(100));
  });

  it('are numbered below the tag’s URL, the first one locked and indexed, the others neither', () => {
    const routes = routeTable(gardenOf(linkers(TAG_PAGE_SIZE * 2 + 1, 'Text.', 'tags: [crowd]')), []);
    const tags = routes.flatMap((route) =>
      route.kind === 'tag' ? [[route.url, route.param, route.page, route.pages, route.indexed]] : [],
    );
    expect(tags).toEqual([
      ['/tags/crowd/', 'crowd', 1, 3, true],
      ['/tags/crowd/2/', 'crowd/2', 2, 3, false],
      ['/tags/crowd/3/', 'crowd/3', 3, 3, false],
    ]);
    const served = servedUrls(routes).pages.filter((url) => url.startsWith('/tags/'));
    expect(served.sort()).toEqual(['/tags/', '/tags/crowd/']);
  });

  it('leave a nested tag numbered like a page its URL, and its parent on one page', () => {
    const routes = routeTable(
      gardenOf([...linkers(TAG_PAGE_SIZE + 1, 'Text.', 'tags: [crowd]'), file('C/Year.md', 'title: Year\ntags: [crowd/2]')]),
      [],
    );
    const tags = routes.flatMap((route) =>
      route.kind === 'tag' ? [`${route.url} ${route.tag} ${route.page}/${route.pages}`] : [],
    );
    expect(tags.sort()).toEqual(['/tags/crowd/ crowd 1/1', '/tags/crowd/2/ crowd/2 1/1']);
  });
});

describe('the course menu', () => {
  const garden = gardenOf([
    file('C/C.md', 'type: course\ntitle: C'),
    file('C/Top.md', 'title: Top'),
    file('C/A/A1.md', 'title: A1'),
    file('C/A/A2.md', 'title: A2'),
    file('C/B/B1.md', 'title: B1'),
    file('C/B/Deep/D1.md', 'title: D1'),
    file('C/B/Deep/D2.md', 'title: D2'),
    file('C/B/Deep/Deeper/E1.md', 'title: E1'),
  ]);
  const course = garden.courses[0]!;
  const tree = garden.treeOf(course);
  const at = (url: string) => garden.byUrl.get(siteUrl(url))!;
  /** The menu as text: a listed folder's name then its contents, a folder shown as a link `name→id (count)`. */
  const outline = (folder: NavFolder): unknown[] => [
    ...folder.notes.map((note) => note.title),
    ...folder.folders.map((child) =>
      child.shown === 'link'
        ? `${child.name}→${child.id} (${child.count})`
        : { [`${child.name}${child.open ? ' (open)' : ''}`]: outline(child) },
    ),
  ];

  it('on a deep note: the way to it, its folder’s notes, every other folder a link', () => {
    expect(outline(courseNav(tree, at('/c/b/deep/d1/'), false))).toEqual([
      'A→course-folder-1 (2)',
      { 'B (open)': [{ 'Deep (open)': ['D1', 'D2', 'Deeper→course-folder-2-1-1 (1)'] }] },
    ]);
  });

  it('on a top-level note or a study page: the top folder’s notes and the folders as links', () => {
    const top = ['Top', 'A→course-folder-1 (2)', 'B→course-folder-2 (4)'];
    expect(outline(courseNav(tree, at('/c/top/'), false))).toEqual(top);
    expect(outline(courseNav(tree, undefined, false))).toEqual(top);
  });

  it('on the course page: everything, the ids the links point to on folders', () => {
    const full = courseNav(tree, undefined, true);
    expect(outline(full)).toEqual(['Top', { A: ['A1', 'A2'] }, { B: ['B1', { Deep: ['D1', 'D2', { Deeper: ['E1'] }] }] }]);
    expect(full.folders[1]!.folders[0]!.id).toBe('course-folder-2-1');
  });
});

describe('the home page', () => {
  const notes = (count: number) =>
    gardenOf(
      Array.from({ length: count }, (_, index) =>
        file(
          `Loose/N${String(index).padStart(3, '0')}.md`,
          `title: Note ${String(count - index).padStart(3, '0')}\nupdated: 2026-01-${String((index % 28) + 1).padStart(2, '0')}`,
        ),
      ),
    ).notes;

  it('lists every note outside a course by title while they are few', () => {
    const few = homeNotes(notes(3), compareTitles);
    expect(few.more).toBe(0);
    expect(few.shown.map((note) => note.title)).toEqual(['Note 001', 'Note 002', 'Note 003']);
  });

  it('lists the latest in a large vault, and counts the rest', () => {
    const many = homeNotes(notes(HOME_NOTES_SHOWN * 3), compareTitles);
    expect(many.shown).toHaveLength(HOME_NOTES_SHOWN);
    expect(many.more).toBe(HOME_NOTES_SHOWN * 2);
    const dates = many.shown.map((note) => note.updated ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2026-01-28');
  });
});

describe('the site’s glossary', () => {
  it(`holds ${GLOSSARY_PAGE_SIZE} terms to a page, in letter order, each letter on the page it starts on`, () => {
    const groups = [
      { letter: 'A', terms: ['a1', 'a2', 'a3'] },
      { letter: 'B', terms: ['b1'] },
      { letter: 'C', terms: ['c1', 'c2', 'c3', 'c4'] },
    ];
    const { pages, letterPage } = glossaryPages(groups, 3);
    expect(pages).toEqual([
      [{ letter: 'A', terms: ['a1', 'a2', 'a3'] }],
      [
        { letter: 'B', terms: ['b1'] },
        { letter: 'C', terms: ['c1', 'c2'] },
      ],
      [{ letter: 'C', terms: ['c3', 'c4'] }],
    ]);
    expect([...letterPage]).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
    ]);
    expect(glossaryPages([]).pages).toEqual([[]]);
    const letterOf = (count: number) => [{ letter: 'A', terms: Array.from({ length: count }, (_, index) => index) }];
    expect([0, 100, 101].map((count) => glossaryPages(letterOf(count)).pages.length)).toEqual([1, 1, 2]);
  });

  it('is numbered below /glossary/, the first page locked and indexed, the others neither', () => {
    const terms = Array.from({ length: GLOSSARY_PAGE_SIZE + 1 }, (_, index) =>
      file(`C/Glossary/T${String(index).padStart(3, '0')}.md`, `type: term\ntitle: Term ${index}\ndefinition: Means ${index}.`),
    );
    const routes = routeTable(gardenOf(terms), []);
    const glossary = routes.flatMap((route) =>
      route.kind === 'glossary' ? [[route.url, route.param, route.page, route.pages, route.indexed]] : [],
    );
    expect(glossary).toEqual([
      ['/glossary/', undefined, 1, 2, true],
      ['/glossary/2/', '2', 2, 2, false],
    ]);
    expect(servedUrls(routes).pages.filter((url) => url.startsWith('/glossary/'))).toEqual(['/glossary/']);
  });
});
