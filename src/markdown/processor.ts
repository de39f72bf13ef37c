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
  processor.createRenderer = async (shared) => {
    const renderer = await createRenderer(shared);
    return {
      render: async (content, options) => {
        const result = await renderer.render(content, options);
        return { ...result, code: asRehypeWritesIt(result.code) };
      },
    };
  };
  return processor;
}

const REFERENCES: Record<string, string> = { '&amp;': '&#x26;', '&lt;': '&#x3C;', '&gt;': '>', '&quot;': '&#x22;' };

/**
 * Sätteri's HTML writer differs from rehype-stringify in two ways that change no page: it escapes
 * with named character references (`&amp;`) where rehype writes hexadecimal ones (`&#x26;`) or, for
 * `>`, none, and it
 * ends the document with a line break. Written as rehype writes them, a note's HTML is the same byte
 * for byte whichever processor rendered it (build output, caches, reproducibility checks). Every `&`
 * it writes is one it escaped: raw HTML is parsed into elements before (safe-html.ts).
 */
function asRehypeWritesIt(html: string): string {
  const written = html.replace(/&(?:amp|lt|gt|quot);/g, (reference) => REFERENCES[reference] ?? reference);
  return written.endsWith('\n') ? written.slice(0, -1) : written;
}
