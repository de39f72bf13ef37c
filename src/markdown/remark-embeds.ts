/**
 * Thin remark adapter over src/lib/embeds.ts: sole `![[Note]]` blocks become the note shown in place.
 */
import type { Root } from 'mdast';
import { createUniqueId, expandEmbeds, pageTrail } from '../lib/embeds.ts';
import { getLinkContext, vaultPathOf } from './link-context.ts';

export default function remarkEmbeds() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const context = getLinkContext();
    const from = context && vaultPathOf(context, file);
    if (!context || !from) return;
    expandEmbeds(tree, context, from, pageTrail(from), createUniqueId());
  };
}
