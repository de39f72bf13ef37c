/**
 * Code blocks and Mermaid diagrams as Obsidian authors write them (tests/fixtures/vault-obsidian):
 * highlighted code carries classes, never inline styles (the CSP refuses them); diagrams keep their
 * source as the page's fallback, link their internal-link nodes to published notes only, and only
 * their pages load the diagram script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OBSIDIAN_SITE, listFiles, readPage, recordedBuild, type BuildResult } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

let build: BuildResult;
const page = (url: string) => parsePage(readPage(build.outDir, url));
const scripts = (url: string) => [...page(url).querySelectorAll('script[src]')].map((script) => script.getAttribute('src') ?? '');
const isDiagramScript = (src: string) => /mermaid|diagram/i.test(src);

beforeAll(async () => {
  build = recordedBuild(OBSIDIAN_SITE);
  expect(build.code, build.output).toBe(0);
});

describe('code blocks', () => {
  it('are highlighted with token classes and no style attribute', () => {
    const blocks = [...page('/code/').querySelectorAll('.prose pre')];
    expect(blocks.length).toBe(6);
    for (const block of blocks) {
      expect(block.getAttribute('style')).toBeNull();
      expect(block.querySelectorAll('[style]').length).toBe(0);
    }
    const ts = blocks.find((block) => block.getAttribute('data-language') === 'ts');
    expect(ts?.getAttribute('class')).toContain('astro-code');
    const keyword = [...(ts?.querySelectorAll('.code-token-keyword') ?? [])].map((token) => textOf(token));
    expect(keyword).toContain('export');
    expect(textOf(ts?.querySelector('.code-token-comment'))).toBe('// Count the notes that link here.');
  });

  it('without a known language are plain text, as written', () => {
    const plain = [...page('/code/').querySelectorAll('.prose pre[data-language="plaintext"]')];
    expect(plain.map((block) => textOf(block))).toEqual(['plain <b>text</b> & more', 'some text']);
    for (const block of plain) expect(block.querySelectorAll('[class^="code-token"]').length).toBe(0);
  });
});

describe('Mermaid diagrams', () => {
  it('keep their source in a figure, not highlighted', () => {
    const figures = [...page('/diagrams/').querySelectorAll('.prose figure.mermaid-diagram')];
    expect(figures.length).toBe(2);
    const sources = figures.map((figure) => figure.querySelector('pre.mermaid-source > code.language-mermaid'));
    expect(textOf(sources[0])).toContain('class Code,Hidden,Nowhere internal-link;');
    expect(textOf(sources[1])).toMatch(/^sequenceDiagram/);
    for (const source of sources) expect(source?.querySelectorAll('span').length).toBe(0);
  });

  it('link internal-link nodes to published notes only', () => {
    const [flowchart, sequence] = [...page('/diagrams/').querySelectorAll('figure.mermaid-diagram')];
    expect(JSON.parse(flowchart?.getAttribute('data-mermaid-links') ?? '')).toEqual({ Code: '/code/' });
    expect(sequence?.hasAttribute('data-mermaid-links')).toBe(false);
    // Nothing of the unpublished note's URL reaches any page.
    const texts = listFiles(build.outDir).filter((file) => /\.(?:html|json|xml)$/.test(file));
    expect(texts.length).toBeGreaterThan(5);
    for (const file of texts) expect(readFileSync(join(build.outDir, file), 'utf8'), file).not.toContain('/secret-draft/');
  });

  it('reference no diagram script from any page: the site script imports it where a figure is', () => {
    for (const url of ['/diagrams/', '/code/', '/', '/tags/', '/graph/']) {
      expect(scripts(url), url).toHaveLength(1);
      expect(scripts(url).filter(isDiagramScript), url).toEqual([]);
    }
    expect(page('/diagrams/').querySelectorAll('figure.mermaid-diagram')).toHaveLength(2);
  });
});
