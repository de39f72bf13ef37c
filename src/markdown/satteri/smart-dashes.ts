/**
 * Dashes as remark-smartypants makes them (its default `dashes: true`): exactly two hyphens become an
 * em dash, and longer runs stay as written. Sätteri's own dashes follow another convention (`--` en,
 * `---` em), so they are off. It runs first, as remark-smartypants does: before embedded notes are
 * added, whose text is not made smart on either path.
 */
import type { MdastPluginDefinition } from 'satteri';

const TWO_HYPHENS = /(?<!-)--(?!-)/g;

export const smartDashes: MdastPluginDefinition = {
  name: 'garden-smart-dashes',
  text(node, ctx) {
    if (node.value.includes('--')) ctx.setProperty(node, 'value', node.value.replace(TWO_HYPHENS, '—'));
  },
};
