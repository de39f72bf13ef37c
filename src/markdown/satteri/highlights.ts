/**
 * `==highlights==` through the same remark-flexible-markers setup as the remark path: the library
 * runs on a plain copy of each block of inline content that holds `==`, and the result replaces it.
 */
import type { Root, RootContent } from 'mdast';
import type { MdastPluginDefinition, MdastVisitorContext } from 'satteri';
import { highlightPlugin } from '../highlights.ts';
import { plainCopy } from './shared.ts';

const [remarkFlexibleMarkers, options] = highlightPlugin;
// A unified attacher, called without a processor: it only reads its options.
const transform = (remarkFlexibleMarkers as unknown as (options: unknown) => (tree: Root) => void)(options);

function markBlock(node: RootContent, ctx: MdastVisitorContext): void {
  if (!ctx.textContent(node).includes('==')) return;
  const tree: Root = { type: 'root', children: [plainCopy(node)] };
  transform(tree);
  ctx.replaceNode(node, tree.children);
}

export const highlightsPlugin: MdastPluginDefinition = {
  name: 'garden-highlights',
  paragraph: markBlock,
  heading: markBlock,
  tableCell: (node, ctx) => markBlock(node, ctx),
};
