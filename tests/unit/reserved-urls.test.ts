import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSE_TOOLS } from '../../src/lib/site/course-tools.ts';
import {
  MAX_SEGMENT_BYTES,
  NOTE_ROUTE,
  RESERVED_URLS,
  SITE_URLS,
  reservedUrlProblem,
  urlSegmentProblem,
} from '../../src/lib/site/reserved-urls.ts';
import { tagProblem, tagSlug, tagUrl } from '../../src/lib/syntax/tags.ts';
import { siteUrl, vaultPath } from '../../src/lib/util/types.ts';
import { parseUrlLock } from '../../src/lib/site/url-lock.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';

const filesBelow = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [relative(PROJECT_ROOT, path).split('\\').join('/')];
  });

describe('the reserved-URL list covers everything the site writes', () => {
  it('names every route in src/pages', () => {
    const sources = new Set(RESERVED_URLS.map((entry) => entry.source));
    const uncovered = filesBelow(join(PROJECT_ROOT, 'src/pages')).filter((file) => file !== NOTE_ROUTE && !sources.has(file));
    expect(uncovered, 'add these routes to RESERVED_URLS in src/lib/site/reserved-urls.ts').toEqual([]);
  });

  it('names every file in public/ as a file the site writes', () => {
    const uncovered = filesBelow(join(PROJECT_ROOT, 'public')).filter((file) => {
      const url = file.slice('public'.length);
      return !RESERVED_URLS.some((entry) => entry.kind === 'file' && entry.path === url && entry.source === file);
    });
    expect(uncovered, 'add these files to RESERVED_URLS in src/lib/site/reserved-urls.ts').toEqual([]);
  });

  it('names only routes that exist, and the course tools as course-tools.ts makes them', () => {
    for (const entry of RESERVED_URLS)
      if (entry.source.startsWith('src/pages/')) expect(existsSync(join(PROJECT_ROOT, entry.source)), entry.source).toBe(true);
    const tools = RESERVED_URLS.flatMap((entry) => (entry.kind === 'course-tool' ? [entry.name] : []));
    expect(tools.sort()).toEqual([...COURSE_TOOLS].sort());
  });

  it('locks the pages every site serves', () => {
    expect([...SITE_URLS].sort()).toEqual(['/', '/glossary/', '/graph/', '/search/', '/tags/']);
  });
});

