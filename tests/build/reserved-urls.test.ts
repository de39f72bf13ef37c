/**
 * URLs the site keeps for itself, and URLs no file system can hold: a vault that asks for them fails
 * its build with every note named at its line, in one run, and no stack trace — never a crash of
 * Astro's, and never a page silently lost.
 */
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { TMP, buildVault, type BuildResult } from '../helpers/build.ts';

const VAULT = 'tests/fixtures/vault-reserved';
let build: BuildResult;

beforeAll(async () => {
  build = await buildVault({ contentDir: VAULT, outDir: join(TMP, 'vault-reserved'), env: { GARDEN_URL_LOCK: '' } });
});

it('fails', () => {
  expect(build.code).not.toBe(0);
});

it.each([
  ['a permalink that is the search page', 'Search Page.md:3: its URL /search/ cannot be used: it is the search page'],
  ['a permalink that is the 404 page', 'Not Found.md:3: its URL /404/ cannot be used'],
  [
    'a permalink that is the tag list, in other letter case',
    'Tags Page.md:4: its URL /Tags/ cannot be used: it is the list of tags',
  ],
  [
    'a permalink that is the feed',
    'Feed.md:3: its URL /rss.xml/ cannot be used: the site writes the RSS feed to the file /rss.xml',
  ],
  ['a dg-permalink below notes.json', 'Notes Json.md:3: its URL /notes.json/more/ cannot be used'],
  ['a permalink that is a sitemap', 'Sitemap.md:3: its URL /sitemap-0.xml/ cannot be used'],
  ['a permalink inside the search index', 'Pagefind.md:3: its URL /pagefind/notes/ cannot be used: it is below /pagefind/'],
  ['a URL that is the file of another', 'Folder A Index.md:3: its URL /a/index.html/ cannot be used'],
  ['a permalink too long for a folder name', 'Long Permalink.md:3: its URL /xxxxxxxx'],
  ['a file name that is the graph', 'Graph.md: its URL /graph/ cannot be used'],
  ['a file name whose slug grows too long', `${'щ'.repeat(70)}.md: its URL /shhshh`],
  ['an old URL that is robots.txt', 'Old Urls.md:5: its alias /robots.txt/ cannot be served'],
  ['an old URL that is the home page', 'Old Urls.md:6: its alias / cannot be served: it is the home page'],
  ['a tag with a .. part', 'Bad Tags.md:5: tags[1]: "a/../b" is not a tag'],
  ['a tag with a backslash', 'Bad Tags.md:6: tags[2]: "back\\slash" is not a tag: it contains a backslash'],
  ['an inline tag too long for a folder name', 'Long Tag.md:7: the tag #tttt'],
  [
    'a course at the home page, whose glossary is the site’s',
    "Home Course.md:3: its study page /glossary/ cannot be used: it is the site's glossary",
  ],
])('reports %s with its file and line', (_, message) => {
  expect(build.output).toContain(`${VAULT}/${message}`);
});

it('lists every problem in one run, and nothing about the note that is fine', () => {
  expect(build.output).toContain('The vault has 17 problems:');
  expect(build.output).not.toContain('Fine.md');
  expect(build.output).not.toContain('Folder A.md');
});

it('prints no stack trace', () => {
  expect(build.output).not.toMatch(/^\s+at /m);
  expect(build.output).not.toContain('Stack trace');
});
