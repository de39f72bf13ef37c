/**
 * Thin remark adapter over src/lib/render/link-render.ts: `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`,
 * `[[#Heading]]`, links by alias, Markdown links to notes and files by path, `![[image.png|300]]` and
 * Markdown images `![alt](map.png)` become what the vault check resolved.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import {
  markdownImageReplacement,
  markdownLinkTarget,
  wikilinkReplacement,
  type WikilinkNode,
} from '../lib/render/link-render.ts';
import { definitionsOf } from '../lib/syntax/parse.ts';
import { renderedNote } from './link-context.ts';

interface MarkdownNode extends WikilinkNode {
  url?: string;
  title?: string | null;
  alt?: string | null;
  identifier?: string;
  children?: PhrasingContent[];
}

export default function remarkWikilinks() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const current = renderedNote(file);
    if (!current) return;
    const { context, from } = current;
    const definitions = definitionsOf(tree);
    visit(tree, (node, index, parent) => {
      const current = node as unknown as MarkdownNode;
      if (!parent || index === undefined) return undefined;
      // Every node replaced here is phrasing content, in its parent's place: any parent can hold it.
      const siblings: RootContent[] = parent.children;
      const source = current.data?.embeddedFrom ?? from;
      const replace = (replacement: PhrasingContent) => {
        siblings.splice(index, 1, replacement);
        return [SKIP, index + 1] as [typeof SKIP, number];
      };
      if (current.type === 'wikiLink' || current.type === 'embed') {
        return replace(wikilinkReplacement(current, source, context, from));
      }
      // `![alt][label]` and `[text][label]` are the image and link their definition gives.
      const defined =
        current.type === 'imageReference' || current.type === 'linkReference'
          ? definitions.get(current.identifier?.toLowerCase() ?? '')
          : undefined;
      if (current.type === 'image' || (current.type === 'imageReference' && defined)) {
        const image = { url: current.url ?? defined?.url ?? '', alt: current.alt, title: current.title ?? defined?.title };
        const replacement = markdownImageReplacement(image, source, context, from);
        return replacement ? replace(replacement) : undefined;
      }
      if ((current.type === 'link' && current.url) || (current.type === 'linkReference' && defined)) {
        const target = markdownLinkTarget(current.url ?? defined?.url ?? '', source, context);
        if (!target) return undefined;
        // The link's content is visited next either way: it may hold an image.
        if (target === 'text') {
          siblings.splice(index, 1, ...(current.children ?? []));
          return [SKIP, index] as [typeof SKIP, number];
        }
        const title = current.title ?? defined?.title;
        const link = current as MarkdownNode & { type: string; label?: string; referenceType?: string };
        link.type = 'link';
        link.url = target.url;
        if (title) link.title = title;
        delete link.identifier;
        delete link.label;
        delete link.referenceType;
        link.data = { ...link.data, hProperties: { ...link.data?.hProperties, ...target.hProperties } };
        return undefined;
      }
      return undefined;
    });
  };
}
