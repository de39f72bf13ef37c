/**
 * The first mention of each glossary term in a brief's prose links to the term (src/lib/syntax/terms.ts),
 * unless the brief already links to that term itself.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { mentionsByNode, termLinkNodes } from '../lib/render/term-links.ts';
import { renderedNote } from './link-context.ts';

export default function remarkTermLinks() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const current = renderedNote(file);
    if (!current) return;
    const { context, from } = current;
    const byNode = mentionsByNode(tree, context.notes.get(from)?.note, context.termMatcher);
    if (byNode.size === 0) return;
    visit(tree, 'text', (node, index, parent) => {
      const list = byNode.get(node);
      if (!list || !parent || index === undefined) return undefined;
      const links = termLinkNodes(node.value, list);
      parent.children.splice(index, 1, ...links);
      return [SKIP, index + links.length];
    });
  };
}
