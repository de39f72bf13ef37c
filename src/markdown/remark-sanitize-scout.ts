/**
 * Marks a note that needs sanitizing (src/lib/render/sanitize-needed.ts) for rehype-safe-html.ts, from
 * its mdast after every remark plugin, embedded notes included.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { needsSanitizing } from '../lib/render/sanitize-needed.ts';
import { SANITIZE_FLAG } from './rehype-safe-html.ts';

export default function remarkSanitizeScout() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (!needsSanitizing(node)) return undefined;
      file.data[SANITIZE_FLAG] = true;
      return false;
    });
  };
}
