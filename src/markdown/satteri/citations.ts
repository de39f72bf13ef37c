/** Citation groups (`[@key, 12]`) in prose, formatted and linked to the note's reference list (src/lib/render/citation-links.ts). */
import type { MdastPluginDefinition } from 'satteri';
import { citationReplacement } from '../../lib/render/citation-links.ts';
import { renderedNote } from '../link-context.ts';
import { ancestors } from './shared.ts';

export const citationsPlugin: MdastPluginDefinition = {
  name: 'garden-citations',
  text(node, ctx) {
    if (!node.value.includes('@')) return;
    const current = renderedNote(ctx.fileURL);
    if (!current) return;
    if (ancestors(node, ctx).some((parent) => parent.type === 'link' || parent.type === 'linkReference')) return;
    const replacement = citationReplacement(node, current.context, current.from);
    if (replacement) ctx.replaceNode(node, replacement);
  },
};
