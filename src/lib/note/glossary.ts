/** Which terms a brief's first mentions may link: the glossary's names, less the terms it links itself. */
import type { NoteData, TermNote } from './note-data.ts';
import type { TermName } from '../syntax/terms.ts';
import type { VaultPath } from '../util/types.ts';

/** Every published term with the names a brief may mention it by: the term and its other names. */
export function glossaryNames(notes: readonly NoteData[]): TermName<TermNote>[] {
  return notes.flatMap((note) => (note.type === 'term' ? [{ term: note, names: [note.term, ...note.aliases] }] : []));
}

/** Whether a note already links to a term with a link its author wrote (then no first-mention link). */
export function linksTermItself(note: NoteData): (term: TermNote) => boolean {
  const written = new Set<VaultPath>(note.links.filter((link) => !link.mention).map((link) => link.target));
  return (term) => written.has(term.vaultPath);
}
