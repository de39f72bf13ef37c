/**
 * Wikilinks, unexpanded embeds, Markdown links to notes and files and Markdown images, as the vault
 * check resolved them (src/lib/render/link-render.ts).
 */
import type { Image, ImageReference, PhrasingContent } from 'mdast';
import type { MdastPluginDefinition, MdastTarget } from 'satteri';
import {
  markdownImageReplacement,
  markdownLinkTarget,
  wikilinkReplacement,
  type MarkdownImage,
  type WikilinkNode,
} from '../../lib/render/link-render.ts';
import { definitionsOf } from '../../lib/syntax/parse.ts';
import type { VaultPath } from '../../lib/util/types.ts';
import { renderedNote } from '../link-context.ts';
import { ancestors, plainCopy } from './shared.ts';

type Definitions = ReturnType<typeof definitionsOf>;
const DEFINITIONS = 'gardenDefinitions';
/** A line that may define a label (CommonMark: up to three spaces, `[label]:`, also inside a quote or list). */
const DEFINITION_LINE = /\[[^\]\n]+\]:/;

/** `![alt][label]` and `[text][label]` are the image and link their definition gives. */
const definitionOf = (identifier: string, data: Record<string, unknown>) =>
  (data[DEFINITIONS] as Definitions | undefined)?.get(identifier.toLowerCase());

export const wikilinksPlugin: MdastPluginDefinition = {
  name: 'garden-wikilinks',
  before(root, ctx) {
    // Only a note that writes a `[label]: url` line, or embeds one that may, has definitions to look for.
    const mayDefine = DEFINITION_LINE.test(ctx.source) || ctx.source.includes('![[');
    ctx.data[DEFINITIONS] = mayDefine ? definitionsOf(root) : new Map();
  },
  custom(node, ctx) {
    if (node.type !== 'wikiLink' && node.type !== 'embed') return;
    const current = renderedNote(ctx.fileURL);
    if (!current) return;
    const wikilink = node as WikilinkNode;
    ctx.replaceNode(
      node,
      wikilinkReplacement(wikilink, wikilink.data?.embeddedFrom ?? current.from, current.context, current.from),
    );
  },
  image(node, ctx) {
    if (!insideReplacedLink(node, ctx)) replaceImage(node, node.url, ctx);
  },
  imageReference(node, ctx) {
    const defined = definitionOf(node.identifier, ctx.data);
    if (defined && !insideReplacedLink(node, ctx)) replaceImage(node, defined.url, ctx, defined.title);
  },
  link(node, ctx) {
    const target = linkTarget(node, ctx);
    if (!target) return;
    const data: WikilinkNode['data'] = node.data;
    if (target === 'text') {
      ctx.replaceNode(node, withImagesResolved(plainCopy(node.children), ctx));
      return;
    }
    ctx.setProperty(node, 'url', target.url);
    ctx.setProperty(node, 'data', { ...data, hProperties: { ...data?.hProperties, ...target.hProperties } });
  },
  linkReference(node, ctx) {
    const target = linkTarget(node, ctx);
    if (!target) return;
    const children = withImagesResolved(plainCopy(node.children), ctx);
    if (target === 'text') {
      ctx.replaceNode(node, children);
      return;
    }
    const data: WikilinkNode['data'] = node.data;
    const title = definitionOf(node.identifier, ctx.data)?.title;
    ctx.replaceNode(node, {
      type: 'link',
      url: target.url,
      ...(title ? { title } : {}),
      children,
      data: { ...plainCopy(data), hProperties: { ...data?.hProperties, ...target.hProperties } },
    });
  },
};

type Context = Parameters<NonNullable<MdastPluginDefinition['image']>>[1];
type AnyNode = {
  type?: string;
  url?: string;
  identifier?: string;
  alt?: string | null;
  title?: string | null;
  children?: unknown[];
  data?: unknown;
};

const sourceOf = (node: AnyNode, from: VaultPath) => (node.data as WikilinkNode['data'])?.embeddedFrom ?? from;

/** What a Markdown link (or link reference) becomes: see `markdownLinkTarget`. */
function linkTarget(node: AnyNode, ctx: Context): ReturnType<typeof markdownLinkTarget> {
  const current = renderedNote(ctx.fileURL);
  const url = node.type === 'linkReference' ? definitionOf(node.identifier ?? '', ctx.data)?.url : node.url;
  if (!current || !url) return undefined;
  return markdownLinkTarget(url, sourceOf(node, current.from), current.context);
}

/**
 * A link this plugin replaces puts its content back as a copy, with its images resolved then
 * (`withImagesResolved`): Sätteri would drop a change to the original image.
 */
function insideReplacedLink(node: Readonly<MdastTarget>, ctx: Context): boolean {
  return ancestors(node, ctx).some(
    (parent) =>
      (parent.type === 'linkReference' && linkTarget(parent, ctx)) ||
      (parent.type === 'link' && linkTarget(parent, ctx) === 'text'),
  );
}

/** The image a Markdown image or image reference shows, or undefined when it stays as written. */
function imageFor(node: AnyNode, url: string, ctx: Context, title?: string): PhrasingContent | undefined {
  const current = renderedNote(ctx.fileURL);
  if (!current) return undefined;
  const image: MarkdownImage = { url, alt: node.alt ?? null, title: node.title ?? title ?? null };
  return markdownImageReplacement(image, sourceOf(node, current.from), current.context, current.from);
}

function replaceImage(node: Readonly<Image | ImageReference>, url: string, ctx: Context, title?: string) {
  const replacement = imageFor(node, url, ctx, title);
  if (replacement) ctx.replaceNode(node, replacement);
}

/**
 * A link's content put back in its place is not visited again: the images in it are resolved here,
 * so none reaches Astro's image pipeline as written.
 */
function withImagesResolved<T>(nodes: T[], ctx: Context): T[] {
  return nodes.map((node) => {
    const current = node as AnyNode;
    if (current.type === 'image') return (imageFor(current, current.url ?? '', ctx) ?? node) as T;
    if (current.type === 'imageReference') {
      const defined = definitionOf(current.identifier ?? '', ctx.data);
      return (defined ? (imageFor(current, defined.url, ctx, defined.title) ?? node) : node) as T;
    }
    return current.children ? ({ ...current, children: withImagesResolved(current.children, ctx) } as T) : node;
  });
}
