/**
 * The `#` link after every heading with an id, the same markup as the remark path's
 * rehype-autolink-headings setup (src/lib/render/heading-anchor.ts). It is added as raw HTML so that
 * Astro, which reads the headings' text after every site plugin, does not take the link's text
 * into the page's headings (the remark path reads it before). MDX has no raw HTML: there it is an element.
 */
import type { HastPluginDefinition } from 'satteri';
import { anchorLabel, headingAnchor, headingAnchorHtml } from '../../lib/render/heading-anchor.ts';

export const autolinkHeadingsPlugin: HastPluginDefinition = {
  name: 'garden-autolink-headings',
  element: {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    visit(heading, ctx) {
      const id = heading.properties.id;
      if (typeof id !== 'string' || id === '') return;
      const label = anchorLabel(ctx.textContent(heading));
      ctx.appendChild(
        heading,
        ctx.sourceFormat === 'mdx' ? headingAnchor(id, label) : { type: 'raw', value: headingAnchorHtml(id, label) },
      );
    },
  },
};
