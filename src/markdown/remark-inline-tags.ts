/**
 * Thin remark adapter over `src/lib/tags.ts`: inline `#tags` in prose become links to their tag
 * pages. (The vault scan has already added them to the note's tags.)
 */
import type { Root, Parent, PhrasingContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { findTags, tagUrl } from '../lib/tags.ts';
import { hrefForUrl } from '../lib/url.ts';

export default function remarkInlineTags() {
  return (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === 'link' || node.type === 'linkReference' || node.type === 'code' || node.type === 'html') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const text = (node as Text).value;
      const matches = findTags(text);
      if (matches.length === 0) return undefined;
      const replacement: PhrasingContent[] = [];
      let cursor = 0;
      for (const match of matches) {
        if (match.start > cursor) replacement.push({ type: 'text', value: text.slice(cursor, match.start) });
        replacement.push({
          type: 'link',
          url: hrefForUrl(tagUrl(match.tag) as never),
          data: { hProperties: { className: ['tag'] } },
          children: [{ type: 'text', value: `#${match.tag}` }],
        });
        cursor = match.end;
      }
      if (cursor < text.length) replacement.push({ type: 'text', value: text.slice(cursor) });
      parent.children.splice(index, 1, ...(replacement as Parent['children']));
      return [SKIP, index + replacement.length];
    });
  };
}
