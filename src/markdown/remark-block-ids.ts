/**
 * Thin remark adapter over src/lib/syntax/blocks.ts: `^block-id` markers leave the text and name their
 * blocks, which take the anchor `[[Note#^block-id]]` links to. Before callouts, which keep the id.
 */
import type { Root } from 'mdast';
import { applyBlockIds } from '../lib/syntax/blocks.ts';

export default function remarkBlockIds() {
  return (tree: Root) => {
    applyBlockIds(tree, { anchors: true });
  };
}
