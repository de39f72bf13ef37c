/** Inline `#tags` in prose become links to their tag pages (src/lib/tags.ts); not inside links. */
import type { MdastPluginDefinition } from 'satteri';
import { tagLinkNodes } from '../../lib/tags.ts';

export const inlineTagsPlugin: MdastPluginDefinition = {
  name: 'garden-inline-tags',
  text(node, ctx) {
    if (!node.value.includes('#')) return;
    for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent as never)) {
      if (parent.type === 'link' || parent.type === 'linkReference') return;
    }
    const replacement = tagLinkNodes(node.value);
    if (replacement) ctx.replaceNode(node, replacement);
  },
};
