/**
 * Each kind of note's names in the interface text (src/lib/site/i18n.ts), by the key that says them:
 * the one place that knows which message names which kind. Types only are imported, so the
 * client islands take this map without the dictionaries or the schema.
 */
import type { NoteType } from '../note/schema.ts';
import type { ClientMessages, TextKey } from './i18n.ts';

type ClientKey = keyof ClientMessages & TextKey;

export interface KindText {
  /** What a note's page, a search result and the kind filter of search call its kind ("Glossary term"). */
  label: ClientKey;
  /** A heading over notes of the kind ("Glossary"). */
  group: TextKey;
  /** What a link preview calls it ("Glossary", "brief"). */
  preview: ClientKey;
}

export const KIND_TEXT = {
  note: { label: 'kindNote', group: 'groupNotes', preview: 'typeNote' },
  brief: { label: 'kindBrief', group: 'groupBriefs', preview: 'typeBrief' },
  quiz: { label: 'kindQuiz', group: 'groupQuizzes', preview: 'typeQuiz' },
  timeline: { label: 'kindTimeline', group: 'groupTimelines', preview: 'typeTimeline' },
  term: { label: 'kindTerm', group: 'groupGlossary', preview: 'groupGlossary' },
  course: { label: 'kindCourse', group: 'groupCourses', preview: 'typeCourse' },
} as const satisfies Record<NoteType, KindText>;
