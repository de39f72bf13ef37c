/**
 * Heading ids from src/lib/syntax/scan.ts's rule, set before embeds add headings of their own: the ids
 * the vault check used for `[[Note#Heading]]` are the ids the page gets (Astro keeps an id already set).
 * Headings are visited one by one, in document order as the scan numbers them, so the rest of the
 * tree stays in Sätteri's arena.
 */
import type { MdastPluginDefinition } from 'satteri';
import { reservedIds } from '../../lib/note/note.ts';
import { createHeadingSlugger, type HeadingSlugger } from '../../lib/syntax/headings.ts';
import { plainText } from '../../lib/syntax/reader-text.ts';
import { renderedNote } from '../link-context.ts';

const SLUGGER = 'gardenHeadingSlugger';

export const headingIdsPlugin: MdastPluginDefinition = {
  name: 'garden-heading-ids',
  before(_root, ctx) {
    const current = renderedNote(ctx.fileURL);
    const note = current ? current.context.notes.get(current.from)?.note : undefined;
    ctx.data[SLUGGER] = createHeadingSlugger(note ? reservedIds(note) : []);
  },
  heading(node, ctx) {
    const id = (ctx.data[SLUGGER] as HeadingSlugger).slug(plainText(node));
    const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
    ctx.setProperty(node, 'data', { ...data, hProperties: { ...data.hProperties, id } });
  },
};
