/** An `.mdx` note that does not compile: the build fails with its file and line, as the vault's problems are said. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT, TMP, buildVault, type BuildResult } from '../helpers/build.ts';

const VAULT = join(TMP, 'bad-mdx-vault');
let build: BuildResult;

beforeAll(async () => {
  rmSync(VAULT, { recursive: true, force: true });
  mkdirSync(join(VAULT, 'Course'), { recursive: true });
  writeFileSync(join(VAULT, 'Course/Fine Note.md'), '---\ndg-publish: true\ntitle: Fine Note\n---\n\nFine.\n');
  writeFileSync(join(VAULT, 'Course/Broken.mdx'), '---\ndg-publish: true\ntitle: Broken\n---\n\nText {unclosed\n');
  build = await buildVault({ contentDir: VAULT, outDir: join(TMP, 'bad-mdx'), env: { GARDEN_URL_LOCK: '' } });
});

it('fails and names the note and line', () => {
  expect(build.code).not.toBe(0);
  const file = relative(PROJECT_ROOT, join(VAULT, 'Course/Broken.mdx'));
  expect(build.output).toContain(
    `The vault has 1 problem:\n${file}:6: the MDX does not compile: Unexpected end of file in expression`,
  );
});

it('prints no stack trace', () => {
  expect(build.output).not.toContain('Stack trace');
  expect(build.output.split('\n').filter((line) => line.startsWith('    at '))).toEqual([]);
});
