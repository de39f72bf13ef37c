/**
 * Notes over the limits (src/lib/vault/limits.ts) in a real build: an alias bomb, 10 000-deep quotes and
 * lists, a note over the size limit and one with too many headings stop the build with a `file:line`
 * problem each, beside an ordinary dead link in another note, quickly and without a stack trace.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { MAX_HEADINGS, MAX_NESTING } from '../../src/lib/vault/limits.ts';
import { TMP, buildVault, type BuildResult } from '../helpers/build.ts';

const VAULT = join(TMP, 'limits-vault');
const SHOWN = 'tests/.tmp/limits-vault';
const published = (body: string, frontmatter = 'dg-publish: true') => `---\n${frontmatter}\n---\n${body}\n`;

const NOTES: Record<string, string> = {
  'Alias Bomb.md': published(
    'Body.',
    [
      'dg-publish: true',
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`),
    ].join('\n'),
  ),
  'Deep Quote.md': published(`${'> '.repeat(10_000)}x`),
  'Deep List.md': published(`Intro.\n\n${'- '.repeat(10_000)}x`),
  'Deep Brackets.md': published(`${'['.repeat(10_000)}x`),
  'Deep Html.md': published(`${'<div>'.repeat(10_000)}x`),
  'Many Headings.md': published(Array.from({ length: MAX_HEADINGS + 500 }, (_, index) => `## Part ${index}\n`).join('\n')),
  'Big.md': published(`${'A long line of text about the Khrushchev years. '.repeat(40)}\n\n`.repeat(1400)),
  'Dead Link.md': published('See [[Nowhere at all]].'),
  'Fine.md': published('A fine note that links to [[Deep Quote]].'),
};

let build: BuildResult;
let seconds: number;

beforeAll(async () => {
  rmSync(VAULT, { recursive: true, force: true });
  mkdirSync(VAULT, { recursive: true });
  for (const [name, text] of Object.entries(NOTES)) writeFileSync(join(VAULT, name), text);
  const started = performance.now();
  // One render thread: the scans run on a worker, as in a large vault.
  build = await buildVault({
    contentDir: SHOWN,
    outDir: join(TMP, 'limits-out'),
    env: { GARDEN_URL_LOCK: '', GARDEN_RENDER_WORKERS: '1' },
  });
  seconds = (performance.now() - started) / 1000;
});

it('fails, and soon', () => {
  expect(NOTES['Big.md']?.length).toBeGreaterThan(2.5 * 1024 * 1024);
  expect(build.code).not.toBe(0);
  expect(seconds).toBeLessThan(90);
});

it.each([
  ['Alias Bomb.md:4', 'YAML aliases (*name) repeat their anchors (&name) more than 100 times'],
  ['Deep Quote.md:4', `nest more than ${MAX_NESTING} levels deep here`],
  ['Deep List.md:6', `nest more than ${MAX_NESTING} levels deep here`],
  ['Deep Brackets.md:4', `nest more than ${MAX_NESTING} levels deep here`],
  ['Deep Html.md:4', `nest more than ${MAX_NESTING} levels deep here`],
  [`Many Headings.md:${4 + 2 * MAX_HEADINGS}`, `the note has ${MAX_HEADINGS + 500} headings`],
  ['Big.md:1', 'more than the 2 MB a note may be (site option maxNoteSize)'],
  ['Dead Link.md:4', '[[Nowhere at all]] links to a note "Nowhere at all" that does not exist'],
])('names %s with its problem, all in one run', (at, message) => {
  expect(build.output).toContain(`${SHOWN}/${at}: `);
  expect(build.output).toMatch(new RegExp(`${SHOWN}/${at}: [^\\n]*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
});

it('counts them, and reports nothing about the note that links to one of them', () => {
  expect(build.output).toContain('The vault has 8 problems:');
  expect(build.output).not.toContain('Fine.md');
});

it('shows no stack trace and no engine message', () => {
  expect(build.output).not.toMatch(/^\s{4}at /m);
  expect(build.output).not.toContain('Maximum call stack');
  expect(build.output).not.toContain('Excessive alias count');
});
