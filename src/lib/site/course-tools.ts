/**
 * The study pages the site makes for each course (glossary, merged timeline, flashcards, study sheet)
 * and for each note with study material (study sheet), at URLs below the course's or brief's own. Their URLs are locked
 * like any other, and a note may not take one of them.
 */
import {
  hasStudyMaterial,
  summaryOf,
  type CourseNote,
  type NoteData,
  type TermNote,
  type TimelineEvent,
  type TimelineNote,
} from '../note/note-data.ts';
import { sortChronologically } from '../note/timeline.ts';
import { formatHistoricalDate } from '../note/dates.ts';
import { siteUrl, uncheckedSiteUrl, type SiteUrl } from '../util/types.ts';
import { headingKey } from '../syntax/headings.ts';
import type { TextKey } from './i18n.ts';

export const COURSE_TOOLS = ['glossary', 'timeline', 'flashcards', 'study-sheet'] as const;
export type CourseTool = (typeof COURSE_TOOLS)[number];

/** The whole site's glossary. */
export const SITE_GLOSSARY_URL = siteUrl('/glossary/');

// A site URL and one fixed segment: a site URL.
export function courseToolUrl(course: CourseNote, tool: CourseTool): SiteUrl {
  return uncheckedSiteUrl(`${course.url}${tool}/`);
}

export function studySheetUrl(note: NoteData): SiteUrl {
  return uncheckedSiteUrl(`${note.url}study-sheet/`);
}

/** Every URL the study pages take, for the given notes. */
export function toolUrls(notes: readonly NoteData[]): { url: SiteUrl; owner: NoteData }[] {
  return notes.flatMap((note): { url: SiteUrl; owner: NoteData }[] => {
    if (note.type === 'course') return COURSE_TOOLS.map((tool) => ({ url: courseToolUrl(note, tool), owner: note }));
    if (hasStudyMaterial(note)) return [{ url: studySheetUrl(note), owner: note }];
    return [];
  });
}

export interface ToolLink {
  url: SiteUrl;
  /** The link's text, by its message… */
  label: TextKey;
  /** …or, for one of several quizzes, the quiz's title. */
  title?: string;
}

const TOOL_LABELS: Record<CourseTool, TextKey> = {
  glossary: 'glossaryAZ',
  timeline: 'courseTimeline',
  flashcards: 'flashcards',
  'study-sheet': 'studySheet',
};

/**
 * Where a student studies a course: its glossary, timeline, quiz notes (listed ones), flashcards and
 * study sheet, in that order. The course page and every note's sidebar link them.
 */
export function courseToolLinks(course: CourseNote, members: readonly NoteData[]): ToolLink[] {
  const tool = (name: CourseTool): ToolLink => ({ url: courseToolUrl(course, name), label: TOOL_LABELS[name] });
  const quizzes = members.filter((note) => note.type === 'quiz' && !note.hidden);
  return [
    tool('glossary'),
    tool('timeline'),
    ...quizzes.map((quiz): ToolLink => ({ url: quiz.url, label: 'quiz', ...(quizzes.length > 1 ? { title: quiz.title } : {}) })),
    tool('flashcards'),
    tool('study-sheet'),
  ];
}

export interface CourseEvent {
  event: TimelineEvent;
  /** The timeline note the event comes from. */
  note: TimelineNote;
}

/**
 * The events of several timelines as one chronological list. Events of the same date keep the order
 * of their timelines (as the course lists them) and, within one, the author's order.
 */
export function mergeTimelines(timelines: readonly TimelineNote[]): CourseEvent[] {
  const all = timelines.flatMap((note) => note.events.map((event) => ({ event, note })));
  return sortChronologically(all, (entry) => entry.event.date);
}

/** Terms A–Z, grouped by their first letter (ignoring case and accents); digits and others under "#". */
export function glossaryByLetter(terms: readonly TermNote[]): { letter: string; terms: TermNote[] }[] {
  const letterOf = (term: TermNote) => {
    const first = term.term
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .charAt(0)
      .toUpperCase();
    return /[A-Z]/.test(first) ? first : '#';
  };
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base', numeric: true }));
  const groups = new Map<string, TermNote[]>();
  for (const term of sorted) groups.set(letterOf(term), [...(groups.get(letterOf(term)) ?? []), term]);
  return [...groups]
    .map(([letter, list]) => ({ letter, terms: list }))
    .sort((a, b) => (a.letter === '#' ? 1 : b.letter === '#' ? -1 : a.letter.localeCompare(b.letter)));
}

export interface Flashcard {
  id: string;
  kind: 'term' | 'event';
  front: string;
  back: string;
  /** Where the card's subject is explained. */
  href: string;
}

/**
 * Cards for a course: each term against its definition, each dated event against its date. A card's
 * id is what it is about (the term, the event's id), never where its note lies in the vault: progress
 * kept under it survives a note moving or being renamed, and the page shows nothing of the vault's
 * files.
 */
export function courseFlashcards(
  terms: readonly TermNote[],
  events: readonly CourseEvent[],
  hrefOf: (url: SiteUrl) => string,
  lang = 'en',
): Flashcard[] {
  const taken = new Map<string, number>();
  const unique = (base: string) => {
    const count = taken.get(base) ?? 0;
    taken.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  };
  return [
    ...terms.map((term) => ({
      id: unique(`term-${headingKey(term.term)}`),
      kind: 'term' as const,
      front: term.term,
      back: summaryOf(term) ?? term.definition,
      href: hrefOf(term.url),
    })),
    ...events.map(({ event, note }) => ({
      id: unique(`event-${event.id}`),
      kind: 'event' as const,
      front: event.title,
      back: formatHistoricalDate(event.date, lang),
      href: `${hrefOf(note.url)}#${event.id}`,
    })),
  ];
}
