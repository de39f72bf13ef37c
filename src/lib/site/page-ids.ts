/**
 * Every id the site's own markup writes into a page (src/components, src/layouts, src/pages) or its
 * scripts look up (src/scripts): one home, imported by all of them. A note's heading may take none of
 * them: src/lib/syntax/headings.ts reserves every one of PAGE_IDS and COURSE_GROUP_IDS before any heading is slugged, so a heading
 * "Connections" becomes `connections-1` and never a second `id="connections"`.
 * tests/unit/page-ids.test.ts fails when a component or script writes an id literally.
 *
 * No imports but types, and no code beyond constants: the island scripts import the ids they need
 * one by one, and a bundle keeps just those strings.
 */
import type { NoteType } from '../note/schema.ts';

/** The status a screen reader hears after "copy link" (src/scripts/copy-link.ts). */
export const COPY_STATUS_ID = 'copy-status';
/** The card of a link preview (src/scripts/link-previews.ts). */
export const LINK_PREVIEW_ID = 'link-preview';

/**
 * The course tree's folders, numbered below this, `course-folder-2-1` (src/lib/site/course-nav.ts): not
 * one id but a family, which the heading slugger keeps headings out of (src/lib/syntax/headings.ts).
 */
export const COURSE_FOLDER_ID = 'course-folder';

export const PAGE_IDS = {
  /** The main landmark, the skip link's target (BaseLayout). */
  main: 'main',
  /** The site menu: a popover on phones, the sidebar on wide screens (SiteMenu). */
  siteMenu: 'site-menu',
  copyStatus: COPY_STATUS_ID,
  linkPreview: LINK_PREVIEW_ID,
  definition: 'definition',
  events: 'events',
  keyTakeaways: 'key-takeaways',
  faq: 'frequently-asked-questions',
  relatedTerms: 'related-terms',
  keyQuotes: 'key-quotes',
  quiz: 'quiz',
  backlinks: 'backlinks',
  onThisPage: 'on-this-page',
  connections: 'connections',
  /** The works a note cites (References). */
  references: 'references',
  /** What the keys do in the whole-site graph's zoomable viewport (GraphView). */
  graphZoomHint: 'graph-zoom-hint',
  /** The home page's course list and the notes outside every course (CourseList). */
  courses: 'courses',
  otherNotes: 'other-notes',
  /** A timeline's events that are in no era (TimelineEvents). */
  otherEvents: 'other-events',
  /** The study sheet's sections (StudySheet). */
  sheetTerms: 'sheet-terms',
  sheetTimeline: 'sheet-timeline',
  sheetTakeaways: 'sheet-takeaways',
  sheetFaq: 'sheet-faq',
  sheetQuiz: 'sheet-quiz',
  sheetAnswers: 'sheet-answers',
  /** A course page's cartridge and links for learning platforms (LmsLinks). */
  useInLms: 'use-in-your-lms',
  /** How to use the flashcards (the flashcards page). */
  flashcardHelp: 'flashcard-help',
  /** The share dialog's title (ShareDialog). */
  shareTitle: 'share-title',
  /** The share dialog's fields: the link, the iframe and the HTML link (ShareDialog). */
  shareLink: 'share-link',
  shareEmbed: 'share-embed',
  shareHtml: 'share-html',
} as const;

/** A course page's group of notes of one kind (NotePage). */
export const COURSE_GROUP_IDS = {
  note: 'course-note',
  brief: 'course-brief',
  quiz: 'course-quiz',
  timeline: 'course-timeline',
  term: 'course-term',
  course: 'course-course',
} as const satisfies Record<NoteType, string>;

/**
 * A letter of a glossary page (GlossaryList): `letter-a`, `letter-other` for terms that start with no
 * letter. Not reserved: a glossary page shows no note's headings, and letters cannot be listed.
 */
export function glossaryLetterId(letter: string): string {
  return `letter-${letter === '#' ? 'other' : letter.toLowerCase()}`;
}
