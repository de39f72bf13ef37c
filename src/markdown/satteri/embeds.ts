/** Sole `![[Note]]` blocks shown in place (src/lib/render/embeds.ts), in blocks at any depth but paragraphs. */
import type { RootContent } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { createUniqueId, embedReplacement, pageTrail } from '../../lib/render/embeds.ts';
import { renderedNote } from '../link-context.ts';

export const embedsPlugin: MdastPluginDefinition = {
  name: 'garden-embeds',
  before(root, ctx) {
    // Only a note that writes `![[…]]` embeds: the others keep their tree in Sätteri's arena.
    if (!ctx.source.includes('![[')) return;
    const current = renderedNote(ctx.fileURL);
    if (!current) return;
    const { context, from } = current;
    const uniqueId = createUniqueId();
    const walk = (parent: { children: readonly RootContent[] }) => {
      for (const child of parent.children) {
        const replacement = embedReplacement(child, context, from, pageTrail(from), uniqueId);
        if (replacement) {
          if (replacement.length !== 1 || replacement[0] !== child) ctx.replaceNode(child, replacement);
        } else if ('children' in child && child.type !== 'paragraph') walk(child);
      }
    };
    walk(root);
  },
};
