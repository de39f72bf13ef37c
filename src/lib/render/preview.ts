/** What a link preview shows of a note — its title, kind and one-paragraph summary — as data attributes. */
import { displayTitle, summaryOf, type NoteData } from '../note/note-data.ts';

export function previewAttributes(note: NoteData): Record<string, string> {
  const summary = summaryOf(note);
  return {
    'data-preview-title': displayTitle(note),
    'data-preview-kind': note.type,
    ...(summary ? { 'data-preview-text': summary } : {}),
  };
}

/** The same, as hast properties: what Markdown plugins attach, in the form the HTML sanitizer checks. */
export function previewProperties(note: NoteData): Record<string, string> {
  const { 'data-preview-title': title, 'data-preview-kind': kind, 'data-preview-text': text } = previewAttributes(note);
  return { dataPreviewTitle: title as string, dataPreviewKind: kind as string, ...(text ? { dataPreviewText: text } : {}) };
}
