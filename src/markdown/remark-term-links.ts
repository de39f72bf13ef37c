/**
 * The first mention of each glossary term in a brief's prose links to the term (src/lib/terms.ts),
 * unless the brief already links to that term itself.
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import { linksTermItself } from '../lib/garden-terms.ts';
import { hrefForUrl } from '../lib/url.ts';
import { getLinkContext, vaultPathOf } from './link-context.ts';
import { previewProperties } from '../lib/preview.ts';

export default function remarkTermLinks() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const context = getLinkContext();
    const from = context && vaultPathOf(context, file);
    const note = from ? context.notes.get(from)?.note : undefined;
    if (!context || !note || note.type !== 'brief') return;
    const mentions = context.termMatcher.firstMentions(tree, linksTermItself(note));
    // Split each text node at its mentions, last mention first so offsets stay valid.
    const byNode = new Map<Text, typeof mentions>();
    for (const mention of mentions) byNode.set(mention.node as Text, [...(byNode.get(mention.node as Text) ?? []), mention]);
    visitParents(tree, (node, parent) => {
      const list = byNode.get(node as Text);
      if (!list) return;
      const text = (node as Text).value;
      const parts: PhrasingContent[] = [];
      let cursor = 0;
      for (const mention of list.sort((a, b) => a.start - b.start)) {
        if (mention.start > cursor) parts.push({ type: 'text', value: text.slice(cursor, mention.start) });
        parts.push({
          type: 'link',
          url: hrefForUrl(mention.term.url),
          children: [{ type: 'text', value: text.slice(mention.start, mention.end) }],
          data: { hProperties: { className: ['internal-link', 'term-link'], ...previewProperties(mention.term) } },
        });
        cursor = mention.end;
      }
      if (cursor < text.length) parts.push({ type: 'text', value: text.slice(cursor) });
      const index = parent.children.indexOf(node as never);
      parent.children.splice(index, 1, ...(parts as never[]));
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
