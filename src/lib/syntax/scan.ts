/**
 * Reads a note's Markdown once when the vault is loaded, for what the garden model needs before any
 * page is rendered: its headings (with the ids they will have) and every link and embed it writes,
 * with line and the sentence around it. Parsed with the same syntax as rendering (GFM + Obsidian
 * wikilinks); comments are already stripped.
 */
import { syntax as wikiLinkSyntax, fromMarkdown as wikiLinkFromMarkdown } from '@flowershow/remark-wiki-link';
import type { Heading, Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { applyBlockIds, blockAnchor } from './blocks.ts';
import { math } from 'micromark-extension-math';
import { createHeadingSlugger } from './headings.ts';
import { isInlineMath, texError } from '../render/math.ts';
import { parseWikilink } from './links.ts';
import { stripComments } from './comments.ts';
import { findTags, normaliseTag } from './tags.ts';
import type { TermNote } from '../note/note-data.ts';
import type { TermMatcher } from './terms.ts';

export interface NoteHeading {
  depth: number;
  text: string;
  id: string;
}

export interface WrittenLink {
  /** The note (or attachment) part as written: `Folder/Note`, `image.png`; empty for `[[#Heading]]`. */
  target: string;
  heading?: string;
  label?: string;
  /** `![[…]]` or a Markdown image `![alt](map.png)`: the target is shown in place. */
  embed: boolean;
  /** `[[…]]`, or a Markdown link or image `[text](Folder/Note.md)`, `![alt](map.png)`. */
  syntax: 'wikilink' | 'markdown';
  line: number;
  /** The sentence the link stands in, for backlinks. */
  context: string;
}

/** A part of the note an embed may show: a heading's section or a block, by its page id, with its lines. */
export interface NoteRegion {
  id: string;
  start: number;
  end: number;
}

export interface ScannedNote<T = TermNote> {
  headings: NoteHeading[];
  /** Block ids (`^id`, without the caret) the note defines. */
  blocks: string[];
  /** Heading sections and blocks with their lines, for finding which embeds an embedded part holds. */
  regions: NoteRegion[];
  links: WrittenLink[];
  /** First mentions of glossary terms (briefs only), with the sentence around each. */
  mentions: { term: T; line: number; context: string }[];
  /** Inline `#tags` of the prose (not in code or links), lower-cased. */
  tags: string[];
  /** Words a reader reads, for the reading time. */
  words: number;
  /** The body has math to typeset (its page loads KaTeX's stylesheet). */
  math: boolean;
  /** TeX that KaTeX cannot typeset, with its line: warnings (the page shows the source). */
  mathErrors: { line: number; message: string }[];
}

/** The mdast of a note body with the site's syntax extensions. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), wikiLinkSyntax(), math()],
    mdastExtensions: [gfmFromMarkdown(), wikiLinkFromMarkdown(), mathFromMarkdown()],
  });
}

/** Heading ids for a parsed tree, in document order, with the page's reserved ids taken first. */
export function headingIds(tree: Root, reserved: Iterable<string>): Map<Heading, string> {
  const slugger = createHeadingSlugger(reserved);
  const ids = new Map<Heading, string>();
  walk(tree, (node) => {
    if (node.type === 'heading') ids.set(node as Heading, slugger.slug(plainText(node)));
  });
  return ids;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\/|^#|^\//i;
const HAS_EXTENSION = /\.[^./]+$/;

/**
 * A Markdown link's or image's destination as a path in the vault (`../Other%20Note.md` →
 * `../Other Note.md`, `#fragment` apart), or undefined when it names no file of the vault: a web
 * address (`https:`, `data:`, any scheme), a path of the site (`/tags/`) or an anchor. A link names a
 * file only with an extension (`[x](Note.md)`, `[x](paper.pdf)`); an image always does.
 */
export function markdownHref(url: string, kind: 'link' | 'image'): { path: string; heading?: string } | undefined {
  if (EXTERNAL.test(url)) return undefined;
  const hash = url.indexOf('#');
  const path = decodeURIComponentSafe(hash === -1 ? url : url.slice(0, hash));
  const fragment = hash === -1 ? '' : url.slice(hash + 1);
  if (path.trim() === '' || (kind === 'link' && !HAS_EXTENSION.test(path))) return undefined;
  return { path, ...(fragment ? { heading: decodeURIComponentSafe(fragment) } : {}) };
}

/** The `[label]: url` definitions of a tree, by identifier, for `![alt][label]` and `[text][label]`. */
export function definitionsOf(tree: unknown): Map<string, { url: string; title?: string }> {
  const found = new Map<string, { url: string; title?: string }>();
  const visit = (node: unknown) => {
    const current = node as { type?: string; identifier?: string; url?: string; title?: string | null; children?: unknown[] };
    // The first definition of a label wins, as CommonMark says.
    if (current.type === 'definition' && current.identifier && !found.has(current.identifier.toLowerCase())) {
      found.set(current.identifier.toLowerCase(), { url: current.url ?? '', ...(current.title ? { title: current.title } : {}) });
    }
    for (const child of current.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function scanNote(markdown: string, reserved: Iterable<string> = [], terms?: TermMatcher<TermNote>): ScannedNote {
  const tree = parseMarkdown(markdown);
  // Block markers out first: they are never shown, so no sentence, word count or heading holds one.
  const blocks = applyBlockIds(tree, { anchors: false });
  const ids = headingIds(tree, reserved);
  const headings: NoteHeading[] = [...ids].map(([node, id]) => ({ depth: node.depth, text: plainText(node), id }));
  const lastLine = tree.position?.end.line ?? Number.MAX_SAFE_INTEGER;
  const headingNodes = [...ids];
  const regions: NoteRegion[] = [
    ...headingNodes.map(([node, id], index) => {
      const next = headingNodes.slice(index + 1).find(([other]) => other.depth <= node.depth)?.[0];
      const start = node.position?.start.line ?? 0;
      return { id, start, end: next ? (next.position?.start.line ?? lastLine) - 1 : lastLine };
    }),
    ...[...blocks].map(([id, node]) => ({
      id: blockAnchor(id),
      start: node.position?.start.line ?? 0,
      end: node.position?.end.line ?? lastLine,
    })),
  ];
  const links: WrittenLink[] = [];
  const definitions = definitionsOf(tree);
  walk(tree, (node, ancestors) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'wikiLink' || node.type === 'embed') {
      const written = parseWikilink(`[[${node.value}${wikiLinkAlias(node) ? `|${wikiLinkAlias(node)}` : ''}]]`);
      links.push({
        ...written,
        target: written.target.replace(/\\$/, ''),
        embed: node.type === 'embed',
        syntax: 'wikilink',
        line,
        context: contextOf(ancestors, written.label ?? written.target),
      });
    } else if (['link', 'image', 'linkReference', 'imageReference'].includes(node.type)) {
      const image = node.type === 'image' || node.type === 'imageReference';
      const url = node.type.endsWith('Reference') ? definitions.get(node.identifier?.toLowerCase() ?? '')?.url : node.url;
      const href = url === undefined ? undefined : markdownHref(url, image ? 'image' : 'link');
      if (href) {
        const label = image ? (node.alt ?? '') : plainText(node);
        links.push({
          target: href.path,
          ...(href.heading ? { heading: href.heading } : {}),
          label,
          embed: image,
          syntax: 'markdown',
          line,
          context: contextOf(ancestors, label),
        });
      }
    }
  });
  const mentions = (terms?.firstMentions(tree) ?? []).map((mention) => ({
    term: mention.term,
    line: mention.node.position?.start.line ?? 0,
    context: sentenceAround(mention.node.value, mention.start),
  }));
  const tags = new Set<string>();
  let words = 0;
  walk(tree, (node, ancestors) => {
    if (node.type !== 'text' || !node.value) return;
    words += node.value.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    if (ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference')) return;
    for (const match of findTags(node.value)) tags.add(normaliseTag(match.tag));
  });
  return { headings, blocks: [...blocks.keys()], regions, links, mentions, tags: [...tags].sort(), words, ...scanMath(tree) };
}

/** The math a body holds, as the page will typeset it (src/lib/render/math.ts), and the TeX that fails. */
function scanMath(tree: Root): Pick<ScannedNote, 'math' | 'mathErrors'> {
  let found = false;
  const mathErrors: ScannedNote['mathErrors'] = [];
  walk(tree, (node) => {
    const display = node.type === 'math' || (node.type === 'code' && (node as { lang?: string }).lang === 'math');
    if (!display && (node.type !== 'inlineMath' || !isInlineMath(node.value ?? ''))) return;
    found = true;
    const error = texError(node.value ?? '', display);
    if (error) mathErrors.push({ line: node.position?.start.line ?? 0, message: error });
  });
  return { math: found, mathErrors };
}

/** The longest context a backlink or a mention quotes, its ellipsis included: a sentence, not a paragraph. */
const CONTEXT_CHARS = 240;

function clipSentence(sentence: string): string {
  return sentence.length > CONTEXT_CHARS ? `${sentence.slice(0, CONTEXT_CHARS - 1)}…` : sentence;
}

/** The sentence of a text that holds an offset. */
function sentenceAround(text: string, offset: number): string {
  const start = text.slice(0, offset).search(/[^.!?]*$/);
  const after = /[.!?](\s|$)/.exec(text.slice(offset));
  const end = after ? offset + after.index + 1 : text.length;
  const sentence = text.slice(Math.max(0, start), end).trim();
  return clipSentence(sentence);
}

/** The sentence of the nearest paragraph, list item or cell that holds the link text. */
function contextOf(ancestors: readonly Parents[], linkText: string): string {
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

/** Any mdast node, including the wikilink syntax's own `wikiLink` and `embed`. */
interface AnyNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  identifier?: string;
  data?: unknown;
  position?: { start: { line: number } };
}

type Visitor = (node: AnyNode, ancestors: Parents[]) => void;

function walk(tree: Root, visit: Visitor): void {
  const stack: Parents[] = [];
  const step = (node: Nodes) => {
    visit(node, stack);
    if ('children' in node) {
      stack.push(node);
      for (const child of node.children) step(child);
      stack.pop();
    }
  };
  step(tree);
}
