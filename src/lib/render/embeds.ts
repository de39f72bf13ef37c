/**
 * `![[Note]]`, `![[Note#Heading]]` and `![[Note#^block]]` on a line of their own: the note (or that
 * section, or that block) shown in place, with a link to its page. Embeds inside embeds go
 * EMBED_DEPTH deep; past that, and for a part already being shown (a cycle, already a build error),
 * the embed stays a link. Built as mdast for both Markdown adapters.
 */
import type { Heading, List, RootContent } from 'mdast';
import { applyBlockIds, isBlockReference } from '../syntax/blocks.ts';
import { stripComments } from '../syntax/comments.ts';
import { headingKey } from '../syntax/headings.ts';
import type { LinkContext } from './link-render.ts';
import { parseWikilink } from '../syntax/links.ts';
import { parseMarkdown } from '../syntax/parse.ts';
import { plainText, wikiLinkAlias } from '../syntax/reader-text.ts';
import type { VaultPath } from '../util/types.ts';
import { hrefForUrl } from '../site/url.ts';
import { EMBED_DEPTH } from '../vault/vault.ts';

interface EmbedNode {
  type: 'embed';
  value: string;
  data?: { alias?: string; embeddedFrom?: VaultPath };
}

export type UniqueId = (id: string) => string;

/** Ids for embedded headings, unique within the page: `x`, `x-1`, `x-2`… */
export function createUniqueId(): UniqueId {
  const taken = new Map<string, number>();
  return (id) => {
    const count = taken.get(id) ?? 0;
    taken.set(id, count + 1);
    return count === 0 ? id : `${id}-${count}`;
  };
}

/**
 * What is being shown, outermost first, as `Folder/Note.md` for a whole note and
 * `Folder/Note.md#fragment` for a part: an embed of something on it stays a link.
 */
export type EmbedTrail = readonly string[];

/** The trail of a page: the whole note. */
export function pageTrail(note: VaultPath): EmbedTrail {
  return [note];
}

/** Expands every embed of a tree (not inside paragraphs, which hold only inline embeds) in place. */
export function expandEmbeds(
  tree: { children: RootContent[] },
  context: LinkContext,
  from: VaultPath,
  trail: EmbedTrail,
  uniqueId: UniqueId,
): void {
  tree.children = tree.children.flatMap((child) => {
    const replacement = embedReplacement(child, context, from, trail, uniqueId);
    if (replacement) return replacement;
    if ('children' in child && child.type !== 'paragraph') expandEmbeds(child, context, from, trail, uniqueId);
    return [child];
  });
}

/**
 * What a block that is a sole `![[Note]]` becomes: the note or its section in place (embeds in it
 * expanded too), nothing for an unpublished or missing note, or itself when it may not be expanded.
 * `undefined` when the block is no sole embed.
 */
export function embedReplacement(
  child: RootContent,
  context: LinkContext,
  from: VaultPath,
  trail: EmbedTrail,
  uniqueId: UniqueId,
): RootContent[] | undefined {
  const embed = soleEmbed(child);
  if (!embed) return undefined;
  const written = parseWikilink(`[[${embed.value}${wikiLinkAlias(embed) ? `|${wikiLinkAlias(embed)}` : ''}]]`);
  const source = embed.data?.embeddedFrom ?? from;
  const outcome = context.links.resolve(source, {
    target: written.target.replace(/\\$/, ''),
    ...(written.heading ? { heading: written.heading } : {}),
    embed: true,
    syntax: 'wikilink',
  });
  // Nothing of an unpublished or missing note is shown, not even an empty paragraph.
  if (outcome.kind === 'unpublished' || outcome.kind === 'broken' || outcome.kind === 'invalid') return [];
  if (outcome.kind !== 'note') return [child];
  const part = outcome.fragment ? `${outcome.note}#${outcome.fragment}` : outcome.note;
  if (trail.includes(part) || trail.length > EMBED_DEPTH) return [child];
  const target = context.notes.get(outcome.note);
  if (!target) return [child];
  const content = parseMarkdown(stripComments(target.body));
  // Block markers are never shown, and an embedded block takes no anchor: the page may hold the original.
  const blocks = applyBlockIds(content, { anchors: false });
  const block = isBlockReference(written.heading) ? (written.heading as string).slice(1) : undefined;
  let children = content.children;
  if (block !== undefined) children = blockContent(blocks.get(block));
  else if (written.heading) children = section(children, written.heading);
  const inner = { children };
  markEmbedded(inner, outcome.note, (text) => uniqueId(`embed-${headingKey(target.note.title)}-${headingKey(text)}`));
  expandEmbeds(inner, context, outcome.note, [...trail, part], uniqueId);
  const href = hrefForUrl(target.note.url) + (outcome.fragment ? `#${outcome.fragment}` : '');
  // As Obsidian shows them: a section under its note's and heading's names, a block under its note's.
  const title = written.heading && block === undefined ? `${target.note.title} › ${written.heading}` : target.note.title;
  return [
    {
      type: 'gardenEmbed',
      data: { hName: 'div', hProperties: { className: ['embed'] } },
      children: [
        {
          type: 'paragraph',
          data: { hProperties: { className: ['embed-source'] } },
          children: [{ type: 'link', url: href, children: [{ type: 'text', value: title }] }],
        },
        ...inner.children,
      ],
    } as unknown as RootContent,
  ];
}

/** The embed a paragraph consists of (white space aside), if any. */
function soleEmbed(node: RootContent): EmbedNode | undefined {
  if (node.type !== 'paragraph') return undefined;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const only = meaningful[0] as unknown as EmbedNode | undefined;
  return meaningful.length === 1 && only?.type === 'embed' && !/\.[a-z0-9]{2,4}$/i.test(parseWikilink(`[[${only.value}]]`).target)
    ? only
    : undefined;
}

/** A named block as content of its own: a list item keeps its list around it. */
function blockContent(node: RootContent | undefined): RootContent[] {
  if (!node) return [];
  if (node.type !== 'listItem') return [node];
  const list: List = { type: 'list', ordered: false, spread: false, children: [node] };
  return [list];
}

/** From the named heading to the next heading of the same or a higher level. */
function section(children: RootContent[], heading: string): RootContent[] {
  const start = children.findIndex((node) => node.type === 'heading' && headingKey(plainText(node)) === headingKey(heading));
  if (start === -1) return [];
  const depth = (children[start] as Heading).depth;
  const end = children.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= depth);
  return children.slice(start, end === -1 ? undefined : end);
}

/** Links in embedded content resolve from the embedded note; its headings get ids of their own. */
function markEmbedded(tree: { children: RootContent[] }, source: VaultPath, headingId: (text: string) => string): void {
  const visit = (node: RootContent) => {
    const current = node as RootContent & { data?: Record<string, unknown> };
    if (current.type === 'heading') {
      current.data = { ...current.data, hProperties: { id: headingId(plainText(current)) } };
    }
    // Text too: its citations are the embedded note's (src/lib/render/citation-links.ts).
    if (['wikiLink', 'embed', 'link', 'image', 'linkReference', 'imageReference', 'text'].includes(current.type)) {
      current.data = { ...current.data, embeddedFrom: source };
    }
    if ('children' in current) (current.children as RootContent[]).forEach(visit);
  };
  tree.children.forEach(visit);
}
