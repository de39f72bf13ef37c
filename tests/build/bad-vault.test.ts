/** A vault of bad inputs: the build fails, names every file (and line), and loses nothing already built. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_SITE, TMP, buildVault, hashTree, type BuildResult } from '../helpers/build.ts';

const VAULT = 'tests/fixtures/vault-bad/Course';
let build: BuildResult;
let before: Map<string, string>;

beforeAll(async () => {
  // Build the bad vault over a copy of a good site, as an author's next build would.
  const outDir = join(TMP, 'vault-bad');
  cpSync(DEFAULT_SITE, outDir, { recursive: true });
  before = hashTree(outDir);
  build = await buildVault({ contentDir: 'tests/fixtures/vault-bad', outDir, env: { GARDEN_URL_LOCK: '' } });
});

it('fails', () => {
  expect(build.code).not.toBe(0);
});

it.each([
  ['malformed YAML', `${VAULT}/Malformed Yaml.md:4: malformed frontmatter`],
  [
    'dg-publish as a string',
    `${VAULT}/String Publish.md:3: dg-publish must be the boolean true or false, but it is the string "true"`,
  ],
  ['a .. permalink', `${VAULT}/Dot Dot Permalink.md:3: permalink "/course/../escape/" is not allowed: it has a ".." segment`],
  ['two notes with one URL', `${VAULT}/Same Url Two.md:3: its URL /shared/url/ is also the URL of ${VAULT}/Same Url One.md`],
  [
    'two URLs differing only in case',
    `${VAULT}/Case Url Upper.md:3: its URL /Course/Case-URL/ is also the URL of ${VAULT}/Case Url Lower.md (/course/case-url/, differing only in letter case)`,
  ],
  ['an impossible date', `${VAULT}/Impossible Date.md:7: events[1].date: "1962-02-30" is not a real calendar date`],
  ['a near miss of a kind', `${VAULT}/Unknown Type.md:3: type "breif" is not a kind of note; did you mean brief?`],
  [
    'an embed cycle',
    `${VAULT}/Cycle Two.md:4: embeds form a cycle: ${VAULT}/Cycle One.md → ${VAULT}/Cycle Two.md → ${VAULT}/Cycle One.md`,
  ],
  [
    'an old URL that is a page',
    `${VAULT}/Redirect Clash.md:3: its alias /shared/url/ would redirect from the URL of ${VAULT}/Same Url Two.md; remove one of them`,
  ],
])('reports %s with the file (and line) in the same run', (_, message) => {
  expect(build.output).toContain(message);
});

it('says how many problems there are, and nothing about the valid note', () => {
  expect(build.output).toContain('The vault has 9 problems:');
  expect(build.output).not.toContain('Fine Note.md:');
});

it('prints the problems and no stack trace', () => {
  expect(build.output).not.toContain('Stack trace');
  expect(build.output.split('\n').filter((line) => line.startsWith('    at '))).toEqual([]);
});

it('leaves the previous output as it was', () => {
  const after = hashTree(build.outDir);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [file, hash] of before) expect(after.get(file), file).toBe(hash);
});
