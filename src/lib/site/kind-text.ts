/**
 * Each kind of note's names in the interface text (src/lib/site/i18n.ts), by the key that says them:
 * the one place that knows which message names which kind. Types only are imported, so the
 * client islands take this map without the dictionaries or the schema.
 */
import type { NoteType } from '../note/schema.ts';
import type { ClientMessages, TextKey } from './i18n.ts';

type ClientKey = keyof ClientMessages & TextKey;

export interface KindText {
  /** What a note's page calls its kind ("Glossary term"). */
  label: TextKey;
  /** The same, short, as a search result shows it ("Term"). */
  short: ClientKey;
  /** The kind filter's value in search, as the index stores it ("term"). */
  filter: ClientKey;
  /** A heading over notes of the kind ("Glossary"). */
  group: TextKey;
  /** What a link preview calls it ("Glossary", "brief"). */
  preview: ClientKey;
}

export const KIND_TEXT = {
  note: { label: 'kindNote', short: 'kindNote', filter: 'typeNote', group: 'groupNotes', preview: 'typeNote' },
  brief: { label: 'kindBrief', short: 'kindBrief', filter: 'typeBrief', group: 'groupBriefs', preview: 'typeBrief' },
  quiz: { label: 'kindQuiz', short: 'kindQuiz', filter: 'typeQuiz', group: 'groupQuizzes', preview: 'typeQuiz' },
  timeline: {
    label: 'kindTimeline',
    short: 'kindTimeline',
    filter: 'typeTimeline',
    group: 'groupTimelines',
    preview: 'typeTimeline',
  },
  term: { label: 'kindTerm', short: 'kindTermShort', filter: 'typeTerm', group: 'groupGlossary', preview: 'groupGlossary' },
  course: { label: 'kindCourse', short: 'kindCourse', filter: 'typeCourse', group: 'groupCourses', preview: 'typeCourse' },
} as const satisfies Record<NoteType, KindText>;
