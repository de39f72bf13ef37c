/**
 * The first mention of each glossary term in a brief's prose links to the term (src/lib/terms.ts),
 * unless the brief already links to that term itself.
 */
import type { Root } from 'mdast';
import { mentionsByNode, termLinkNodes } from '../lib/garden-terms.ts';
import { getLinkContext, vaultPathOf } from './link-context.ts';

export default function remarkTermLinks() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const context = getLinkContext();
    const from = context && vaultPathOf(context, file);
    if (!context || !from) return;
    const byNode = mentionsByNode(tree, context.notes.get(from)?.note, context.termMatcher);
    if (byNode.size === 0) return;
    visitParents(tree, (node, parent) => {
      const list = byNode.get(node as never);
      if (!list) return;
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, ...termLinkNodes(list[0]!.node.value, list));
    });
  };
}

function visitParents(tree: Root, visit: (node: unknown, parent: { children: unknown[] }) => void): void {
  const walk = (node: { children?: unknown[] }) => {
    for (const child of [...(node.children ?? [])]) {
      visit(child, node as { children: unknown[] });
      walk(child as { children?: unknown[] });
    }
  };
  walk(tree as { children?: unknown[] });
}
