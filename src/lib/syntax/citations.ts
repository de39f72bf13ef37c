/**
 * Pandoc's bracketed citations in a note's text: `[@key]`, `[@key, p. 12]`, `[see @key, pp. 3–5]`,
 * `[@a; @b]`, `[-@key]` (the author left out). A bare `@word` outside brackets is not a citation
 * (e-mail addresses, handles), and neither is anything in code.
 */
import type { Nodes, Root } from 'mdast';

/** One work cited, as CSL's citation item has it (src/lib/render/citations.ts hands it to the style). */
export interface CitationItem {
  key: string;
  prefix?: string;
  /** `12`, `3–5`: where in the work, with the kind of place it is (`page` unless the author wrote `chap.`, `sec.`…). */
  locator?: string;
  label?: string;
  suffix?: string;
  suppressAuthor?: boolean;
}

/** A bracketed group of citations as written, with where it stands in the text it was found in. */
export interface CitationCluster {
  written: string;
  start: number;
  end: number;
  items: CitationItem[];
}

// Pandoc's citation keys: a letter, digit or `_`, then those and internal punctuation.
const KEY = /^([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*)/u;
// A bracket group holding an `@`, with no bracket inside it.
const GROUP = /\[([^[\]]*@[^[\]]*)\]/g;

/** Locator terms authors write, as CSL's locator labels. */
const LABELS: readonly [RegExp, string][] = [
  [/^(?:pp?\.|pages?)\s*/i, 'page'],
  [/^(?:chaps?\.|chs?\.|chapters?)\s*/i, 'chapter'],
  [/^(?:secs?\.|§§?|sections?)\s*/i, 'section'],
  [/^(?:vols?\.|volumes?)\s*/i, 'volume'],
  [/^(?:figs?\.|figures?)\s*/i, 'figure'],
  [/^(?:nn?\.|notes?)\s*/i, 'note'],
  [/^(?:paras?\.|¶¶?|paragraphs?)\s*/i, 'paragraph'],
  [/^(?:ll?\.|lines?)\s*/i, 'line'],
  [/^(?:bks?\.|books?)\s*/i, 'book'],
  [/^(?:cols?\.|columns?)\s*/i, 'column'],
];
// Page numbers and ranges (`12`, `3–5`, `250, 260`): the locator ends where prose starts. Roman
// numerals (`p. xiv`) only after a term: alone, `civil` would read as one.
const PLACE = /^(\d+[a-z]?(?:\s*[-–—,]\s*\d+[a-z]?)*)(?![\p{L}\p{N}])/iu;
const ROMAN_PLACE = /^([ivxlcdm]+(?:\s*[-–—]\s*[ivxlcdm]+)?)(?![\p{L}\p{N}])/iu;

/** Every bracketed citation group in a text, in order. */
export function findCitations(text: string): CitationCluster[] {
  if (!text.includes('@')) return [];
  const found: CitationCluster[] = [];
  for (const match of text.matchAll(GROUP)) {
    const items = parseCitationGroup(match[1] ?? '');
    if (items) found.push({ written: match[0], start: match.index, end: match.index + match[0].length, items });
  }
  return found;
}

/** The items of a group's inside (`see @a, p. 3; @b`), or undefined when any part of it is not a citation. */
export function parseCitationGroup(inside: string): CitationItem[] | undefined {
  const items: CitationItem[] = [];
  for (const part of inside.split(';')) {
    const item = parseItem(part);
    if (!item) return undefined;
    items.push(item);
  }
  return items;
}

function parseItem(part: string): CitationItem | undefined {
  const at = /(^|\s)(-?)@/.exec(part);
  if (!at) return undefined;
  const prefix = part.slice(0, at.index + at[1]!.length).trim();
  const afterAt = part.slice(at.index + at[0].length);
  const key = KEY.exec(afterAt)?.[1];
  if (!key) return undefined;
  const rest = afterAt.slice(key.length);
  // Right after the key comes a comma and a locator, or a space and a suffix, or nothing.
  if (rest !== '' && !/^[\s,]/.test(rest)) return undefined;
  return {
    key,
    ...(prefix ? { prefix } : {}),
    ...(at[2] ? { suppressAuthor: true } : {}),
    ...locatorAndSuffix(rest),
  };
}

function locatorAndSuffix(rest: string): Pick<CitationItem, 'locator' | 'label' | 'suffix'> {
  const trimmed = rest.trim();
  if (!trimmed) return {};
  const afterComma = trimmed.startsWith(',') ? trimmed.slice(1).trim() : undefined;
  if (afterComma !== undefined) {
    const [term, label] = LABELS.map(([pattern, name]) => [pattern.exec(afterComma)?.[0] ?? '', name] as const).find(
      ([written]) => written !== '',
    ) ?? ['', 'page'];
    const after = afterComma.slice(term.length);
    const place = PLACE.exec(after)?.[1] ?? (term ? ROMAN_PLACE.exec(after)?.[1] : undefined);
    if (place) {
      const suffix = after.slice(place.length).replace(/^,/, '').trim();
      return { locator: place.trim(), label, ...(suffix ? { suffix } : {}) };
    }
  }
  return { suffix: trimmed };
}

/**
 * The same group however a processor's smart punctuation wrote it (curly quotes, dashes) and however
 * it was wrapped: how a rendered group finds the formatting its note's load gave it.
 */
export function citationLookupKey(written: string): string {
  return written
    .normalize('NFC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/…/g, '...')
    .replace(/--?-?|[–—]/g, '-')
    .replace(/\s+/g, ' ');
}

/** The line of a position in a text that starts on `firstLine`. */
export function lineAt(text: string, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

/** A group as the body scan finds it: as written, with its file line. */
export interface WrittenCitation {
  written: string;
  line: number;
}

/**
 * Every citation group in a parsed body's prose, in order: in text, never in code (which the parser
 * keeps out of text nodes) nor in a link's text.
 */
export function citationsInTree(tree: Root): WrittenCitation[] {
  const found: WrittenCitation[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') {
      for (const group of findCitations(node.value)) {
        found.push({ written: group.written, line: lineAt(node.value, group.start, node.position?.start.line ?? 0) });
      }
    } else if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') node.children.forEach(walk);
  };
  walk(tree);
  return found;
}
