/** Text as a reader reads it, from Markdown or mdast: link labels, sentences around a link, frontmatter text. */
import type { Parents } from 'mdast';
import { applyBlockIds } from './blocks.ts';
import { stripComments } from './comments.ts';
import { parseWikilink } from './links.ts';
import { parseMarkdown } from './parse.ts';

/** The longest context a backlink or a mention quotes, its ellipsis included: a sentence, not a paragraph. */
const CONTEXT_CHARS = 240;

function clipSentence(sentence: string): string {
  return sentence.length > CONTEXT_CHARS ? `${sentence.slice(0, CONTEXT_CHARS - 1)}…` : sentence;
}

/** The sentence of a text that holds an offset. */
export function sentenceAround(text: string, offset: number): string {
  const start = text.slice(0, offset).search(/[^.!?]*$/);
  const after = /[.!?](\s|$)/.exec(text.slice(offset));
  const end = after ? offset + after.index + 1 : text.length;
  const sentence = text.slice(Math.max(0, start), end).trim();
  return clipSentence(sentence);
}

/** The sentence of the nearest paragraph, list item or cell that holds the link text. */
export function contextOf(ancestors: readonly Parents[], linkText: string): string {
  const block = [...ancestors].reverse().find((node) => ['paragraph', 'tableCell', 'heading', 'listItem'].includes(node.type));
  if (!block) return '';
  const text = readerText(plainText(block));
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z0-9"'“‘(])/);
  const sentence = sentences.find((candidate) => linkText && candidate.includes(linkText)) ?? sentences[0] ?? '';
  return clipSentence(sentence);
}

/**
 * Text as a reader reads it, from the plain text of mdast: without the Obsidian markers the parser
 * leaves in text (a callout's `[!note]`, `==highlight==` marks) and with white space collapsed.
 */
function readerText(text: string): string {
  return text
    .replace(/\[![\w-]+\][+-]?[ \t]*/g, '')
    .replace(/==(?=\S)([^=]*?\S)==/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown that may be more than words: links, emphasis, code, highlights, comments, block ids. */
const MARKUP = /[[\]*_`=~<>\\^%!]/;

/**
 * The words of a Markdown text an author wrote in frontmatter (a description, a definition), for
 * places that quote text: previews, meta descriptions, search, feeds. `[[Politburo]]` reads
 * "Politburo", `**the**` reads "the"; comments and block ids are not read at all.
 */
export function markdownToText(markdown: string): string {
  const line = stripComments(markdown).replace(/\s+/g, ' ').trim();
  if (!MARKUP.test(line)) return line;
  // One paragraph of inline Markdown: "1962. The year…" or "- x" at its start is text, not a list.
  const paragraph = line.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([-+*#>])/, '\\$1');
  const tree = parseMarkdown(paragraph);
  applyBlockIds(tree, { anchors: false });
  return readerText(tree.children.map(plainText).join(' '));
}

/** The `|text` of a wikilink or embed (`|300` on an image embed is its width). */
export function wikiLinkAlias(node: { data?: unknown }): string | undefined {
  const data = (node.data ?? {}) as { alias?: string; hProperties?: Record<string, unknown> };
  if (data.alias) return data.alias;
  const width = data.hProperties?.['data-fs-width'];
  const height = data.hProperties?.['data-fs-height'];
  return width ? `${String(width)}${height ? `x${String(height)}` : ''}` : undefined;
}

/**
 * The text a reader sees, from mdast: a wikilink counts as its label (or its target without the
 * `#heading`), so heading ids and link contexts match what the rendered page shows.
 */
export function plainText(node: unknown): string {
  const current = node as { type?: string; value?: string; alt?: string; children?: unknown[]; data?: unknown };
  if (current.type === 'wikiLink') {
    const written = parseWikilink(`[[${current.value ?? ''}${wikiLinkAlias(current) ? `|${wikiLinkAlias(current)}` : ''}]]`);
    return written.label ?? (written.target || (written.heading ?? ''));
  }
  if (current.type === 'embed') return '';
  if (typeof current.value === 'string' && current.type !== 'html') return current.value;
  if (current.type === 'image') return current.alt ?? '';
  return (current.children ?? []).map(plainText).join('');
}
