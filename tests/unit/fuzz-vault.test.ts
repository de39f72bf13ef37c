/**
 * Fuzz suite, without a build: random vaults (tests/helpers/fuzz-vault.ts) through the vault check and
 * both Markdown processors. Whatever an author writes, the check returns problems naming files (never
 * throws), every published URL and tag page is a path a static host can serve, and the HTML carries
 * no element or attribute of the author's markup that could run or navigate. Fixed seed, bounded runs.
 */
import fc from 'fast-check';
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { MAX_SEGMENT_BYTES } from '../../src/lib/site/reserved-urls.ts';
import { tagUrl } from '../../src/lib/syntax/tags.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { FUZZ_SEED, HOSTILE, fuzzVault } from '../helpers/fuzz-vault.ts';
import { createRenderer, loadRenderableFiles } from '../helpers/markdown-render.ts';

const RUNS = 300;
const STACK_LINE = /\n\s+at /;

/** Why a site URL could not be a folder of a static host, or undefined when it can be. */
export function unservable(url: string): string | undefined {
  if (!url.startsWith('/') || !url.endsWith('/')) return 'no leading or trailing slash';
  if (url === '/') return undefined;
  for (const segment of url.slice(1, -1).split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `segment "${segment}"`;
    if (/[\\?#\0]/.test(segment)) return `segment "${segment}" has \\, ?, # or NUL`;
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return `segment of ${Buffer.byteLength(segment)} bytes`;
  }
  return undefined;
}

/** Elements and attributes a note's HTML must never carry, whatever the author wrote. */
function unsafeParts(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const element = node;
      const name = element.tagName.toLowerCase();
      if ([HOSTILE, 'script', 'meta', 'base', 'object', 'embed', 'form', 'link', 'style'].includes(name)) found.push(`<${name}>`);
      if (name === 'iframe' && !String(element.properties.src ?? '').startsWith('/_media/'))
        found.push('<iframe> not to /_media/');
      for (const [key, value] of Object.entries(element.properties)) {
        if (/^on/i.test(key)) found.push(`${name}[${key}]`);
        if (
          ['href', 'src', 'action', 'formAction', 'xLinkHref'].includes(key) &&
          /^\s*(javascript|data|vbscript):/i.test(String(value))
        )
          found.push(`${name}[${key}=${String(value)}]`);
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return found;
}

describe('fuzz: random vaults through the vault check and both processors', () => {
  let unified: MarkdownRenderer;
  let satteri: MarkdownRenderer;
  beforeAll(async () => {
    [unified, satteri] = await Promise.all([createRenderer('unified'), createRenderer('satteri')]);
  });

  it(`checks ${RUNS} vaults: problems name their files, URLs and tag pages are servable`, () => {
    let checked = 0;
    fc.assert(
      fc.property(fuzzVault, (notes) => {
        const files = notes.map((note) => ({ path: vaultPath(note.path), text: note.text }));
        const vault = loadVault(files, { attachments: ['image.png', 'file.pdf', 'evil.svg'], brokenLinks: 'warn' });
        const paths = new Set(notes.map((note) => note.path));
        for (const problem of [...vault.problems, ...vault.warnings]) {
          expect(problem.file === '' || paths.has(problem.file), `problem of an unknown file: ${JSON.stringify(problem)}`).toBe(
            true,
          );
          expect(problem.message).not.toMatch(STACK_LINE);
          expect(problem.message.length).toBeGreaterThan(0);
        }
        if (vault.problems.length > 0) return;
        checked += vault.notes.length;
        for (const { note } of vault.notes) {
          expect(unservable(note.url), `${note.vaultPath}: ${note.url}`).toBeUndefined();
          for (const redirect of note.redirects)
            expect(unservable(redirect), `${note.vaultPath}: alias ${redirect}`).toBeUndefined();
          for (const tag of note.tags) expect(unservable(tagUrl(tag)), `${note.vaultPath}: tag ${tag}`).toBeUndefined();
        }
      }),
      { seed: FUZZ_SEED, numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 10);
  });

  it('renders random notes with both processors into HTML without the author’s markup', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(fuzzVault, async (notes) => {
        const files = notes.map((note) => ({ path: vaultPath(note.path), text: note.text }));
        for (const note of loadRenderableFiles('/fuzz-vault', files, ['image.png', 'file.pdf', 'evil.svg'])) {
          for (const renderer of [unified, satteri]) {
            const { code } = await renderer.render(note.markdown, { fileURL: note.fileURL });
            const unsafe = unsafeParts(fromHtml(code, { fragment: true }));
            expect(unsafe, `${note.vaultPath}:\n${note.markdown}\n→\n${code}`).toEqual([]);
            rendered++;
          }
        }
      }),
      { seed: FUZZ_SEED, numRuns: RUNS / 3 },
    );
    // Most random notes are published and valid enough to render: the property is not vacuous.
    expect(rendered).toBeGreaterThan(RUNS / 3);
  });
});
