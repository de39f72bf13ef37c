/**
 * Thin remark adapter over src/lib/render/embeds.ts: sole `![[Note]]` blocks become the note shown in place.
 */
import type { Root } from 'mdast';
import { createUniqueId, expandEmbeds, pageTrail } from '../lib/render/embeds.ts';
import { renderedNote } from './link-context.ts';

export default function remarkEmbeds() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const current = renderedNote(file);
    if (!current) return;
    const { context, from } = current;
    expandEmbeds(tree, context, from, pageTrail(from), createUniqueId());
  };
}
