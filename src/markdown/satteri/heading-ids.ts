/**
 * Heading ids from src/lib/syntax/scan.ts, set before embeds add headings of their own: the ids the vault
 * check used for `[[Note#Heading]]` are the ids the page gets (Astro keeps an id already set).
 */
import type { MdastPluginDefinition } from 'satteri';
import { reservedIds } from '../../lib/note/note.ts';
import { headingIds } from '../../lib/syntax/scan.ts';
import { renderedNote } from '../link-context.ts';

export const headingIdsPlugin: MdastPluginDefinition = {
  name: 'garden-heading-ids',
  before(root, ctx) {
    const current = renderedNote(ctx.fileURL);
    const note = current ? current.context.notes.get(current.from)?.note : undefined;
    for (const [heading, id] of headingIds(root, note ? reservedIds(note) : [])) {
      const data = (heading.data ?? {}) as { hProperties?: Record<string, unknown> };
      ctx.setProperty(heading, 'data', { ...data, hProperties: { ...data.hProperties, id } });
    }
  },
};
