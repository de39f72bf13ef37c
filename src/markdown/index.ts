/**
 * The site's Markdown features, as remark/rehype plugins for the unified() processor. Each is a kept
 * library or a thin adapter over src/lib, so a second processor can offer the same features.
 */
import {
  rehypeHeadingIds,
  rehypeShiki,
  type RemarkPlugins,
  type RehypePlugins,
  type ShikiConfig,
} from '@astrojs/markdown-remark';
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeMermaid from './rehype-mermaid.ts';
import { MERMAID_LANGUAGE } from '../lib/mermaid.ts';
import rehypeMath from './rehype-math.ts';
import rehypeMedia from './rehype-media.ts';
import remarkMath from 'remark-math';
import remarkWikiLinkSyntax from '@flowershow/remark-wiki-link';
import { calloutPlugin } from './callouts.ts';
import { highlightPlugin } from './highlights.ts';
import remarkBlockIds from './remark-block-ids.ts';
import remarkEmbeds from './remark-embeds.ts';
import remarkHeadingIds from './remark-heading-ids.ts';
import remarkTermLinks from './remark-term-links.ts';
import remarkWikilinks from './remark-wikilinks.ts';
import remarkInlineTags from './remark-inline-tags.ts';
import { codeStyleClasses } from '../lib/code-highlight.ts';

/**
 * Code blocks: Shiki after untrusted HTML is sanitized, with a theme of roles whose light and dark
 * colours are the stylesheet's, and classes instead of inline styles (src/lib/code-highlight.ts).
 */
export const SHIKI_CONFIG: ShikiConfig = { theme: 'css-variables', transformers: [codeStyleClasses] };

/** What the `#` link after a heading says to a screen reader. */
const anchorLabel = (heading: string) => `Link to “${heading}”`;

const escapeText = (text: string) => text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');

/**
 * The `#` link's content: a visible `#` and, for screen readers, which heading it links to. Pagefind
 * takes a search section's title from all the heading's text, ignoring the link's own
 * `data-pagefind-ignore`: each span carries it too, or sections read "Heading#Link to “Heading”".
 */
const anchorContent = (heading: string): ElementContent[] => [
  {
    type: 'element',
    tagName: 'span',
    properties: { ariaHidden: 'true', 'data-pagefind-ignore': '' },
    children: [{ type: 'text', value: '#' }],
  },
  {
    type: 'element',
    tagName: 'span',
    properties: { className: ['visually-hidden'], 'data-pagefind-ignore': '' },
    children: [{ type: 'text', value: anchorLabel(heading) }],
  },
];

const ANCHOR_PROPERTIES = { className: ['anchor-link'], 'data-copy-link': '', 'data-pagefind-ignore': '' };

/** The `#` link after a heading, as the rehype-autolink-headings setup below makes it. */
export function headingAnchor(id: string, heading: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { ...ANCHOR_PROPERTIES, href: `#${id}` },
    children: anchorContent(heading),
  };
}

/** The same link as HTML, serialized as the remark path serializes it. */
export function headingAnchorHtml(id: string, heading: string): string {
  return (
    `<a class="anchor-link" data-copy-link="" data-pagefind-ignore="" href="#${escapeAttribute(id)}">` +
    `<span aria-hidden="true" data-pagefind-ignore="">#</span>` +
    `<span class="visually-hidden" data-pagefind-ignore="">${escapeText(anchorLabel(heading))}</span></a>`
  );
}

export const remarkPlugins: RemarkPlugins = [
  // [[wikilinks]] and ![[embeds]]: the kept library parses them; src/lib resolves them.
  [remarkWikiLinkSyntax, { className: 'internal-link' }],
  remarkHeadingIds,
  remarkBlockIds,
  remarkEmbeds,
  remarkWikilinks,
  remarkTermLinks,
  calloutPlugin,
  // ==highlights== → <mark>
  highlightPlugin,
  remarkInlineTags,
  // `$…$`, `$$…$$`: parsed here, typeset after the sanitizer (rehypeMath).
  remarkMath,
];

export const rehypePlugins: RehypePlugins = [
  // Order matters: untrusted HTML is made safe first, then the site adds its own trusted markup.
  rehypeSafeHtml,
  // KaTeX's markup is the site's own, added after the sanitizer; before Shiki, which would colour ```math.
  rehypeMath,
  // Video, audio and PDF players: the site's own markup too.
  rehypeMedia,
  rehypeMermaid,
  // Diagrams are drawn, not highlighted (rehype-mermaid.ts).
  function (this: ThisParameterType<typeof rehypeShiki>) {
    return rehypeShiki.call(this, SHIKI_CONFIG, [MERMAID_LANGUAGE]);
  },
  rehypeHeadingIds,
  [
    rehypeAutolinkHeadings,
    { behavior: 'append', properties: ANCHOR_PROPERTIES, content: (heading: Element) => anchorContent(toString(heading)) },
  ],
];
