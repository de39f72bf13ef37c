/**
 * Obsidian's `$…$`, `$$…$$` and ```` ```math ```` typeset at build time with KaTeX, as hast: the one
 * rule both Markdown adapters (and the vault scan) share. Both parsers (remark-math, Sätteri's `math`
 * feature) give the same `code.language-math` elements, which become KaTeX's HTML and MathML (for
 * screen readers). Bad TeX never fails a build: the scan warns with file:line (`texError`) and the
 * page shows the TeX source in `<code class="math-error">`.
 *
 * KaTeX's HTML sizes struts and stacks with `style` attributes, which the site's CSP blocks as inline
 * styles. A page with math allows exactly the style attributes it carries by their hashes
 * (`style-src-attr 'unsafe-hashes' 'sha256-…'`, see `styleAttributeHashes`): KaTeX's own layout, no
 * other inline style. (MathML alone, drawn by the browser, was the other choice: in Chromium 150 its
 * display integrals and sums came out small and its fonts mixed; KaTeX's HTML looked right.)
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import katex, { type KatexOptions } from 'katex';

/**
 * `trust: false` keeps `\href`, `\url`, `\includegraphics` and `\html…` from making links, images,
 * classes or styles of their own: KaTeX shows them as unsupported commands instead.
 */
export const KATEX_OPTIONS = {
  output: 'htmlAndMathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  // Macros expand at most this often: a note cannot make the build loop.
  maxExpand: 1000,
} as const satisfies KatexOptions;

/**
 * Obsidian's rule for inline `$…$` (Pandoc's): no white space just inside either dollar, so prices
 * such as "costs $5 and $10" stay text. remark-math and Sätteri would take `$5 and $` as math.
 */
export function isInlineMath(tex: string): boolean {
  return tex.trim() !== '' && !/^\s|\s$/.test(tex);
}

/** Why KaTeX cannot typeset the TeX, or undefined when it can. */
export function texError(tex: string, display: boolean): string | undefined {
  try {
    katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
    return undefined;
  } catch (error) {
    return error instanceof katex.ParseError ? error.rawMessage : String((error as Error).message ?? error);
  }
}

const classesOf = (node: Element): string[] => ([] as unknown[]).concat(node.properties.className ?? []).map(String);
const textOf = (node: Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

/**
 * The TeX an element holds and how it is shown: display math is `pre > code.language-math` (from
 * `$$…$$` or a ```` ```math ```` block), inline math a `code.language-math` outside `pre` (the
 * sanitizer, which runs first, keeps only `language-*` classes on code). Undefined for anything else.
 */
export function mathOf(node: Element): { tex: string; display: boolean } | undefined {
  if (node.tagName === 'code' && classesOf(node).includes('language-math')) return { tex: textOf(node), display: false };
  const code = node.tagName === 'pre' && node.children.length === 1 ? node.children[0] : undefined;
  if (code?.type === 'element' && code.tagName === 'code' && classesOf(code).includes('language-math')) {
    return { tex: textOf(code).replace(/\n$/, ''), display: true };
  }
  return undefined;
}

/** Typeset TeX as hast: KaTeX's markup, or the source in `code.math-error` when it is not valid TeX. */
export function typeset(tex: string, display: boolean): ElementContent[] {
  let html: string;
  try {
    html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
  } catch {
    const code: Element = {
      type: 'element',
      tagName: 'code',
      properties: { className: ['math-error'] },
      children: [{ type: 'text', value: tex }],
    };
    return [display ? { type: 'element', tagName: 'pre', properties: { className: ['math-error'] }, children: [code] } : code];
  }
  return fromHtmlIsomorphic(html, { fragment: true }).children as ElementContent[];
}

/**
 * What a math element of a note's hast becomes: KaTeX's markup; for inline TeX Obsidian would not
 * take as math, the text as written. Undefined for an element that is no math.
 */
export function mathReplacement(node: Element): ElementContent[] | undefined {
  const math = mathOf(node);
  if (!math) return undefined;
  if (!math.display && !isInlineMath(math.tex)) return [{ type: 'text', value: `$${math.tex}$` }];
  return typeset(math.tex, math.display);
}

/** Replaces every math element of a tree in place (the unified path; Sätteri visits elements itself). */
export function typesetTree(tree: Root): void {
  const visit = (parent: { children: Root['children'] }) => {
    parent.children = parent.children.flatMap((child): Root['children'] => {
      if (child.type !== 'element') return [child];
      const replacement = mathReplacement(child);
      if (replacement) return replacement;
      visit(child);
      return [child];
    });
  };
  visit(tree);
}

/** The distinct `style` attribute values of a page's HTML tree (KaTeX's struts and stacks). */
function styleAttributes(tree: Nodes): string[] {
  const found = new Set<string>();
  const visit = (node: Nodes) => {
    if (node.type === 'element' && typeof node.properties.style === 'string') found.add(node.properties.style);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return [...found].sort();
}

/** CSP hashes (`sha256-…`) that allow exactly these style attribute values under `'unsafe-hashes'`. */
export function styleAttributeHashes(html: string): `sha256-${string}`[] {
  return styleAttributes(fromHtmlIsomorphic(html, { fragment: true })).map(
    (style) => `sha256-${createHash('sha256').update(style).digest('base64')}` as const,
  );
}

/**
 * A note's page has math when its body has, or a note it embeds (at any depth) has: the page then
 * loads KaTeX's stylesheet and allows KaTeX's style attributes.
 */
export function pageHasMath(
  note: { math: boolean; links: readonly { target: string; embed: boolean }[] },
  byVaultPath: ReadonlyMap<string, { math: boolean; links: readonly { target: string; embed: boolean }[] }>,
): boolean {
  const seen = new Set<string>();
  const visit = (current: typeof note): boolean =>
    current.math ||
    current.links.some((link) => {
      if (!link.embed || seen.has(link.target)) return false;
      seen.add(link.target);
      const target = byVaultPath.get(link.target);
      return target ? visit(target) : false;
    });
  return visit(note);
}
