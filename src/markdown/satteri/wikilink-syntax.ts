/**
 * Sätteri parses `[[…]]` and `![[…]]` (its `wikilinks` feature) into ordinary links and images. This
 * turns them back into the `wikiLink` and `embed` nodes the remark wikilink syntax gives, written as
 * the author wrote them, so every later adapter shares the src/lib rules for them.
 */
import type { MdastPluginDefinition } from 'satteri';

type Written = { position?: { start: { offset?: number }; end: { offset?: number } } };

function writtenText(node: Written, source: string): string {
  const { start, end } = node.position ?? { start: {}, end: {} };
  return start.offset === undefined || end.offset === undefined ? '' : source.slice(start.offset, end.offset);
}

export const wikilinkSyntax: MdastPluginDefinition = {
  name: 'garden-wikilink-syntax',
  // The source text of a link tells a wikilink from a Markdown link.
  options: { position: true },
  link(node, ctx) {
    const written = writtenText(node, ctx.source);
    if (written.startsWith('[[') && written.endsWith(']]')) {
      ctx.replaceNode(node, { type: 'wikiLink', value: written.slice(2, -2) });
    }
  },
  image(node, ctx) {
    const written = writtenText(node, ctx.source);
    if (written.startsWith('![[') && written.endsWith(']]')) {
      ctx.replaceNode(node, { type: 'embed', value: written.slice(3, -2) });
    }
  },
};
