/**
 * The site's Markdown features, as remark/rehype plugins for the unified() processor. Each is a kept
 * library or a thin adapter over src/lib, so a second processor can offer the same features.
 */
import type { RemarkPlugins, RehypePlugins } from '@astrojs/markdown-remark';
import remarkFlexibleMarkers from 'remark-flexible-markers';
import { calloutPlugin } from './callouts.ts';
import remarkInlineTags from './remark-inline-tags.ts';

export const remarkPlugins: RemarkPlugins = [
  calloutPlugin,
  // ==highlights== → <mark>
  [remarkFlexibleMarkers, { markerClassName: () => ['highlight'] }],
  remarkInlineTags,
];

export const rehypePlugins: RehypePlugins = [];
