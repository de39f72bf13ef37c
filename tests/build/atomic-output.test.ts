/**
 * Atomic output: a build that fails in any way — a vault problem, a page that throws while pages are
 * written, a build killed midway — leaves the last good site byte for byte; only a build that
 * succeeds (Pagefind and every other step included) replaces it, and no staging folder is left; the
 * replaced site is deleted by a process of its own once the new one is in place.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputFolders } from '../../src/lib/output/atomic-output.ts';
import { PROJECT_ROOT, TMP, astroEnv, buildVault, hashTree, listFiles } from '../helpers/build.ts';

const vault = join(TMP, 'atomic-vault');
const site = join(TMP, 'atomic-site');
const folders = outputFolders(site);
const env = { GARDEN_URL_LOCK: '' };
const build = () => buildVault({ contentDir: vault, outDir: site, env });

/** Folders a build keeps beside the out dir: staging, or the last site during the swap. */
const leftovers = () => readdirSync(dirname(site)).filter((name) => name.startsWith(`.${basename(site)}.`));

/** The replaced site is deleted by a process the build leaves running: its folder goes soon after. */
async function leftoversOnceDeleted(): Promise<string[]> {
  const started = Date.now();
  while (leftovers().some((name) => name.startsWith(`.${basename(site)}.discarded-`)) && Date.now() - started < 30_000) {
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return leftovers();
}

function expectUnchanged(before: Map<string, string>) {
  const after = hashTree(site);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [file, hash] of before) expect(after.get(file), file).toBe(hash);
}

describe('the output folder', () => {
  let good: Map<string, string>;

  beforeAll(async () => {
    for (const dir of [vault, site, `${site}.cache`, folders.staging, folders.previous])
      rmSync(dir, { recursive: true, force: true });
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/vault-links'), vault, { recursive: true });
    const first = await build();
    expect(first.code, first.output).toBe(0);
    good = hashTree(site);
  });

  it('holds the whole site after a good build, and nothing is left beside it', () => {
    expect(good.has('index.html')).toBe(true);
    expect(good.has('notes/alpha/index.html')).toBe(true);
    expect([...good.keys()].some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('stays as it was when a page throws while pages are written', async () => {
    // Trusted MDX code that throws only when the page renders, after the vault loaded without problems.
    const boom = join(vault, 'Notes/Boom.mdx');
    writeFileSync(boom, "---\ndg-publish: true\n---\nBefore.\n\n{(() => { throw new Error('boom at render'); })()}\n");
    const failed = await build();
    rmSync(boom);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('boom at render');
    expectUnchanged(good);
    expect(leftovers()).toEqual([]);
  });

  it('stays as it was when the vault has a problem', async () => {
    const bad = join(vault, 'Notes/Bad.md');
    writeFileSync(bad, '---\ndg-publish: "true"\n---\nText.\n');
    const failed = await build();
    rmSync(bad);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('dg-publish must be the boolean true or false');
    expectUnchanged(good);
    expect(leftovers()).toEqual([]);
  });

  it('stays as it was when a build is killed while it writes the site', async () => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: PROJECT_ROOT,
      env: astroEnv({ GARDEN_CONTENT_DIR: vault, GARDEN_OUT_DIR: site, GARDEN_CACHE_DIR: `${site}.cache`, ...env }),
      stdio: 'ignore',
    });
    const exited = new Promise((done) => child.on('close', done));
    // Killed as soon as the build has written something.
    const started = Date.now();
    while (!(existsSync(folders.staging) && listFiles(folders.staging).length > 0) && Date.now() - started < 90_000) {
      await new Promise((wait) => setTimeout(wait, 10));
    }
    process.kill(child.pid!, 'SIGKILL');
    await exited;
    expect(existsSync(folders.staging)).toBe(true);
    expectUnchanged(good);
  });

  it('comes back when a build was stopped between the two renames of its swap, even if the next build fails', async () => {
    renameSync(site, folders.previous);
    const bad = join(vault, 'Notes/Bad.md');
    writeFileSync(bad, '---\ndg-publish: "true"\n---\nText.\n');
    const failed = await build();
    rmSync(bad);
    expect(failed.code).not.toBe(0);
    expectUnchanged(good);
    expect(leftovers()).toEqual([]);
  });

  it('is replaced by the next good build, which removes what a killed build left', async () => {
    mkdirSync(folders.staging, { recursive: true });
    writeFileSync(join(folders.staging, 'stale.html'), 'from a killed build');
    const alpha = join(vault, 'Notes/Alpha.md');
    writeFileSync(alpha, `${readFileSync(alpha, 'utf8')}\nAn added paragraph.\n`);
    const rebuilt = await build();
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(leftovers().filter((name) => !name.startsWith(`.${basename(site)}.discarded-`))).toEqual([]);
    expect(await leftoversOnceDeleted()).toEqual([]);
    const after = hashTree(site);
    expect(after.has('stale.html')).toBe(false);
    expect(after.get('notes/alpha/index.html')).not.toBe(good.get('notes/alpha/index.html'));
    expect(readFileSync(join(site, 'notes/alpha/index.html'), 'utf8')).toContain('An added paragraph.');
    // The same files, but Pagefind's, whose names are hashes of the index.
    const pages = (files: Map<string, string>) => [...files.keys()].filter((file) => !file.startsWith('pagefind/'));
    expect(pages(after)).toEqual(pages(good));
  });
});
