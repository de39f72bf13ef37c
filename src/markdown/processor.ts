/**
 * The site's Markdown processor, in one place: astro.config.mjs sets it as `markdown.processor`, and
 * the render workers (render-worker.ts) build the same one, so a note renders the same either way.
 */
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './index.ts';

export function siteMarkdownProcessor() {
  // unified() runs remark-gfm and the site's remark/rehype plugins; Sätteri, Astro 7's default, runs none.
  return unified({ remarkPlugins: [...remarkPlugins], rehypePlugins: [...rehypePlugins], gfm: true, smartypants: true });
}
