/**
 * Thin remark adapter over src/lib/link-render.ts: `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`,
 * `[[#Heading]]`, links by alias, Markdown links to notes by path, and `![[image.png|300]]` become
 * what the vault check resolved.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { markdownLinkTarget, wikilinkReplacement, type WikilinkNode } from '../lib/link-render.ts';
import { getLinkContext, vaultPathOf } from './link-context.ts';

export default function remarkWikilinks() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const context = getLinkContext();
    const from = context && vaultPathOf(context, file);
    if (!context || !from) return;
    visit(tree, (node, index, parent) => {
      const current = node as unknown as WikilinkNode & { url?: string; children?: unknown[] };
      if (!parent || index === undefined) return undefined;
      const source = current.data?.embeddedFrom ?? from;
      if (current.type === 'wikiLink' || current.type === 'embed') {
        parent.children.splice(index, 1, wikilinkReplacement(current, source, context) as never);
        return [SKIP, index + 1];
      }
      if (current.type === 'link' && current.url) {
        const target = markdownLinkTarget(current.url, source, context);
        if (!target) return undefined;
        if (target !== 'text') {
          current.url = target.url;
          current.data = { ...current.data, hProperties: { ...current.data?.hProperties, ...target.hProperties } };
          return undefined;
        }
        parent.children.splice(index, 1, ...((current.children ?? []) as never[]));
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
