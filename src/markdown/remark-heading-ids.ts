/**
 * Heading ids from src/lib/syntax/scan.ts, set before anything else changes the tree: the ids the vault
 * check used for `[[Note#Heading]]` are the ids the page gets. Astro's rehypeHeadingIds keeps them.
 */
import type { Root } from 'mdast';
import { reservedIds } from '../lib/note/note.ts';
import { headingIds } from '../lib/syntax/scan.ts';
import { renderedNote } from './link-context.ts';

export default function remarkHeadingIds() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const current = renderedNote(file);
    const note = current?.context.notes.get(current.from)?.note;
    for (const [heading, id] of headingIds(tree, note ? reservedIds(note) : [])) {
      const data = (heading.data ?? {}) as { hProperties?: Record<string, unknown> };
      heading.data = { ...data, hProperties: { ...data.hProperties, id } };
    }
  };
}
