/**
 * The Markdown processor the site renders with, chosen by the `markdownProcessor` site option:
 * `unified` (remark/rehype, ./index.ts) or `satteri` (Astro 7's Rust processor, ./satteri/). Both
 * are thin adapters over the same src/lib rules and give the same HTML. `.mdx` notes are compiled by
 * @astrojs/mdx with the same processor and plugins.
 */
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import { remarkPlugins, rehypePlugins } from './index.ts';
import { satteriFeatures, satteriHastPlugins, satteriMdastPlugins } from './satteri/index.ts';

export type MarkdownProcessorName = 'unified' | 'satteri';

export function markdownProcessor(name: MarkdownProcessorName) {
  if (name === 'unified') {
    return unified({ remarkPlugins: [...remarkPlugins], rehypePlugins: [...rehypePlugins], gfm: true, smartypants: true });
  }
  const processor = satteri({ mdastPlugins: satteriMdastPlugins, hastPlugins: satteriHastPlugins, features: satteriFeatures });
  const createRenderer = processor.createRenderer.bind(processor);
  // Sätteri ends a document with a line break that rehype-stringify does not write: drop it, so a
  // note's HTML is byte for byte the same whichever processor rendered it.
  processor.createRenderer = async (shared) => {
    const renderer = await createRenderer(shared);
    return {
      render: async (content, options) => {
        const result = await renderer.render(content, options);
        return { ...result, code: result.code.endsWith('\n') ? result.code.slice(0, -1) : result.code };
      },
    };
  };
  return processor;
}
