/** Which terms a brief's first mentions may link: the glossary's names, less the terms it links itself. */
import type { NoteData, TermNote } from './note.ts';
import type { TermName } from './terms.ts';
import type { VaultPath } from './types.ts';

export function termNames(terms: readonly { note: TermNote; names: readonly string[] }[]): TermName<TermNote>[] {
  return terms.map((entry) => ({ term: entry.note, names: entry.names }));
}

/** Whether a note already links to a term with a link its author wrote (then no first-mention link). */
export function linksTermItself(note: NoteData): (term: TermNote) => boolean {
  const written = new Set<VaultPath>(note.links.filter((link) => !link.mention).map((link) => link.target));
  return (term) => written.has(term.vaultPath);
}
