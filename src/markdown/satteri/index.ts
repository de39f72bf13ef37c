/**
 * The site's Markdown features as Sätteri plugins: the same thin adapters over src/lib (and the same
 * kept libraries) as the remark/rehype ones in ../index.ts, in the same order, with the same HTML.
 * Sätteri itself parses GFM, smart punctuation and the `[[wikilink]]` syntax.
 */
import type { HastPluginList, MdastPluginList, PluginFactoryContext } from 'satteri';
import type { SatteriFeatures } from '@astrojs/markdown-satteri';
import { autolinkHeadingsPlugin } from './autolink-headings.ts';
import { blockIdsPlugin } from './block-ids.ts';
import { calloutsPlugin } from './callouts.ts';
import { citationsPlugin } from './citations.ts';
import { embedsPlugin } from './embeds.ts';
import { headingIdsPlugin } from './heading-ids.ts';
import { highlightsPlugin } from './highlights.ts';
import { inlineTagsPlugin } from './inline-tags.ts';
import { mermaidPlugin } from './mermaid.ts';
import { mathPlugin } from './math.ts';
import { mediaPlugin } from './media.ts';
import { safeHtmlPlugin } from './safe-html.ts';
import { sanitizeScoutPlugin } from './sanitize-scout.ts';
import { shikiPlugin } from './shiki.ts';
import { smartDashes } from './smart-dashes.ts';
import { tableAlignPlugin } from './table-align.ts';
import { termLinksPlugin } from './term-links.ts';
import { wikilinkSyntax } from './wikilink-syntax.ts';
import { wikilinksPlugin } from './wikilinks.ts';
import { SATTERI_SYNTAX } from '../../lib/syntax/parse-satteri.ts';

export const satteriFeatures: SatteriFeatures = {
  // The syntax the load-time scan parses too (GFM, wikilinks, math).
  ...SATTERI_SYNTAX,
  // Quotes and ellipses as remark-smartypants makes them; its dashes differ (see smart-dashes.ts).
  smartPunctuation: { quotes: true, ellipses: true, dashes: false },
};

/**
 * A plugin for the notes whose Markdown may hold its syntax (any of `marks`), or that embed another
 * note (`![[…]]`, whose text may): the others skip it, and their tree stays in Sätteri's arena.
 */
function whenSourceHas<P>(plugin: P, ...marks: string[]): (context: PluginFactoryContext) => P | null {
  return ({ source }) => (source.includes('![[') || marks.some((mark) => source.includes(mark)) ? plugin : null);
}

export const satteriMdastPlugins: MdastPluginList = [
  whenSourceHas(smartDashes, '--'),
  whenSourceHas(wikilinkSyntax, '[['),
  headingIdsPlugin,
  whenSourceHas(blockIdsPlugin, '^'),
  embedsPlugin,
  wikilinksPlugin,
  whenSourceHas(citationsPlugin, '@'),
  termLinksPlugin,
  whenSourceHas(calloutsPlugin, '[!'),
  whenSourceHas(highlightsPlugin, '=='),
  whenSourceHas(inlineTagsPlugin, '#'),
  // Last: it reads the tree every other plugin built, embedded notes included.
  sanitizeScoutPlugin,
];

// Order matters: untrusted HTML is made safe first, then the site adds its own trusted markup.
export const satteriHastPlugins: HastPluginList = [
  whenSourceHas(tableAlignPlugin, '|'),
  safeHtmlPlugin,
  whenSourceHas(mathPlugin, '$', 'math'),
  whenSourceHas(mediaPlugin, '!['),
  whenSourceHas(mermaidPlugin, 'mermaid'),
  shikiPlugin,
  autolinkHeadingsPlugin,
];
