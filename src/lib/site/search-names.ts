/**
 * The names search may suggest when a query finds nothing (`/search-names.json`, read by "Did you mean
 * …?" in src/lib/site/did-you-mean.ts): the titles, terms and aliases of the notes in the search index,
 * by the language of their page (each language has its own index). Names only, never text, so the file
 * stays a few kilobytes.
 */
import { displayTitle, type NoteData } from '../note/note-data.ts';
import { compareCodePoints } from '../vault/files.ts';

export type SearchNames = Record<string, string[]>;

/** The names of the indexed notes (not hidden, not the home page), sorted and without repeats. */
export function searchNames(notes: readonly NoteData[], siteLang: string): SearchNames {
  const byLang = new Map<string, Set<string>>();
  for (const note of notes) {
    if (note.hidden || note.url === '/') continue;
    const lang = note.lang ?? siteLang;
    const names = byLang.get(lang) ?? new Set<string>();
    byLang.set(lang, names);
    names.add(displayTitle(note));
    if (note.type === 'term') names.add(note.title);
    // Old URLs (aliases that start with `/`) are not among them: they are the note's redirects.
    for (const alias of note.aliases) names.add(alias);
  }
  return Object.fromEntries(
    [...byLang.keys()].sort(compareCodePoints).map((lang) => [lang, [...(byLang.get(lang) ?? [])].sort(compareCodePoints)]),
  );
}
