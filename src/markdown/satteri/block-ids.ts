/**
 * `^block-id` markers (src/lib/syntax/blocks.ts), as the remark path's remark-block-ids.ts: the rule runs on
 * a plain copy of the tree, which then replaces the children, only for notes that write a caret.
 */
import type { Root } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { applyBlockIds } from '../../lib/syntax/blocks.ts';
import { plainCopy } from './shared.ts';

export const blockIdsPlugin: MdastPluginDefinition = {
  name: 'garden-block-ids',
  before(root, ctx) {
    if (!ctx.textContent(root).includes('^')) return;
    const copy = plainCopy(root) as Root;
    if (applyBlockIds(copy, { anchors: true }).size === 0) return;
    ctx.setProperty(root, 'children', copy.children);
  },
};
