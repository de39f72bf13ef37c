/**
 * What a note's page says about its length and its parts: the line under the title ("54 events",
 * "18 questions" or the reading time) and the "On this page" entries (the body's h2 and h3, then a
 * timeline's eras or decades, or a note's study sections and quiz questions). Every entry's id is one
 * the page carries (NotePage, TimelineEvents, the study components).
 */
import { eraId } from '../note/note.ts';
import { isStudyNote, type NoteData, type TimelineEvent, type TimelineNote } from '../note/note-data.ts';
import type { PluralKey, TextKey } from './i18n.ts';
import type { Values } from './i18n-format.ts';
import { PAGE_IDS } from './page-ids.ts';

// Adults read non-fiction silently at about 240 words a minute (Brysbaert 2019); study notes, a little slower.
const WORDS_PER_MINUTE = 220;

/** "On this page" is shown from this many entries on: fewer are seen at a glance. */
export const MIN_TOC_ENTRIES = 3;

/** The measure of a note, as a plural message and its count: events, questions, else minutes of reading. */
export function noteMeasure(note: NoteData): { key: PluralKey; count: number } {
  if (note.type === 'timeline') return { key: 'eventCount', count: note.events.length };
  if (note.type === 'quiz') return { key: 'questionCount', count: note.quiz.length };
  return { key: 'minutesRead', count: Math.max(1, Math.round(note.words / WORDS_PER_MINUTE)) };
}

export interface TocEntry {
  /** The id of the element the entry links to. */
  id: string;
  text: string;
  depth: 2 | 3;
}

/** The entries of a note's "On this page", in page order; `t` names the page's own sections. */
export function tocEntries(note: NoteData, t: Say): TocEntry[] {
  const body = note.headings.flatMap((heading): TocEntry[] =>
    heading.depth === 2 || heading.depth === 3 ? [{ id: heading.id, text: heading.text, depth: heading.depth }] : [],
  );
  if (note.type === 'timeline') return [...body, ...timelineEntries(note, t)];
  if (!isStudyNote(note)) return body;
  // The sections NotePage shows after the body, in its order, each only when it has something.
  const sections: TocEntry[] = [
    ...(note.takeaways.length > 0 ? [section(PAGE_IDS.keyTakeaways, t('keyTakeaways'))] : []),
    ...(note.quotes.length > 0 ? [section(PAGE_IDS.keyQuotes, t('keyQuotes'))] : []),
    ...(note.faq.length > 0 ? [section(PAGE_IDS.faq, t('faq'))] : []),
  ];
  // A quiz is its questions: each is a place to come back to. Elsewhere the quiz is one section.
  const quiz =
    note.quiz.length === 0
      ? []
      : [
          section(PAGE_IDS.quiz, t('quiz')),
          ...(note.type === 'quiz'
            ? note.quiz.map((question, index): TocEntry => ({ id: question.id, text: `${index + 1}. ${question.q}`, depth: 3 }))
            : []),
        ];
  return [...body, ...sections, ...quiz];
}

/** The page's text for one of its own names (the translator's `t`). */
type Say = (key: TextKey, values?: Values) => string;

const section = (id: string, text: string): TocEntry => ({ id, text, depth: 2 });

/** Eras that have events (and the events in none), as TimelineEvents groups them; else decades. */
function timelineEntries(note: TimelineNote, t: Say): TocEntry[] {
  if (note.eras.length > 0) {
    const inEra = (event: TimelineEvent) => note.eras.some((era) => era.title === event.era);
    return [
      ...note.eras
        .filter((era) => note.events.some((event) => event.era === era.title))
        .map((era) => section(eraId(era.title), era.title)),
      ...(note.events.some((event) => !inEra(event)) ? [section(PAGE_IDS.otherEvents, t('otherEvents'))] : []),
    ];
  }
  // No eras: one entry per decade, linking its first event (events are in date order).
  const decades = new Map<number, TimelineEvent>();
  for (const event of note.events) {
    const decade = Math.floor(event.date.start.year / 10) * 10;
    if (!decades.has(decade)) decades.set(decade, event);
  }
  if (decades.size < 2) return [];
  return [...decades].map(([decade, first]) => section(first.id, t('decade', { decade })));
}
