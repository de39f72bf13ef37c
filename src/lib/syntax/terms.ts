/**
 * First mentions of glossary terms in a brief's prose: the place where a term (or one of its other
 * names) is first written in running text — not in a heading, link, code or quotation — links to
 * its term page. One matcher for the vault scan (term pages list where they are used) and for
 * rendering (the link itself), compiled once per vault.
 */
import type { Root } from 'mdast';

export interface TermName<T> {
  term: T;
  names: readonly string[];
}

export interface TermMention<T> {
  term: T;
  /** The text node and the offsets of the mention in it. */
  node: { type: 'text'; value: string; position?: { start: { line: number } } };
  start: number;
  end: number;
}

export interface TermMatcher<T> {
  firstMentions(tree: Root, skip?: (term: T) => boolean): TermMention<T>[];
}

/** Where term mentions are not looked for. */
const SKIPPED = new Set([
  'heading',
  'link',
  'linkReference',
  'wikiLink',
  'embed',
  'blockquote',
  'code',
  'inlineCode',
  'html',
  'definition',
  'gardenEmbed',
  'image',
]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Short all-capital names ("KGB", "MAD") only match as written; others match in any case. */
const exactCase = (name: string) => name.length <= 5 && name === name.toUpperCase();

export function createTermMatcher<T>(terms: readonly TermName<T>[]): TermMatcher<T> {
  const byName = new Map<string, { entry: TermName<T>; written: string }>();
  for (const entry of terms) {
    for (const name of entry.names) if (name.trim().length > 1) byName.set(name.toLowerCase(), { entry, written: name });
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

  return {
    firstMentions(tree, skip = () => false) {
      if (byName.size === 0) return [];
      const found = new Set<T>();
      const mentions: TermMention<T>[] = [];
      const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
        if (SKIPPED.has(node.type)) return;
        if (node.type === 'text' && node.value) {
          for (const match of node.value.matchAll(pattern)) {
            const named = byName.get(match[0].toLowerCase());
            if (!named || found.has(named.entry.term) || skip(named.entry.term)) continue;
            if (exactCase(named.written) && match[0] !== named.written) continue;
            found.add(named.entry.term);
            const start = match.index;
            mentions.push({ term: named.entry.term, node: node as TermMention<T>['node'], start, end: start + match[0].length });
          }
          return;
        }
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      visit(tree);
      return mentions;
    },
  };
}

export function findFirstMentions<T>(tree: Root, terms: readonly TermName<T>[], skip?: (term: T) => boolean): TermMention<T>[] {
  return createTermMatcher(terms).firstMentions(tree, skip);
}

/** A plain text cut at the first mention of each term: for timeline events, which name terms too. */
export function splitAtMentions<T>(text: string, matcher: TermMatcher<T>): { text: string; term?: T }[] {
  const node = { type: 'text' as const, value: text };
  const mentions = matcher.firstMentions({ type: 'root', children: [{ type: 'paragraph', children: [node] }] });
  const parts: { text: string; term?: T }[] = [];
  let cursor = 0;
  for (const mention of mentions.sort((a, b) => a.start - b.start)) {
    if (mention.start > cursor) parts.push({ text: text.slice(cursor, mention.start) });
    parts.push({ text: text.slice(mention.start, mention.end), term: mention.term });
    cursor = mention.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor) });
  return parts;
}
