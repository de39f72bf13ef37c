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
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeMermaid from './rehype-mermaid.ts';
import { MERMAID_LANGUAGE } from '../lib/render/mermaid.ts';
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
import remarkCitations from './remark-citations.ts';
import remarkWikilinks from './remark-wikilinks.ts';
import remarkInlineTags from './remark-inline-tags.ts';
import remarkSanitizeScout from './remark-sanitize-scout.ts';
import { codeStyleClasses, deterministicHighlighting } from '../lib/render/code-highlight.ts';
import { ANCHOR_PROPERTIES, anchorContent, anchorLabel } from '../lib/render/heading-anchor.ts';

/**
 * Code blocks: Shiki after untrusted HTML is sanitized, with a theme of roles whose light and dark
 * colours are the stylesheet's, and classes instead of inline styles (src/lib/render/code-highlight.ts);
 * every line highlighted whole whatever the machine's load.
 */
export const SHIKI_CONFIG: ShikiConfig = { theme: 'css-variables', transformers: [deterministicHighlighting, codeStyleClasses] };

export const remarkPlugins: RemarkPlugins = [
  // [[wikilinks]] and ![[embeds]]: the kept library parses them; src/lib resolves them.
  [remarkWikiLinkSyntax, { className: 'internal-link' }],
  remarkHeadingIds,
  remarkBlockIds,
  remarkEmbeds,
  remarkWikilinks,
  // `[@key, 12]` → the formatted citation, linked to the reference list (formatted when the vault loaded).
  remarkCitations,
  remarkTermLinks,
  calloutPlugin,
  // ==highlights== → <mark>
  highlightPlugin,
  remarkInlineTags,
  // `$…$`, `$$…$$`: parsed here, typeset after the sanitizer (rehypeMath).
  remarkMath,
  // Last: it reads the tree every other plugin built, embedded notes included.
  remarkSanitizeScout,
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
    // The `#` link of src/lib/render/heading-anchor.ts: the library adds the `href`.
    {
      behavior: 'append',
      properties: ANCHOR_PROPERTIES,
      content: (heading: Element) => anchorContent(anchorLabel(toString(heading))),
    },
  ],
];
