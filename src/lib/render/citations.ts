/**
 * Citations formatted by a CSL style with citation-js (its citeproc engine): each note's citation
 * groups, in order, and the works they cite as the note's reference list, in the style's order. Done
 * once per note when the vault is loaded; rendering only places the result (both Markdown adapters,
 * and the components that show frontmatter: timeline sources, term definitions, quiz explanations).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { CitationItem } from '../syntax/citations.ts';
import { referenceId } from './citation-links.ts';
import type { CslItem } from '../vault/bibliography.ts';

/** A piece of a formatted citation: text, linked to its reference when `key` is set. */
export interface CitationPart {
  text: string;
  key?: string;
}

/** One entry of a note's reference list: `<li id="ref-key">` as the style writes it. */
export interface Reference {
  key: string;
  node: Element;
}

/** A note's citations, formatted: each group by its lookup key (src/lib/syntax/citations.ts), and the works cited. */
export interface NoteCitations {
  groups: Record<string, CitationPart[]>;
  references: Reference[];
}

export interface CitationFormatter {
  /** Formats one note's groups (in reading order): the parts of each, and its reference list. */
  formatNote(groups: readonly (readonly CitationItem[])[]): { groups: CitationPart[][]; references: Reference[] };
}

/**
 * The default style, Chicago author-date (17th edition), as the rehype-citation package ships it: a
 * module whose default export is the CSL file's text.
 */
export function chicagoAuthorDate(): string {
  const main = createRequire(import.meta.url).resolve('rehype-citation');
  const module = readFileSync(join(dirname(main), 'styles', 'chicago.js'), 'utf8');
  const xml = /^export default `([\s\S]*)`;\s*$/.exec(module)?.[1];
  if (!xml || xml.includes('${') || xml.includes('\\'))
    throw new Error(`rehype-citation's chicago.js is not the CSL text it was`);
  return xml;
}

/** What the style's citation `<layout>` puts around a group: `(` and `)` in author-date styles. */
function layoutAffixes(styleXml: string): { prefix: string; suffix: string } {
  const layout = /<citation\b[\s\S]*?<layout\b([^>]*)>/.exec(styleXml)?.[1] ?? '';
  const attribute = (name: string) => decodeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(layout)?.[1] ?? '');
  return { prefix: attribute('prefix'), suffix: attribute('suffix') };
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.startsWith('#x') ? `0${name.slice(1)}` : name.slice(1)));
    return named[name.toLowerCase()] ?? whole;
  });
}

/** What a reference entry keeps of the style's HTML: its emphasis and its links to the web. */
const REFERENCE_SCHEMA: Schema = {
  tagNames: ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'a'],
  attributes: { a: ['href'] },
  protocols: { href: ['http', 'https'] },
  strip: ['script', 'style'],
};

let styles = 0;
const registered = new Map<string, string>();

/** A formatter for a vault's works in one CSL style (its XML) and locale. */
export function createCitationFormatter(items: readonly CslItem[], styleXml: string, locale = 'en-US'): CitationFormatter {
  const csl = plugins.config.get('@csl');
  let style = registered.get(styleXml);
  if (!style) {
    style = `garden-style-${++styles}`;
    csl.styles.add(style, styleXml);
    registered.set(styleXml, style);
  }
  const affixes = layoutAffixes(styleXml);
  const works = [...items];
  const styleName = style;
  return {
    formatNote(groups) {
      if (groups.length === 0) return { groups: [], references: [] };
      // One engine per style and locale (citation-js keeps it), given this vault's works each time.
      const engine = csl.engine(works, styleName, locale, 'text') as Engine;
      const citations = groups.map((items, index) => ({
        citationID: `c${index}`,
        citationItems: items.map(toCsl),
        properties: { noteIndex: 0 },
      }));
      const output = engine.rebuildProcessorState(citations, 'text', []);
      const formatted = output.map(([, , text], index) => {
        const items = groups[index] ?? [];
        // Each work alone, in this group's place among the note's others (numbered styles count from the first).
        const before = citations.slice(0, index).map((citation) => [citation.citationID, 0]);
        const after = citations.slice(index + 1).map((citation) => [citation.citationID, 0]);
        const singles =
          items.length > 1
            ? items.map((item) =>
                engine.previewCitationCluster(
                  { citationItems: [toCsl(item)], properties: { noteIndex: 0 } },
                  before,
                  after,
                  'text',
                ),
              )
            : [text];
        return splitGroup(
          text,
          singles,
          items.map((item) => item.key),
          affixes,
        );
      });
      engine.setOutputFormat('html');
      const [params, entries] = engine.makeBibliography() as [{ entry_ids: string[][] }, string[]];
      const references = entries.map((html, index): Reference => {
        const key = params.entry_ids[index]?.[0] ?? '';
        return { key, node: referenceNode(key, html) };
      });
      return { groups: formatted, references };
    },
  };
}

