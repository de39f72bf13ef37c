/**
 * Reads a note's Markdown once when the vault is loaded, for what the garden model needs before any
 * page is rendered: its headings (with the ids they will have) and every link and embed it writes,
 * with line and the sentence around it. Parsed with the same syntax as rendering (GFM + Obsidian
 * wikilinks); comments are already stripped.
 */
import type { Heading, Nodes, Parents, Root } from 'mdast';
import { applyBlockIds, blockAnchor } from './blocks.ts';
import { createHeadingSlugger } from './headings.ts';
import { isInlineMath, texError } from '../render/math.ts';
import { parseWikilink } from './links.ts';
import { findTags, normaliseTag } from './tags.ts';
import type { TermNote } from '../note/note-data.ts';
import type { TermMatcher } from './terms.ts';
import { definitionsOf, markdownHref, parseMarkdown, type MarkdownParser } from './parse.ts';
import { contextOf, plainText, sentenceAround, wikiLinkAlias } from './reader-text.ts';
import { citationsInTree, type WrittenCitation } from './citations.ts';

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
  /** Citation groups (`[@key, 12]`) of the prose, with their lines (src/lib/syntax/citations.ts). */
  citations: WrittenCitation[];
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
export function scanNote(
  markdown: string,
  reserved: Iterable<string> = [],
  terms?: TermMatcher<TermNote>,
  parse: MarkdownParser = parseMarkdown,
): ScannedNote {
  const tree = parse(markdown);
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
  const citations = citationsInTree(tree);
  return {
    headings,
    blocks: [...blocks.keys()],
    regions,
    links,
    mentions,
    tags: [...tags].sort(),
    words,
    ...scanMath(tree),
    citations,
  };
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
