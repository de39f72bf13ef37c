/**
 * What the study pages of a course are made of, from the garden model: its terms, its timelines
 * merged, its briefs. Shared by the glossary, timeline, flashcards and study-sheet routes.
 */
import type { Course, Garden } from '../lib/garden.ts';
import { mergeTimelines } from '../lib/course-tools.ts';
import { hasStudyMaterial, type StudyNote, type NoteData, type TermNote, type TimelineNote } from '../lib/note.ts';
import { routeParamForUrl } from '../lib/url.ts';

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

/** Route parameters for a page below each course note's URL. */
export function coursePaths(garden: Garden) {
  return garden.courses.flatMap((course) => {
    const param = routeParamForUrl(course.note.url);
    return param === undefined
      ? []
      : [{ params: { course: param }, props: { course: course.note.vaultPath }, cacheKey: garden.pageKeys.course(course) }];
  });
}

export function courseEvents(material: CourseMaterial) {
  return mergeTimelines(material.timelines);
}

/** The course a course page was generated for (from `coursePaths`' props). */
export function courseOfPage(garden: Garden, props: Record<string, unknown>): Course {
  const course = garden.courses.find((candidate) => candidate.note.vaultPath === props.course);
  if (!course) throw new Error(`No course ${String(props.course)}`);
  return course;
}
