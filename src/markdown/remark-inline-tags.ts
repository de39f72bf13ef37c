/**
 * Thin remark adapter over `src/lib/syntax/tags.ts`: inline `#tags` in prose become links to their tag
 * pages. (The vault scan has already added them to the note's tags.)
 */
import type { Root, Parent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { tagLinkNodes } from '../lib/syntax/tags.ts';

export default function remarkInlineTags() {
  return (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === 'link' || node.type === 'linkReference' || node.type === 'code' || node.type === 'html') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const replacement = tagLinkNodes((node as Text).value);
      if (!replacement) return undefined;
      parent.children.splice(index, 1, ...(replacement as Parent['children']));
      return [SKIP, index + replacement.length];
    });
  };
}
