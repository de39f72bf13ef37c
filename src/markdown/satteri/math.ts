/**
 * Math (parsed by Sätteri's `math` feature into the same `code.language-math` elements as
 * remark-math) typeset with KaTeX by the rule the remark path uses (src/lib/render/math.ts).
 */
import type { HastPluginDefinition } from 'satteri';
import { mathReplacement } from '../../lib/render/math.ts';
import { plainCopy } from './shared.ts';

export const mathPlugin: HastPluginDefinition = {
  name: 'garden-math',
  element: {
    filter: ['code', 'pre'],
    visit(node, ctx) {
      // The code of a display block goes with its `pre`.
      if (
        node.tagName === 'code' &&
        ctx.parent(node)?.type === 'element' &&
        (ctx.parent(node) as { tagName?: string }).tagName === 'pre'
      )
        return;
      const replacement = mathReplacement(plainCopy(node));
      if (replacement) ctx.replaceNode(node, replacement);
    },
  },
};
