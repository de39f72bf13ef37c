/**
 * Markdown images and links to files go through the vault's own file list, as `![[embeds]]` do: a
 * file outside the vault, behind a symlink or missing is a `file:line` problem naming the note, and
 * nothing outside the vault is ever published — with `brokenLinks: 'warn'` neither.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TMP, buildVault, listFiles, readPage, type BuildResult } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

const MARKER = 'OUTSIDE-THE-VAULT-7f3a';
/** A 1×1 PNG with the marker in a text chunk, so a copy of it in the output is found by its bytes. */
const SECRET_PNG = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
  Buffer.from(MARKER),
]);

const NOTE = [
  '---',
  'dg-publish: true',
  'title: Attachments',
  '---',
  'Inside: ![the map](map.png "The map")',
  '',
  '![a](../../outside/secret.png)',
  '',
  '![b](linked.svg)',
  '',
  'A file outside: [c](../../outside/secret.txt) here.',
  '',
  '![d](../../outside/secret.txt)',
  '',
  '![e](missing.png)',
  '',
  '![f][outside]',
  '',
  '[outside]: ../../outside/secret.svg',
].join('\n');

const PROBLEMS = [
  /Notes\/Note\.md:7: !\[a\]\(\.\.\/\.\.\/outside\/secret\.png\) embeds a file "\.\.\/\.\.\/outside\/secret\.png" outside the vault/,
  /Notes\/Note\.md:9: !\[b\]\(linked\.svg\) embeds a file "linked\.svg" that is not in the vault/,
  /Notes\/Note\.md:11: \[c\]\(\.\.\/\.\.\/outside\/secret\.txt\) links to a file "\.\.\/\.\.\/outside\/secret\.txt" outside the vault/,
  /Notes\/Note\.md:13: !\[d\]\(\.\.\/\.\.\/outside\/secret\.txt\) embeds a file "\.\.\/\.\.\/outside\/secret\.txt" outside the vault/,
  /Notes\/Note\.md:15: !\[e\]\(missing\.png\) embeds a file "missing\.png" that is not in the vault/,
  /Notes\/Note\.md:17: !\[f\]\(\.\.\/\.\.\/outside\/secret\.svg\) embeds a file "\.\.\/\.\.\/outside\/secret\.svg" outside the vault/,
];

let scratch: string;
let vault: string;
let outside: string;

beforeAll(() => {
  mkdirSync(TMP, { recursive: true });
  scratch = mkdtempSync(join(TMP, 'attach-'));
  vault = join(scratch, 'vault');
  outside = join(scratch, 'outside');
  mkdirSync(join(vault, 'Notes'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.png'), SECRET_PNG);
  writeFileSync(
    join(outside, 'secret.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><title>${MARKER}</title></svg>`,
  );
  writeFileSync(join(outside, 'secret.txt'), MARKER);
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/vault-obsidian/attachments/map.png'), join(vault, 'Notes/map.png'));
  // Made here, not committed: a symlink in the vault to a file outside it.
  symlinkSync(join(outside, 'secret.svg'), join(vault, 'Notes/linked.svg'));
  writeFileSync(join(vault, 'Notes/Note.md'), NOTE);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** No file of the output holds an outside file's bytes (or the marker they all carry). */
function expectNothingFromOutside(build: BuildResult) {
  for (const file of listFiles(build.outDir)) {
    const bytes = readFileSync(join(build.outDir, file));
    expect(bytes.includes(MARKER), file).toBe(false);
    expect(bytes.equals(SECRET_PNG), file).toBe(false);
  }
}

describe('Markdown images and links to files outside the vault', () => {
  it('are file:line problems naming the note, and the build fails', async () => {
    const build = await buildVault({ contentDir: vault, outDir: join(scratch, 'out-error'), env: { GARDEN_URL_LOCK: '' } });
    expect(build.code, build.output).not.toBe(0);
    expect(build.output).toContain('The vault has 6 problems:');
    for (const problem of PROBLEMS) expect(build.output).toMatch(problem);
    expect(build.output).not.toMatch(/ImageNotFound/);
  });

  it('with GARDEN_BROKEN_LINKS=warn: listed, shown as their text, and none published', async () => {
    const build = await buildVault({
      contentDir: vault,
      outDir: join(scratch, 'out-warn'),
      env: { GARDEN_URL_LOCK: '', GARDEN_BROKEN_LINKS: 'warn' },
    });
    expect(build.code, build.output).toBe(0);
    for (const problem of PROBLEMS) expect(build.output).toMatch(problem);
    expectNothingFromOutside(build);
    const prose = parsePage(readPage(build.outDir, '/notes/note/')).querySelector('.prose') as Element;
    // The image inside the vault goes through Astro's image pipeline; the others are their alt text.
    const images = [...prose.querySelectorAll('img')];
    expect(images.map((img) => [img.getAttribute('alt'), img.getAttribute('title')])).toEqual([['the map', 'The map']]);
    expect(images[0]?.getAttribute('src')).toMatch(/^\/_astro\/map\.[\w-]+\.webp$/);
    expect(textOf(prose)).toContain('A file outside: c here.');
    for (const alt of ['a', 'b', 'd', 'e', 'f']) expect([...prose.querySelectorAll('p')].map(textOf)).toContain(alt);
    expect(prose.querySelectorAll('a')).toHaveLength(0);
    expect(prose.innerHTML).not.toContain('secret');
    expect(prose.innerHTML).not.toContain('linked.svg');
  });
});
