/**
 * ```mermaid blocks: drawn in the browser by a small island (src/scripts/mermaid-diagrams.ts) that
 * loads Mermaid only on pages with a diagram. The page carries the diagram's source — what readers
 * without JavaScript see — and, for nodes an author marked as Obsidian does (`class A,B internal-link;`
 * or `A:::internal-link`), the URLs of the notes their labels name, resolved here at build time: a
 * name that is no published note gets no URL, so nothing of an unpublished note reaches the page.
 */
import type { Element } from 'hast';
import { noteHref, type LinkContext } from './link-render.ts';
import { parseWikilink } from '../syntax/links.ts';
import type { VaultPath } from '../util/types.ts';

export const MERMAID_LANGUAGE = 'mermaid';
/** The figure's class; the pages that contain it load the island. */
export const MERMAID_CLASS = 'mermaid-diagram';

/** Node shapes' opening and closing brackets, longest first (`A[[Label]]`, `A((Label))`, `A>Label]`…). */
const SHAPES: readonly [string, string][] = [
  ['(((', ')))'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['((', '))'],
  ['([', '])'],
  ['{{', '}}'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['[/', '\\]'],
  ['[\\', '/]'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
  ['>', ']'],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The ids of the nodes a diagram marks `internal-link`, in order of first mention. */
export function internalLinkIds(source: string): string[] {
  const ids = new Set<string>();
  for (const line of source.split('\n')) {
    const statement = /^\s*class\s+(\S+)\s+([^;]+?)\s*;?\s*$/.exec(line);
    if (statement?.[2]?.split(/[\s,]+/).includes('internal-link')) {
      for (const id of (statement[1] ?? '').split(',')) if (id.trim()) ids.add(id.trim());
    }
    for (const match of line.matchAll(
      /([\p{L}\p{N}_.-]+)(?:\s*(?:\[[^\]]*\]+|\([^)]*\)+|\{[^}]*\}+|>[^\]]*\]))?:::internal-link\b/gu,
    )) {
      if (match[1]) ids.add(match[1]);
    }
  }
  return [...ids];
}

/** The label a node is shown with: the text of its first definition (`A[Label]`), else its id. */
export function nodeLabel(source: string, id: string): string {
  for (const [open, close] of SHAPES) {
    const definition = new RegExp(
      `(?:^|[\\s;&>|-])${escapeRegExp(id)}\\s*${escapeRegExp(open)}(.*?)${escapeRegExp(close)}`,
      'mu',
    ).exec(source);
    if (definition?.[1] !== undefined) return unquote(definition[1].trim());
  }
  return id;
}

/** `"Label"` and Mermaid's Markdown strings `"`Label`"` show without their quotes. */
function unquote(label: string): string {
  const quoted = /^"(.*)"$/s.exec(label)?.[1] ?? label;
  return (/^`(.*)`$/s.exec(quoted)?.[1] ?? quoted).trim();
}

/**
 * Node id → URL of the note its label names, for the nodes marked `internal-link`; `resolve` gives a
 * published note's URL or nothing.
 */
export function diagramLinks(source: string, resolve: (name: string) => string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  for (const id of internalLinkIds(source)) {
    const href = resolve(nodeLabel(source, id));
    if (href) links[id] = href;
  }
  return links;
}

/**
 * The page's markup for a diagram: a figure holding the source (the reader's fallback without
 * JavaScript, and its text for everyone) and the links as JSON, which the island draws and links.
 */
export function mermaidFigure(source: string, links: Record<string, string>): Element {
  const hasLinks = Object.keys(links).length > 0;
  return {
    type: 'element',
    tagName: 'figure',
    properties: {
      className: [MERMAID_CLASS],
      ...(hasLinks ? { dataMermaidLinks: JSON.stringify(links) } : {}),
    },
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['mermaid-source'] },
        children: [
          {
            type: 'element',
            tagName: 'code',
            properties: { className: [`language-${MERMAID_LANGUAGE}`] },
            children: [{ type: 'text', value: source.replace(/\n$/, '') }],
          },
        ],
      },
    ],
  };
}

/** The language a `<code>` element's class names (`language-js`), if any. */
export function codeLanguage(code: Element): string | undefined {
  const classes = ([] as unknown[]).concat(code.properties.className ?? []);
  return classes.map((name) => /^language-(\S+)$/.exec(String(name))?.[1]).find(Boolean);
}

/** The href of the published note a diagram node's label names, as `[[label]]` would link from `from`. */
export function diagramNoteHref(name: string, from: VaultPath, context: LinkContext): string | undefined {
  if (name.trim() === '') return undefined;
  const written = parseWikilink(`[[${name}]]`);
  const outcome = context.links.resolve(from, {
    target: written.target,
    ...(written.heading ? { heading: written.heading } : {}),
    embed: false,
    syntax: 'wikilink',
  });
  return outcome.kind === 'note' ? noteHref(outcome) : undefined;
}
