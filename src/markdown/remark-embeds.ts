/**
 * `![[Note]]` and `![[Note#Heading]]` on a line of their own: the note (or that section of it) shown
 * in place, with a link to its page. Embeds inside embeds go EMBED_DEPTH deep; past that, and for a
 * cycle (already a build error), the embed stays a link.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { stripComments } from '../lib/comments.ts';
import { headingKey } from '../lib/headings.ts';
import { parseWikilink } from '../lib/links.ts';
import { parseMarkdown, plainText, wikiLinkAlias } from '../lib/scan.ts';
import type { VaultPath } from '../lib/types.ts';
import { hrefForUrl } from '../lib/url.ts';
import { EMBED_DEPTH } from '../lib/vault.ts';
import { getLinkContext, vaultPathOf, type LinkContext } from './link-context.ts';

interface EmbedNode {
  type: 'embed';
  value: string;
  data?: { alias?: string; embeddedFrom?: VaultPath };
}

export default function remarkEmbeds() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const context = getLinkContext();
    const from = context && vaultPathOf(context, file);
    if (!context || !from) return;
    const taken = new Map<string, number>();
    const uniqueId = (id: string) => {
      const count = taken.get(id) ?? 0;
      taken.set(id, count + 1);
      return count === 0 ? id : `${id}-${count}`;
    };
    expandEmbeds(tree, context, from, [from], uniqueId);
  };
}

type UniqueId = (id: string) => string;

function expandEmbeds(
  tree: { children: RootContent[] },
  context: LinkContext,
  from: VaultPath,
  trail: VaultPath[],
  uniqueId: UniqueId,
): void {
  tree.children = tree.children.flatMap((child) => {
    const embed = soleEmbed(child);
    if (!embed) {
      if ('children' in child && child.type !== 'paragraph')
        expandEmbeds(child as { children: RootContent[] }, context, from, trail, uniqueId);
      return [child];
    }
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
    if (outcome.kind !== 'note' || trail.includes(outcome.note) || trail.length > EMBED_DEPTH) return [child];
    const target = context.notes.get(outcome.note);
    if (!target) return [child];
    const content = parseMarkdown(stripComments(target.body));
    let children = content.children;
    if (written.heading) children = section(children, written.heading);
    const inner = { children };
    markEmbedded(inner, outcome.note, (text) => uniqueId(`embed-${headingKey(target.note.title)}-${headingKey(text)}`));
    expandEmbeds(inner, context, outcome.note, [...trail, outcome.note], uniqueId);
    const href = hrefForUrl(target.note.url) + (outcome.fragment ? `#${outcome.fragment}` : '');
    const title = written.heading ? `${target.note.title} › ${written.heading}` : target.note.title;
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
  });
}

/** The embed a paragraph consists of (white space aside), if any. */
function soleEmbed(node: RootContent): EmbedNode | undefined {
  if (node.type !== 'paragraph') return undefined;
  const meaningful = (node as Paragraph).children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const only = meaningful[0] as unknown as EmbedNode | undefined;
  return meaningful.length === 1 && only?.type === 'embed' && !/\.[a-z0-9]{2,4}$/i.test(parseWikilink(`[[${only.value}]]`).target)
    ? only
    : undefined;
}

/** From the named heading to the next heading of the same or a higher level. */
function section(children: RootContent[], heading: string): RootContent[] {
  const start = children.findIndex((node) => node.type === 'heading' && headingKey(plainText(node)) === headingKey(heading));
  if (start === -1) return [];
  const depth = (children[start] as Heading).depth;
  const end = children.findIndex((node, index) => index > start && node.type === 'heading' && (node as Heading).depth <= depth);
  return children.slice(start, end === -1 ? undefined : end);
}

/** Links in embedded content resolve from the embedded note; its headings get ids of their own. */
function markEmbedded(tree: { children: RootContent[] }, source: VaultPath, headingId: (text: string) => string): void {
  const visit = (node: RootContent) => {
    const current = node as RootContent & { data?: Record<string, unknown> };
    if (current.type === 'heading') {
      current.data = { ...current.data, hProperties: { id: headingId(plainText(current)) } };
    }
    if ((current.type as string) === 'wikiLink' || (current.type as string) === 'embed' || current.type === 'link') {
      current.data = { ...current.data, embeddedFrom: source };
    }
    if ('children' in current) (current.children as RootContent[]).forEach(visit);
  };
  tree.children.forEach(visit);
}
