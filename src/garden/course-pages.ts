/**
 * What the study pages of a course are made of, from the garden model: its terms, its timelines
 * merged, its briefs. Shared by the glossary, timeline, flashcards and study-sheet routes.
 */
import type { Course } from '../lib/site/garden.ts';
import type { Route } from '../lib/site/routes.ts';
import { mergeTimelines } from '../lib/site/course-tools.ts';
import { hasStudyMaterial, type StudyNote, type NoteData, type TermNote, type TimelineNote } from '../lib/note/note-data.ts';

export interface CourseMaterial {
  course: Course;
  terms: TermNote[];
  timelines: TimelineNote[];
  /** Its notes with study material: briefs, quizzes and plain notes that carry takeaways, FAQ, quotes or questions. */
  briefs: StudyNote[];
}

const isTerm = (note: NoteData): note is TermNote => note.type === 'term';
const isTimeline = (note: NoteData): note is TimelineNote => note.type === 'timeline';

export function courseMaterial(course: Course): CourseMaterial {
  return {
    course,
    terms: course.notes.filter(isTerm),
    timelines: course.notes.filter(isTimeline),
    briefs: course.notes.filter(hasStudyMaterial),
  };
}

export function courseEvents(material: CourseMaterial) {
  return mergeTimelines(material.timelines);
}

/** The course a course tool page was generated for (its route, src/lib/site/routes.ts). */
export function courseOfPage(props: Record<string, unknown>): Course {
  const { route } = props as { route: Route };
  if (route.kind !== 'course-tool') throw new Error(`${route.url} is not a course page`);
  return route.course;
}
