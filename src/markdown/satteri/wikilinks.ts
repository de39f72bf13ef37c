/** Wikilinks, unexpanded embeds and Markdown links to notes, as the vault check resolved them (src/lib/link-render.ts). */
import type { MdastPluginDefinition } from 'satteri';
import { markdownLinkTarget, wikilinkReplacement, type WikilinkNode } from '../../lib/link-render.ts';
import { noteOf, plainCopy } from './shared.ts';

export const wikilinksPlugin: MdastPluginDefinition = {
  name: 'garden-wikilinks',
  custom(node, ctx) {
    if (node.type !== 'wikiLink' && node.type !== 'embed') return;
    const current = noteOf(ctx.fileURL);
    if (!current) return;
    const wikilink = node as WikilinkNode;
    ctx.replaceNode(node, wikilinkReplacement(wikilink, wikilink.data?.embeddedFrom ?? current.from, current.context));
  },
  link(node, ctx) {
    const current = noteOf(ctx.fileURL);
    if (!current || !node.url) return;
    const data = node.data as WikilinkNode['data'];
    const target = markdownLinkTarget(node.url, data?.embeddedFrom ?? current.from, current.context);
    if (!target) return;
    if (target === 'text') {
      ctx.replaceNode(node, plainCopy(node.children));
      return;
    }
    ctx.setProperty(node, 'url', target.url);
    ctx.setProperty(node, 'data', { ...data, hProperties: { ...data?.hProperties, ...target.hProperties } });
  },
};
