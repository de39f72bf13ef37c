/** The math rule both Markdown adapters share (src/lib/render/math.ts) and what the vault scan learns of math. */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import {
  isInlineMath,
  mathOf,
  pageHasMath,
  styleAttributeHashes,
  texError,
  typeset,
  typesetTree,
} from '../../src/lib/render/math.ts';
import { scanNote } from '../../src/lib/syntax/scan.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { vaultPath } from '../../src/lib/util/types.ts';

const code = (tex: string, className: string[] = ['language-math']): Element => ({
  type: 'element',
  tagName: 'code',
  properties: { className },
  children: [{ type: 'text', value: tex }],
});
const pre = (tex: string): Element => ({ type: 'element', tagName: 'pre', properties: {}, children: [code(tex)] });

describe('math', () => {
  it('follows Obsidian: no white space just inside the dollars', () => {
    expect(isInlineMath('x^2')).toBe(true);
    expect(isInlineMath('5 and ')).toBe(false);
    expect(isInlineMath(' x')).toBe(false);
    expect(isInlineMath('')).toBe(false);
  });

  it('reads inline and display math, and nothing else', () => {
    expect(mathOf(code('x'))).toEqual({ tex: 'x', display: false });
    expect(mathOf(pre('E = mc^2\n'))).toEqual({ tex: 'E = mc^2', display: true });
    expect(mathOf(code('x', ['language-js']))).toBeUndefined();
    expect(mathOf({ ...pre('x'), children: [code('x', ['language-python'])] })).toBeUndefined();
  });

  it('typesets KaTeX HTML with MathML for screen readers', () => {
    const html = toHtml({ type: 'root', children: typeset('\\frac{1}{2}', true) });
    expect(html).toMatch(/^<span class="katex-display"><span class="katex"><span class="katex-mathml"><math /);
    expect(html).toContain('<mfrac><mn>1</mn><mn>2</mn></mfrac>');
    expect(html).toContain('<annotation encoding="application/x-tex">\\frac{1}{2}</annotation>');
    expect(html).toContain('class="katex-html" aria-hidden="true"');
  });

  it('shows bad TeX as written, and says why', () => {
    expect(toHtml({ type: 'root', children: typeset('\\frac{1}{', false) })).toBe('<code class="math-error">\\frac{1}{</code>');
    expect(toHtml({ type: 'root', children: typeset('\\frac{1}{', true) })).toBe(
      '<pre class="math-error"><code class="math-error">\\frac{1}{</code></pre>',
    );
    expect(texError('\\frac{1}{', false)).toMatch(/expected '}'/);
    expect(texError('\\frac{1}{2}', true)).toBeUndefined();
  });

  it("never makes a link or a style of the author's own: KaTeX does not trust TeX", () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\htmlStyle{color:red}{x}',
      '\\includegraphics{https://example.org/x.png}',
    ]) {
      const html = toHtml({ type: 'root', children: typeset(tex, false) });
      expect(html, tex).not.toMatch(/<a |<img |javascript:[^<]*"|style="color:red/);
    }
  });

  it('keeps prices as text and typesets the rest of a tree', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'p', properties: {}, children: [code('5 and '), code('x')] }, pre('y')],
    };
    typesetTree(tree);
    const html = toHtml(tree);
    expect(html).toMatch(/^<p>\$5 and \$<span class="katex">/);
    expect(html).toContain('<span class="katex-display">');
    expect(html).not.toContain('language-math');
  });

  it('hashes exactly the style attributes a page carries, for its CSP', () => {
    expect(styleAttributeHashes('<span style="height:1em;">a</span><span style="height:1em;"></span><b>x</b>')).toEqual([
      // printf 'height:1em;' | openssl dgst -sha256 -binary | base64
      'sha256-Ke3LHbGJD7n1ako0cvY3TxsfuVv9evPoj9znFgc0OoU=',
    ]);
    expect(styleAttributeHashes('<p>no style</p>')).toEqual([]);
  });

  it('knows a page has math through the notes it embeds', () => {
    const a = { math: false, links: [{ target: 'B.md', embed: true }] };
    const b = { math: false, links: [{ target: 'C.md', embed: true }] };
    const c = { math: true, links: [] };
    const linked = { math: false, links: [{ target: 'C.md', embed: false }] };
    const notes = new Map([
      ['A.md', a],
      ['B.md', b],
      ['C.md', c],
    ]);
    expect(pageHasMath(a, notes)).toBe(true);
    expect(pageHasMath(linked, notes)).toBe(false);
    const cycle = { math: false, links: [{ target: 'Self.md', embed: true }] };
    expect(pageHasMath(cycle, new Map([['Self.md', cycle]]))).toBe(false);
  });

  it('is found by the scan, with the line of bad TeX', () => {
    const scanned = scanNote('Costs $5 and $10.\n\nOK $x$.\n\n$$\n\\frac{1}{\n$$\n');
    expect(scanned.math).toBe(true);
    expect(scanned.mathErrors).toEqual([{ line: 5, message: expect.stringMatching(/expected/) }]);
    expect(scanNote('Costs $5 and $10 only.').math).toBe(false);
    expect(scanNote('```math\nx\n```\n').math).toBe(true);
  });

  it('warns with file and line, and builds', () => {
    const vault = loadVault([{ path: vaultPath('Bad.md'), text: '---\ndg-publish: true\n---\nLine one.\n\n$\\frac{1}{$\n' }]);
    expect(vault.problems).toEqual([]);
    expect(vault.warnings).toEqual([{ file: 'Bad.md', line: 6, message: expect.stringMatching(/not valid TeX/) }]);
    expect(vault.notes[0]?.note.math).toBe(true);
  });
});