describe('reservedUrlProblem', () => {
  it.each(['/search/', '/404/', '/glossary/', '/tags/', '/graph/', '/Search/', '/GLOSSARY/'])(
    'refuses the site page %s',
    (url) => {
      expect(reservedUrlProblem(siteUrl(url), 'page')).toMatch(/^it is /);
    },
  );

  it.each(['/tags/cold-war/', '/graph/x/', '/pagefind/a/', '/_astro/x/', '/_media/clip.mp4/', '/PageFind/'])(
    'refuses %s, below a folder of the site',
    (url) => expect(reservedUrlProblem(siteUrl(url), 'page')).toMatch(/^it is below \//),
  );

  it.each([
    ['/rss.xml/', '/rss.xml'],
    ['/notes.json/', '/notes.json'],
    ['/robots.txt/', '/robots.txt'],
    ['/favicon.svg/', '/favicon.svg'],
    ['/sitemap-index.xml/', '/sitemap-index.xml'],
    ['/sitemap-0.xml/', '/sitemap-0.xml'],
    ['/sitemap-12.xml/', '/sitemap-12.xml'],
    ['/404.html/', '/404.html'],
    ['/_headers/', '/_headers'],
    ['/rss.xml/more/', '/rss.xml'],
    ['/RSS.xml/', '/RSS.xml'],
  ])('refuses %s, where the site writes a file', (url, file) => {
    expect(reservedUrlProblem(siteUrl(url), 'page')).toContain(`to the file ${file}, so no page can be at ${file}/`);
  });

  it.each(['/a/index.html/', '/index.html/', '/A/Index.HTML/b/'])('refuses %s, a file of another page', (url) => {
    expect(reservedUrlProblem(siteUrl(url), 'page')).toMatch(/is the file every page is written to/);
  });

  it('refuses a URL part longer than a file name may be, counting UTF-8 bytes', () => {
    expect(urlSegmentProblem('x'.repeat(MAX_SEGMENT_BYTES))).toBeUndefined();
    expect(urlSegmentProblem('x'.repeat(MAX_SEGMENT_BYTES + 1))).toMatch(/201 bytes long; a URL part can be at most 200 bytes/);
    expect(urlSegmentProblem('é'.repeat(101))).toMatch(/202 bytes long/);
    expect(reservedUrlProblem(siteUrl(`/a/${'x'.repeat(300)}/`), 'page')).toMatch(/300 bytes long/);
  });

  it('lets a note be the home page, but no old URL redirect from it', () => {
    expect(reservedUrlProblem(siteUrl('/'), 'page')).toBeUndefined();
    expect(reservedUrlProblem(siteUrl('/'), 'redirect')).toBe('it is the home page');
  });

  it.each(['/a/', '/searching/', '/search-notes/', '/rss/', '/a/rss.xml/', '/a/tags/', '/course/glossary-notes/', '/index/'])(
    'accepts %s',
    (url) => {
      expect(reservedUrlProblem(siteUrl(url), 'page')).toBeUndefined();
      expect(reservedUrlProblem(siteUrl(url), 'redirect')).toBeUndefined();
    },
  );

  it('refuses a retired URL of the lock that the site keeps for itself', () => {
    const lock = parseUrlLock(JSON.stringify({ published: ['/search/'], retired: [{ url: '/rss.xml/' }] }));
    expect(lock.ok).toBe(false);
    if (!lock.ok) expect(lock.reason).toMatch(/the retired URL "\/rss.xml\/" cannot have a page: the site writes the RSS feed/);
  });
});

describe('tags as URLs', () => {
  it('gives nested tags nested pages', () => {
    expect(tagUrl('parent/child')).toBe('/tags/parent/child/');
    expect(tagProblem('parent/child')).toBeUndefined();
  });

  it('drops empty parts and a leading or trailing slash', () => {
    expect(tagUrl('a//b')).toBe('/tags/a/b/');
    expect(tagUrl('/a/b/')).toBe('/tags/a/b/');
    expect(tagProblem('a//b')).toBeUndefined();
  });

  it.each([
    ['..', /has a "\.\." part/],
    ['a/../b', /has a "\.\." part/],
    ['./c', /has a "\." part/],
    ['a\\b', /contains a backslash/],
    ['/', /has no letters or digits/],
    ['//', /has no letters or digits/],
    ['?', /has no letters or digits/],
    ['x'.repeat(201), /201 bytes long/],
    [`a/${'ж'.repeat(101)}`, /202 bytes long/],
  ])('refuses the tag %s', (tag, reason) => {
    expect(tagProblem(tag)).toMatch(reason);
  });

  it('makes ? and # URL-safe rather than a link no page answers', () => {
    expect(tagProblem('q&a?')).toBeUndefined();
    expect(tagUrl('q&a?')).toBe('/tags/q-a/');
    expect(tagUrl('c#')).toBe('/tags/c/');
  });

  it('reads a tag in either Unicode form as one tag', () => {
    expect(tagSlug('Cafe\u0301')).toBe(tagSlug('Caf\u00e9'));
  });
});

const file = (path: string, text: string) => ({ path: vaultPath(path), text });

describe('loadVault: URLs the site keeps for itself', () => {
  const vault = loadVault([
    file('Search.md', '---\ndg-publish: true\ntitle: Search\npermalink: /search/\n---\nBody'),
    file('Feed.md', '---\ndg-publish: true\ndg-permalink: /rss.xml\n---\nBody'),
    file('A.md', '---\ndg-publish: true\npermalink: /a/\n---\nBody'),
    file('A Index.md', '---\ndg-publish: true\npermalink: /a/index.html\n---\nBody'),
    file('Graph.md', '---\ndg-publish: true\n---\nBody'),
    file('Folder/Deep.md', `---\ndg-publish: true\ndg-path: Folder/${'ж'.repeat(101)}\n---\nBody`),
    file('Old.md', '---\ndg-publish: true\naliases:\n  - Other name\n  - /notes.json\n  - /\n---\nBody'),
    file('Tags.md', `---\ndg-publish: true\ntags: [ok, "a/../b"]\n---\nBody\n\nNow #${'t'.repeat(201)} inline.`),
    file('Inline.md', `---\ndg-publish: true\n---\nFirst line.\n\nThen #${'u'.repeat(201)} inline.`),
    file('Home.md', '---\ndg-publish: true\ndg-home: true\ntype: course\n---\nBody'),
    file('Fine.md', '---\ndg-publish: true\ntags: [parent/child]\n---\nA #nested/tag here.'),
  ]);
  const text = formatProblems(vault.problems);

  it.each([
    ['a permalink that is a site page', /^Search\.md:4: its URL \/search\/ cannot be used: it is the search page/m],
    ['a permalink that is a site file', /^Feed\.md:3: its URL \/rss\.xml\/ cannot be used: the site writes the RSS feed/m],
    ['a URL that is a file of another', /^A Index\.md:3: its URL \/a\/index\.html\/ cannot be used/m],
    [
      'a file name that is a site page',
      /^Graph\.md: its URL \/graph\/ cannot be used: .*; rename the note or give it a permalink/m,
    ],
    [
      'a dg-path too long for a folder name',
      /^Folder\/Deep\.md:3: its URL \/folder\/zh.*202 bytes long.*give the note another dg-path/m,
    ],
    ['an old URL that is a site file', /^Old\.md:5: its alias \/notes\.json\/ cannot be served: the site writes/m],
    ['an old URL that is the home page', /^Old\.md:6: its alias \/ cannot be served: it is the home page; remove it/m],
    ['a tag that reads as a path', /^Tags\.md:3: tags\[1\]: "a\/\.\.\/b" is not a tag: it has a "\.\." part/m],
    ['an inline tag too long for a folder name', /^Inline\.md:6: the tag #u{40}… cannot have a page: .*201 bytes long/m],
    [
      'a course at the home page, whose glossary is the site’s',
      /^Home\.md:3: its study page \/glossary\/ cannot be used: it is the site's glossary/m,
    ],
  ])('reports %s with its file and line', (_, message) => {
    expect(text).toMatch(message);
  });

  it('reports each problem once, and nothing of the notes that are fine', () => {
    expect(text.match(/^Old\.md:6:/gm)).toHaveLength(1);
    expect(text).not.toMatch(/^(A|Fine)\.md/m);
    // Tags.md is invalid for its frontmatter tag; its inline tag is not checked on top.
    expect(text.match(/^Tags\.md/gm)).toHaveLength(1);
  });
});

describe('loadVault: names that differ only in Unicode normalisation', () => {
  it('says so, not that they differ in letter case', () => {
    const vault = loadVault([
      file('Caf\u00e9.md', '---\ndg-publish: true\npermalink: /caf\u00e9/\n---\nBody'),
      file('Cafe\u0301.md', '---\ndg-publish: true\npermalink: /cafe\u0301/\n---\nBody'),
      file('Notes/Cr\u00e8me.md', '---\ndg-publish: true\n---\nBody'),
      file('Notes/Cre\u0300me.md', '---\ndg-publish: true\n---\nBody'),
    ]);
    const text = formatProblems(vault.problems);
    expect(text).toContain(
      '(/caf\u00e9/, differing only in Unicode normalisation: accents composed in one, decomposed in the other)',
    );
    expect(text).not.toContain('letter case');
    expect(text).toMatch(
      /Notes\/Cr.*me\.md: its URL \/notes\/creme\/ is also the URL of .*the two file names differ only in Unicode normalisation/,
    );
  });
});

describe('the glossary’s numbered pages', () => {
  it('are the site’s, while the rest of /glossary/ stays free for a vault’s own Glossary folder', () => {
    for (const url of ['/glossary/2/', '/glossary/17/', '/Glossary/3/']) {
      expect(reservedUrlProblem(siteUrl(url), 'page'), url).toMatch(/a page of the site's glossary/);
    }
    for (const url of ['/glossary/kgb/', '/glossary/1/', '/glossary/2/notes/', '/glossary/2b/']) {
      expect(reservedUrlProblem(siteUrl(url), 'page'), url).toBeUndefined();
    }
  });
});
