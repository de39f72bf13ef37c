/**
 * Incremental builds (experimental.incrementalBuild with the keys of src/lib/site/page-keys.ts): after an
 * author edits one note, a rebuild on the warm cache copies the pages of unchanged notes and gives
 * exactly what a clean build of the edited vault gives, byte for byte.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TMP, buildVault, hashTree, type BuildResult } from '../helpers/build.ts';

const vault = join(TMP, 'incremental-vault');
const site = join(TMP, 'incremental-site');
/**
 * The pages Astro's log says it copied, each `├─ <page> (cached)`. Pages are generated four at once, so
 * another page's entry can land on the line of one still rendering (`├─ /a/index.html12:00:00 ├─ /b/index.html
 * (restored)`): each entry is read from its own `├─` to the next.
 */
const cachedPages = (output: string) =>
  output
    .split(/[├└]─/)
    .map((entry) => entry.split('\n')[0]!)
    .filter((entry) => /\((cached|restored)\)/.test(entry));

describe('a rebuild after editing one note', () => {
  let first: BuildResult;
  let rebuild: BuildResult;
  let clean: BuildResult;

  beforeAll(async () => {
    for (const dir of [vault, site, `${site}.cache`, join(TMP, 'incremental-clean'), join(TMP, 'incremental-clean.cache')]) {
      rmSync(dir, { recursive: true, force: true });
    }
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/vault-links'), vault, { recursive: true });
    first = await buildVault({ contentDir: vault, outDir: site, env: { GARDEN_URL_LOCK: '' } });
    // The sentence around a link changes (so the linked note's backlinks change) and a paragraph is added.
    const alpha = join(vault, 'Notes/Alpha.md');
    const text = readFileSync(alpha, 'utf8');
    expect(text).toContain('Plain wikilink: [[Beta]] is next.');
    writeFileSync(
      alpha,
      `${text.replace('Plain wikilink: [[Beta]] is next.', 'Plain wikilink: [[Beta]] comes next, as edited.')}\nAn added paragraph.\n`,
    );
    rebuild = await buildVault({ contentDir: vault, outDir: site, env: { GARDEN_URL_LOCK: '' } });
    clean = await buildVault({ contentDir: vault, outDir: join(TMP, 'incremental-clean'), env: { GARDEN_URL_LOCK: '' } });
  });

  it('builds', () => {
    expect(first.code, first.output).toBe(0);
    expect(rebuild.code, rebuild.output).toBe(0);
    expect(clean.code, clean.output).toBe(0);
  });

  it('reuses the pages of untouched notes and renders the edited note and the note it links to', () => {
    const cached = cachedPages(rebuild.output);
    expect(cached.some((line) => line.includes('/notes/deep/'))).toBe(true);
    expect(cached.some((line) => line.includes('/notes/alpha/'))).toBe(false);
    // Beta's backlinks quote the edited sentence.
    expect(cached.some((line) => line.includes('/notes/beta/'))).toBe(false);
    expect(cachedPages(clean.output)).toEqual([]);
  });

  it('gives exactly what a clean build of the edited vault gives', () => {
    const incremental = hashTree(rebuild.outDir);
    const fromScratch = hashTree(clean.outDir);
    expect([...incremental.keys()]).toEqual([...fromScratch.keys()]);
    for (const [file, hash] of fromScratch) expect(incremental.get(file), file).toBe(hash);
    expect(readFileSync(join(rebuild.outDir, 'notes/beta/index.html'), 'utf8')).toContain('comes next, as edited');
  });
});

describe('a rebuild on its cache after another vault was built', () => {
  it('still renders the MDX notes it restores from the cache', async () => {
    // The other vault's build leaves Astro's list of MDX modules (.astro/content-modules.mjs) without this vault's.
    const other = await buildVault({
      contentDir: 'tests/fixtures/vault-good',
      outDir: join(TMP, 'incremental-other'),
      env: { GARDEN_URL_LOCK: '' },
    });
    expect(other.code, other.output).toBe(0);
    const again = await buildVault({ contentDir: vault, outDir: site, env: { GARDEN_URL_LOCK: '' } });
    expect(again.code, again.output).toBe(0);
    expect(readFileSync(join(site, 'notes/component/index.html'), 'utf8')).toContain('beta from mdx');
  });
});
