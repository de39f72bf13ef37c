/** What a link preview shows of a note — its title, kind and one-paragraph summary — as data attributes. */
import type { NoteData } from './note.ts';

export function previewAttributes(note: NoteData): Record<string, string> {
  const summary = note.type === 'term' ? note.definition : (note.description ?? '');
  return {
    'data-preview-title': note.type === 'term' ? note.term : note.title,
    'data-preview-kind': note.type,
    ...(summary ? { 'data-preview-text': summary } : {}),
  };
}
