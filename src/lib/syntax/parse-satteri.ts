/**
 * The same Markdown as ./parse.ts reads it, parsed by Sätteri (Astro 7's Rust parser), for the
 * load-time scan of a site that renders with Sätteri: about fifty times faster than micromark, and the
 * parser that renders the page reads the note. Sätteri makes `[[…]]` and `![[…]]` ordinary links and
 * images; their source text tells them apart, and they become the `wikiLink` and `embed` nodes of the
 * remark wikilink syntax, written as the author wrote them, so the scan reads one shape of tree.
 */
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/**
 * The syntax Sätteri parses for the site (its renderer adds smart punctuation on top,
 * src/markdown/satteri/index.ts): GFM, `[[wikilinks]]`, and `$…$`/`$$…$$` as remark-math parses them.
 * The scan reads text as written, like micromark.
 */
export const SATTERI_SYNTAX = { gfm: true, wikilinks: true, math: true } as const;

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };

function sourceOf(node: Positioned, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** The mdast of a note body, parsed by Sätteri, with wikilinks and embeds as the remark syntax gives them. */
export function parseMarkdownWithSatteri(markdown: string): Root {
  const tree = markdownToMdast(markdown, { features: SATTERI_SYNTAX, position: true }) as unknown as Root;
  const visit = (parent: { children: Nodes[] }) => {
    const children = parent.children;
    for (let index = 0; index < children.length; index++) {
      const node = children[index] as Nodes;
      if (node.type === 'link' || node.type === 'image') {
        const written = sourceOf(node, markdown);
        const embed = node.type === 'image';
        if (written.startsWith(embed ? '![[' : '[[') && written.endsWith(']]')) {
          const value = written.slice(embed ? 3 : 2, -2);
          children[index] = { type: embed ? 'embed' : 'wikiLink', value, position: node.position } as unknown as Nodes;
          continue;
        }
      }
      if ('children' in node) visit(node);
    }
  };
  visit(tree);
  return tree;
}
