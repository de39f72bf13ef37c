/**
 * The site's Markdown features, as remark/rehype plugins for the unified() processor. Each is a kept
 * library or a thin adapter over src/lib, so a second processor can offer the same features.
 */
import { rehypeHeadingIds, rehypeShiki, type RemarkPlugins, type RehypePlugins } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSafeHtml from './rehype-safe-html.ts';
import remarkFlexibleMarkers from 'remark-flexible-markers';
import remarkWikiLinkSyntax from '@flowershow/remark-wiki-link';
import { calloutPlugin } from './callouts.ts';
import remarkEmbeds from './remark-embeds.ts';
import remarkHeadingIds from './remark-heading-ids.ts';
import remarkTermLinks from './remark-term-links.ts';
import remarkWikilinks from './remark-wikilinks.ts';
import remarkInlineTags from './remark-inline-tags.ts';

export const remarkPlugins: RemarkPlugins = [
  // [[wikilinks]] and ![[embeds]]: the kept library parses them; src/lib resolves them.
  [remarkWikiLinkSyntax, { className: 'internal-link' }],
  remarkHeadingIds,
  remarkEmbeds,
  remarkWikilinks,
  remarkTermLinks,
  calloutPlugin,
  // ==highlights== → <mark>
  [remarkFlexibleMarkers, { markerClassName: () => ['highlight'] }],
  remarkInlineTags,
];

export const rehypePlugins: RehypePlugins = [
  // Order matters: untrusted HTML is made safe first, then the site adds its own trusted markup.
  rehypeSafeHtml,
  [rehypeShiki, { theme: 'github-dark' }],
  rehypeHeadingIds,
  [
    rehypeAutolinkHeadings,
    {
      behavior: 'append',
      properties: { className: ['anchor-link'], 'data-copy-link': '', 'data-pagefind-ignore': '' },
      content: (heading: Element) => [
        { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['visually-hidden'] },
          children: [{ type: 'text', value: `Link to “${toString(heading)}”` }],
        },
      ],
    },
  ],
];
