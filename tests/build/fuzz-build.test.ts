/**
 * Fuzz suite, through the real build: random vaults (tests/helpers/fuzz-vault.ts, fixed seed) built
 * one after another into one output folder, as an author's successive builds would. Each build either
 * succeeds with every author value escaped, or fails with problems naming the vault's files — never a
 * crash or a stack trace, never a write outside its output and cache, never a changed output after a
 * failure. Few builds (each costs seconds); the pure suite (tests/unit/fuzz-vault.test.ts) runs many.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { vaultPath } from '../../src/lib/util/types.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { FUZZ_SEED, HOSTILE, fuzzVault, type FuzzNote } from '../helpers/fuzz-vault.ts';
import { PROJECT_ROOT, TMP, buildVault, hashTree, listFiles, type BuildResult } from '../helpers/build.ts';

const BUILDS = 6;
const ROOT = join(TMP, 'fuzz');
const OUT = join(ROOT, 'out', 'site');
const OUTSIDE = join(ROOT, 'outside');
/** Set FUZZ_VERBOSE=1 to see each build's exit code and the end of its log. */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Attachments every random vault holds, the hostile SVG among them; and a secret beside the vault. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const ATTACHMENTS: Record<string, string | Buffer> = {
  'image.png': PNG,
  'file.pdf': '%PDF-1.4\n%%EOF\n',
  'evil.svg': `<svg xmlns="http://www.w3.org/2000/svg" onload="${HOSTILE}()"><script>${HOSTILE}()</script><rect width="5" height="5"/></svg>`,
};
const SECRET = `secret-${HOSTILE}-outside-the-vault`;

function writeVault(dir: string, notes: readonly FuzzNote[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, content] of [...notes.map((note) => [note.path, note.text] as const), ...Object.entries(ATTACHMENTS)]) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** What in a built page could only have come from an author's markup. */
function injected(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const element = node;
      const name = element.tagName.toLowerCase();
      if (name === HOSTILE) found.push(`<${name}>`);
      for (const [key, value] of Object.entries(element.properties)) {
        if (/^on/i.test(key) || key.toLowerCase().includes(HOSTILE)) found.push(`${name}[${key}]`);
        if (['href', 'src', 'action', 'formAction', 'xLinkHref'].includes(key) && /^\s*javascript:/i.test(String(value)))
          found.push(`${name}[${key}=${String(value)}]`);
      }
      if (name === 'meta' && String(element.properties.httpEquiv ?? '').toLowerCase() === 'refresh') {
        // The build's redirect pages refresh to a URL of the site, and nothing else may.
        if (!/^0;\s*url=\/(?!\/)/i.test(String(element.properties.content)))
          found.push(`meta refresh ${String(element.properties.content)}`);
      }
      if (name === 'script') {
        const src = String(element.properties.src ?? '');
        if (src && !src.startsWith('/_astro/')) found.push(`script src=${src}`);
        const text = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
        if (!src && text.includes(HOSTILE) && element.properties.type !== 'application/ld+json')
          found.push('inline script with author text');
      }
    }
    if ('children' in node) node.children.forEach(walk);
    if (node.type === 'element' && node.tagName === 'template' && 'content' in node) walk(node.content as Root);
  };
  walk(tree);
  return found;
}

interface Run {
  vault: string;
  build: BuildResult;
  /** The output before and after the build, hashed. */
  before: Map<string, string>;
  after: Map<string, string>;
  vaultUnchanged: boolean;
  neighboursBefore: string[];
  neighboursAfter: string[];
  /** After a successful build: what its pages and SVGs carry of the authors' markup, and any outside file. */
  findings: string[];
}

const runs: Run[] = [];

/** What a successful build's output must not hold: author markup that runs, or bytes from outside the vault. */
function inspectOutput(): string[] {
  const findings: string[] = [];
  for (const file of listFiles(OUT)) {
    const bytes = readFileSync(join(OUT, file));
    if (bytes.includes(SECRET)) findings.push(`${file}: the secret from outside the vault`);
    if (file.endsWith('.html')) findings.push(...injected(fromHtml(bytes.toString('utf8'))).map((found) => `${file}: ${found}`));
    if (file.endsWith('.svg') && file !== 'favicon.svg' && /<script|\son\w+\s*=/i.test(bytes.toString('utf8')))
      findings.push(`${file}: a script in an SVG`);
  }
  return findings;
}