interface Engine {
  rebuildProcessorState(citations: unknown[], format: string, uncited: string[]): [string, number, string][];
  previewCitationCluster(citation: unknown, before: unknown[], after: unknown[], format: string): string;
  setOutputFormat(format: string): void;
  makeBibliography(): unknown;
}

function toCsl(item: CitationItem): Record<string, unknown> {
  return {
    id: item.key,
    ...(item.locator ? { locator: item.locator, label: item.label ?? 'page' } : {}),
    ...(item.prefix ? { prefix: `${item.prefix} ` } : {}),
    ...(item.suffix ? { suffix: item.locator ? `, ${item.suffix}` : ` ${item.suffix}` } : {}),
    ...(item.suppressAuthor ? { 'suppress-author': true } : {}),
  };
}

/**
 * A formatted group as text and links: each work's part links to its reference. The style writes a
 * group as one string; each work's own part is found in it by formatting the work alone. When a part
 * cannot be found (the style merged works: "Smith 2001, 2003"), the whole group links to its first work.
 */
export function splitGroup(
  whole: string,
  singles: readonly string[],
  keys: readonly string[],
  { prefix, suffix }: { prefix: string; suffix: string },
): CitationPart[] {
  const strip = (text: string) => {
    const start = prefix && text.startsWith(prefix) ? prefix.length : 0;
    const end =
      suffix && text.endsWith(suffix) && text.length - suffix.length >= start ? text.length - suffix.length : text.length;
    return { before: text.slice(0, start), inside: text.slice(start, end), after: text.slice(end) };
  };
  const group = strip(whole);
  const parts: CitationPart[] = group.before ? [{ text: group.before }] : [];
  let cursor = 0;
  const linked: CitationPart[] = [];
  for (const [index, single] of singles.entries()) {
    const inside = strip(single).inside;
    const at = inside ? group.inside.indexOf(inside, cursor) : -1;
    if (at === -1) {
      linked.length = 0;
      break;
    }
    if (at > cursor) linked.push({ text: group.inside.slice(cursor, at) });
    linked.push({ text: inside, key: keys[index] ?? '' });
    cursor = at + inside.length;
  }
  if (linked.length > 0) {
    parts.push(...linked);
    if (cursor < group.inside.length) parts.push({ text: group.inside.slice(cursor) });
  } else parts.push({ text: group.inside, key: keys[0] ?? '' });
  if (group.after) parts.push({ text: group.after });
  return parts.filter((part) => part.text !== '');
}

/** A reference entry as the style wrote it in HTML, kept to its emphasis and web links, with its id. */
function referenceNode(key: string, html: string): Element {
  const tree = sanitize(fromHtmlIsomorphic(html, { fragment: true }), REFERENCE_SCHEMA) as Root;
  const children = trimmed(tree.children as ElementContent[]);
  return { type: 'element', tagName: 'li', properties: { id: referenceId(key), className: ['csl-entry'] }, children };
}

/** The entry's content without the whitespace the style's HTML writer puts around it. */
function trimmed(nodes: ElementContent[]): ElementContent[] {
  const result = nodes.filter((node) => node.type !== 'comment').map(withoutPositions);
  const first = result[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = result.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return result.filter((node) => node.type !== 'text' || node.value !== '');
}

/** A node without the source positions of the style's HTML (stored with the note, and meaningless there). */
function withoutPositions(node: ElementContent): ElementContent {
  const { position: _position, ...rest } = node;
  return rest.type === 'element' ? { ...rest, children: rest.children.map(withoutPositions) } : rest;
}
