/** The route table (src/lib/site/routes.ts): every URL the site serves, its page file, props, key and indexing. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../../src/lib/site/garden.ts';
import { NOTE_ROUTE } from '../../src/lib/site/reserved-urls.ts';
import { BACKLINKS_SHOWN } from '../../src/lib/site/page-bounds.ts';
import { FILE_ROUTES, indexedUrls, routeTable, servedUrls, staticPaths, type RetiredUrl } from '../../src/lib/site/routes.ts';
import { siteUrl, vaultPath } from '../../src/lib/util/types.ts';
import { checkUrlLock } from '../../src/lib/site/url-lock.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';

const note = (path: string, frontmatter = '') => ({
  path: vaultPath(path),
  text: `---\ndg-publish: true\n${frontmatter}\n---\nBody.\n`,
});

function gardenOf(...files: ReturnType<typeof note>[]) {
  const vault = loadVault(files);
  expect(formatProblems(vault.problems)).toBe('');
  return buildGarden(vault.notes.map((entry) => entry.note));
}

const garden = gardenOf(
  note('Home.md', 'dg-home: true\ntitle: Home'),
  note('History/History.md', 'type: course\ntitle: History'),
  note('History/Brief.md', 'type: brief\ntitle: Brief\ntags: [cold-war]\ntakeaways: [One]\naliases: [/old-brief/]'),
  note('History/Hidden.md', 'title: Hidden\ndg-hide: true\ntags: [secret]'),
);
const retired: RetiredUrl[] = [{ url: siteUrl('/gone/'), course: '/history/history/' }];
const routes = routeTable(garden, retired);
const summary = routes.map(
  (route) => `${route.kind} ${route.url} ${route.source} ${route.indexed ? 'indexed' : '-'} ${route.listed ? 'listed' : '-'}`,
);

describe('the route table', () => {
  it('has every page of the site with its kind, page file, and whether it is indexed and listed', () => {
    expect(summary).toEqual([
      'home / src/pages/index.astro indexed listed',
      'search /search/ src/pages/search.astro indexed listed',
      'glossary /glossary/ src/pages/glossary/[...page].astro indexed listed',
      'graph /graph/ src/pages/graph/[...view].astro indexed listed',
      'tag-index /tags/ src/pages/tags/index.astro indexed listed',
      'not-found /404/ src/pages/404.astro - -',
      'note /history/brief/ src/pages/[...path].astro indexed listed',
      'note /history/hidden/ src/pages/[...path].astro indexed -',
      'note /history/history/ src/pages/[...path].astro indexed listed',
      'alias /old-brief/ src/pages/[...path].astro - -',
      'retired /gone/ src/pages/[...path].astro - -',
      'course-tool /history/history/glossary/ src/pages/[...course]/glossary.astro indexed listed',
      'course-tool /history/history/timeline/ src/pages/[...course]/timeline.astro indexed listed',
      'course-tool /history/history/flashcards/ src/pages/[...course]/flashcards.astro indexed listed',
      'course-tool /history/history/study-sheet/ src/pages/[...course]/study-sheet.astro indexed listed',
      'study-sheet /history/brief/study-sheet/ src/pages/[...course]/study-sheet.astro indexed listed',
      'tag /tags/cold-war/ src/pages/tags/[...tag].astro indexed listed',
      // Each Markdown note's body for other sites to frame (src/lib/site/embed-urls.ts), the home note's too.
      'embed /embed/section/history/brief/ src/pages/embed/[...path].astro - -',
      'embed /embed/section/history/hidden/ src/pages/embed/[...path].astro - -',
      'embed /embed/section/history/history/ src/pages/embed/[...path].astro - -',
      'embed /embed/section/ src/pages/embed/[...path].astro - -',
    ]);
  });

  it('serves the home note as the home page, not as a note page', () => {
    const home = routes.find((route) => route.url === '/');
    expect(home?.kind === 'home' && home.note?.title).toBe('Home');
  });

  it('gives a page file its routes as getStaticPaths does: parameters, the route as props, cache keys', () => {
    const keyed = routeTable(garden, retired, garden.pageKeys);
    const paths = staticPaths(keyed, NOTE_ROUTE, 'path');
    expect(paths.map((path) => [path.params.path, path.props.route.kind, typeof path.cacheKey])).toEqual([
      ['history/brief', 'note', 'string'],
      ['history/hidden', 'note', 'string'],
      ['history/history', 'note', 'string'],
      ['old-brief', 'alias', 'undefined'],
      ['gone', 'retired', 'undefined'],
    ]);
    const brief = garden.byUrl.get(siteUrl('/history/brief/'))!;
    expect(paths[0]?.cacheKey).toBe(garden.pageKeys.note(brief));
    // `/graph/` is the rest route's path without a parameter.
    expect(staticPaths(keyed, 'src/pages/graph/[...view].astro', 'view')).toEqual([
      {
        params: { view: undefined },
        props: { route: expect.objectContaining({ kind: 'graph' }) },
        cacheKey: garden.pageKeys.site(),
      },
    ]);
    // Course pages share the course's key; without keys (the loader's check) none is computed.
    const course = garden.courses[0]!;
    expect(staticPaths(keyed, 'src/pages/[...course]/timeline.astro', 'course')[0]?.cacheKey).toBe(
      garden.pageKeys.course(course),
    );
    expect(routes.every((route) => route.cacheKey === undefined)).toBe(true);
  });

  it('is where the sitemap learns which pages are indexed', () => {
    const indexed = indexedUrls(routes);
    expect(indexed('/history/brief/')).toBe(true);
    expect(indexed('/History/Brief/')).toBe(true);
    expect(indexed('/history/hidden/')).toBe(true);
    expect(indexed('/old-brief/')).toBe(false);
    expect(indexed('/gone/')).toBe(false);
    expect(indexed('/404/')).toBe(false);
    expect(indexed('/nowhere/')).toBeUndefined();
    expect(indexed('not a url')).toBeUndefined();
  });

  it('lists the files every site writes', () => {
    expect(FILE_ROUTES.map((file) => String(file.path))).toEqual(
      expect.arrayContaining(['/rss.xml', '/notes.json', '/search-names.json', '/robots.txt', '/sitemap-index.xml', '/404.html']),
    );
  });

  it('has a route for every page file in src/pages', () => {
    const filesBelow = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? filesBelow(path) : [relative(PROJECT_ROOT, path).split('\\').join('/')];
      });
    const pageFiles = filesBelow(join(PROJECT_ROOT, 'src/pages')).filter((file) => file.endsWith('.astro'));
    // A note with more backlinks than its page shows has a backlinks page too.
    const hub = gardenOf(
      note('Hub.md', 'title: Hub'),
      // A term has an embed (its card).
      note('Term.md', 'type: term\ndefinition: A word.'),
      ...Array.from({ length: BACKLINKS_SHOWN + 1 }, (_, index) => ({
        ...note(`L${index}.md`),
        text: '---\ndg-publish: true\n---\n[[Hub]]\n',
      })),
    );
    const sources = new Set([...routes, ...routeTable(hub, [])].map((route) => route.source));
    expect(pageFiles.filter((file) => !sources.has(file))).toEqual([]);
    // …and each page file with several pages takes them from the route table.
    for (const file of pageFiles.filter((path) => path.includes('['))) {
      expect(readFileSync(join(PROJECT_ROOT, file), 'utf8'), file).toMatch(/pathsOf\(/);
    }
  });
});

describe('servedUrls', () => {
  it('are the pages and redirects the URL lock holds the site to: not the 404 page or a retired URL', () => {
    const served = servedUrls(routes);
    expect(served.redirects).toEqual(['/old-brief/']);
    expect(served.pages).toContain('/history/brief/study-sheet/');
    expect(served.pages).not.toContain('/404/');
    expect(served.pages).not.toContain('/gone/');
    const check = checkUrlLock({ published: [siteUrl('/gone/')], retired }, served);
    expect(check.missing).toEqual([]);
    expect(check.revived).toEqual([]);
  });

  it('serve /tags/ in a vault without tags, as the site builds it: the URL a course page links to stays', () => {
    const { pages } = servedUrls(routeTable(gardenOf(note('A.md')), []));
    expect(pages).toContain('/tags/');
    expect(pages.filter((url) => url.startsWith('/tags/'))).toEqual(['/tags/']);
  });

  it('serve every tag page of a listed note beside it', () => {
    const { pages } = servedUrls(routeTable(gardenOf(note('A.md', 'tags: [cold-war]')), []));
    expect(pages.filter((url) => url.startsWith('/tags/')).sort()).toEqual(['/tags/', '/tags/cold-war/']);
  });
});
