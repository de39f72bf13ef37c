/**
 * Obsidian callouts through the same @r4ai/remark-callout setup as the remark path (../callouts.ts):
 * the library runs on a plain copy of each outermost blockquote, which it changes in place, and
 * the result replaces the blockquote. Nested blockquotes are the outermost one's business.
 */
import type { Blockquote, Root } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { calloutPlugin } from '../callouts.ts';
import { ancestors, plainCopy } from './shared.ts';

const [remarkCallout, options] = calloutPlugin;
// A unified attacher, called without a processor: it only reads its options.
const transform = (remarkCallout as unknown as (options: unknown) => (tree: Root, file: unknown) => void)(options);

export const calloutsPlugin: MdastPluginDefinition = {
  name: 'garden-callouts',
  // The library skips a callout whose first line is empty by comparing positions.
  options: { position: true },
  blockquote(node, ctx) {
    if (ancestors(node, ctx).some((parent) => parent.type === 'blockquote')) return;
    if (!ctx.textContent(node).includes('[!')) return;
    const copy = plainCopy(node) as Blockquote;
    const tree: Root = { type: 'root', children: [copy] };
    transform(tree, {});
    ctx.replaceNode(node, tree.children);
  },
};
