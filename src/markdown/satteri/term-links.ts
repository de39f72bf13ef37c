/** The first mention of each glossary term in a brief's prose links to the term (src/lib/render/term-links.ts). */
import type { Text } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { mentionsByNode, termLinkNodes } from '../../lib/render/term-links.ts';
import { renderedNote } from '../link-context.ts';

export const termLinksPlugin: MdastPluginDefinition = {
  name: 'garden-term-links',
  before(root, ctx) {
    const current = renderedNote(ctx.fileURL);
    if (!current) return;
    const { context, from } = current;
    const byNode = mentionsByNode(root, context.notes.get(from)?.note, context.termMatcher);
    for (const [node, mentions] of byNode) ctx.replaceNode(node as Text, termLinkNodes(node.value, mentions));
  },
};
