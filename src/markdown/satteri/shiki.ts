/**
 * Code blocks highlighted by Shiki as the remark path's rehypeShiki does (same highlighter, theme and
 * rules), but after the HTML is sanitized: Astro's own Sätteri highlighting runs before every site
 * plugin, so it stays off (`syntaxHighlight: false`) and this one takes its place.
 */
import type { HastPluginDefinition } from 'satteri';
import { satteriCreateHighlightFn } from '@astrojs/markdown-satteri';
import { MERMAID_LANGUAGE } from '../../lib/render/mermaid.ts';
import { SHIKI_CONFIG } from '../index.ts';

const LANGUAGE = /\blanguage-(\S+)\b/;
// Diagrams are drawn, not highlighted (mermaid.ts).
const EXCLUDED = ['math', MERMAID_LANGUAGE];
let highlighter: ReturnType<typeof satteriCreateHighlightFn> | undefined;

export const shikiPlugin: HastPluginDefinition = {
  name: 'garden-shiki',
  element: {
    filter: ['pre'],
    async visit(pre, ctx) {
      const code = pre.children[0];
      if (pre.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code') return undefined;
      const classes = ([] as unknown[]).concat(code.properties.className ?? []);
      const language = classes.map((name) => LANGUAGE.exec(String(name))?.[1]).find(Boolean) ?? 'plaintext';
      if (EXCLUDED.includes(language)) return undefined;
      highlighter ??= satteriCreateHighlightFn('shiki', SHIKI_CONFIG);
      const highlight = await highlighter;
      const meta = (code.data as { meta?: string } | undefined)?.meta ?? (code.properties.metastring as string | undefined);
      return (await highlight?.(ctx.textContent(code), language, meta)) ?? undefined;
    },
  },
};
