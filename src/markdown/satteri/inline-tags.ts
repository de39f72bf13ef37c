/** Inline `#tags` in prose become links to their tag pages (src/lib/syntax/tags.ts); not inside links. */
import type { MdastPluginDefinition } from 'satteri';
import { tagLinkNodes } from '../../lib/syntax/tags.ts';
import { ancestors } from './shared.ts';

export const inlineTagsPlugin: MdastPluginDefinition = {
  name: 'garden-inline-tags',
  text(node, ctx) {
    if (!node.value.includes('#')) return;
    if (ancestors(node, ctx).some((parent) => parent.type === 'link' || parent.type === 'linkReference')) return;
    const replacement = tagLinkNodes(node.value);
    if (replacement) ctx.replaceNode(node, replacement);
  },
};
