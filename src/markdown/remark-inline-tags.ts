/**
 * Thin remark adapter over `src/lib/tags.ts`: inline `#tags` in prose become tag elements and are
 * reported to the loader in the render metadata (`frontmatter.inlineTags`).
 */
import type { Root, Parent, PhrasingContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { findTags, normaliseTag } from '../lib/tags.ts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function remarkInlineTags() {
  return (tree: Root, file: { data: AstroData }) => {
    const found = new Set<string>();
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
        found.add(normaliseTag(match.tag));
        replacement.push({
          type: 'emphasis',
          data: { hName: 'span', hProperties: { className: ['tag'] } },
          children: [{ type: 'text', value: `#${match.tag}` }],
        });
        cursor = match.end;
      }
      if (cursor < text.length) replacement.push({ type: 'text', value: text.slice(cursor) });
      parent.children.splice(index, 1, ...(replacement as Parent['children']));
      return [SKIP, index + replacement.length];
    });
    if (found.size > 0) {
      const astro = (file.data.astro ??= {});
      const frontmatter = (astro.frontmatter ??= {});
      frontmatter.inlineTags = [...found].sort();
    }
  };
}