/**
 * The random vaults: half as generated (most fail somewhere, and each also reaches outside the vault),
 * half among those the vault check accepts (so pages are built from hostile values and inspected).
 */
function sampleVaults(): { notes: FuzzNote[]; brokenLinks: 'warn' | 'error' }[] {
  const generated = fc.sample(fuzzVault, { seed: FUZZ_SEED, numRuns: 200 });
  const accepted = generated.filter(
    (notes) =>
      loadVault(
        notes.map((note) => ({ path: vaultPath(note.path), text: note.text })),
        { brokenLinks: 'warn', attachments: Object.keys(ATTACHMENTS) },
      ).problems.length === 0,
  );
  const outside: FuzzNote = { path: 'Outside.md', text: '---\ndg-publish: true\n---\n![s](../outside/secret.png)\n' };
  return Array.from({ length: BUILDS }, (_, index) =>
    index % 2 === 0
      ? { notes: [...(generated[index] ?? []), outside], brokenLinks: 'error' as const }
      : { notes: accepted[index] ?? [], brokenLinks: 'warn' as const },
  );
}

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(OUTSIDE, { recursive: true });
  writeFileSync(join(OUTSIDE, 'secret.png'), SECRET);
  // A good site first: what the first failed build must leave as it was.
  const good = join(ROOT, 'vault-good');
  writeVault(good, [{ path: 'Good.md', text: '---\ndg-publish: true\n---\nA good note.\n' }]);
  const first = await buildVault({ contentDir: relative(PROJECT_ROOT, good), outDir: OUT, env: { GARDEN_URL_LOCK: '' } });
  if (first.code !== 0) throw new Error(`The good vault did not build:\n${first.output}`);
  for (const [index, { notes, brokenLinks }] of sampleVaults().entries()) {
    const vault = join(ROOT, `vault-${index}`);
    writeVault(vault, notes);
    const before = hashTree(OUT);
    const neighboursBefore = readdirSync(ROOT).sort();
    const vaultBefore = hashTree(vault);
    const build = await buildVault({
      contentDir: relative(PROJECT_ROOT, vault),
      outDir: OUT,
      env: { GARDEN_URL_LOCK: '', GARDEN_BROKEN_LINKS: brokenLinks },
    });
    if (process.env.FUZZ_VERBOSE) console.log(`build ${index}: exit ${build.code}\n${build.output.slice(-1500)}`);
    runs.push({
      vault,
      build,
      before,
      after: hashTree(OUT),
      vaultUnchanged: JSON.stringify([...hashTree(vault)]) === JSON.stringify([...vaultBefore]),
      neighboursBefore,
      neighboursAfter: readdirSync(ROOT).sort(),
      findings: build.code === 0 ? inspectOutput() : [],
    });
  }
}, 900_000);

describe(`fuzz: ${BUILDS} random vaults built in turn (seed ${FUZZ_SEED})`, () => {
  it('never crashes: a failed build lists problems naming the vault’s files, without a stack trace', () => {
    for (const { vault, build } of runs) {
      expect(build.output, build.output).not.toMatch(STACK_LINE);
      if (build.code === 0) continue;
      expect(build.output, build.output).toMatch(/The vault has \d+ problems?:/);
      expect(build.output, build.output).toContain(`${relative(PROJECT_ROOT, vault)}/`);
    }
  });

  it('leaves the last good output byte for byte after a failed build', () => {
    for (const { build, before, after } of runs) if (build.code !== 0) expect(after, build.output).toEqual(before);
  });

  it('writes nothing outside its output: the vaults and their neighbours are unchanged', () => {
    for (const { build, vaultUnchanged, neighboursBefore, neighboursAfter } of runs) {
      expect(vaultUnchanged, build.output).toBe(true);
      expect(neighboursAfter).toEqual(neighboursBefore);
    }
    expect(readdirSync(dirname(OUT)).filter((name) => name !== 'site' && name !== 'site.cache')).toEqual([]);
  });

  it('escapes every author value in the pages of each successful build, and publishes nothing from outside', () => {
    const built = runs.filter((run) => run.build.code === 0);
    expect(built.length, 'at least one random vault builds').toBeGreaterThan(0);
    for (const { build, findings } of built) expect(findings, build.output).toEqual([]);
  });
});
