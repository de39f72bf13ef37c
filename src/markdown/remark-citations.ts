/**
 * Thin remark adapter over src/lib/render/citation-links.ts: citation groups (`[@key, 12]`) in prose
 * become the formatted citation, each work linked to the note's reference list.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { citationReplacement } from '../lib/render/citation-links.ts';
import { renderedNote } from './link-context.ts';

export default function remarkCitations() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const current = renderedNote(file);
    if (!current) return;
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'linkReference') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const replacement = citationReplacement(node, current.context, current.from);
      if (!replacement) return undefined;
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}
