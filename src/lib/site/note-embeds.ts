/**
 * The embeds of the garden's notes (the rule and its URLs: src/lib/site/embed-urls.ts), from the
 * garden model: the route table writes one page per embed, the note pages and `notes.json` name them.
 */
import { eraId } from '../note/note.ts';
import type { NoteData } from '../note/note-data.ts';
import { mainEmbed, noteEmbeds, type Embed } from './embed-urls.ts';
import type { Course, Garden } from './garden.ts';
import { urlSegmentProblem } from './reserved-urls.ts';

type EmbedGarden = Pick<Garden, 'courses'>;

/** How many flashcards a course's deck has: one per term, one per timeline event. */
export function deckSize(course: Course): number {
  return course.notes.reduce(
    (count, note) => count + (note.type === 'term' ? 1 : note.type === 'timeline' ? note.events.length : 0),
    0,
  );
}

/** The course whose page a course note is. */
export function ownCourse(garden: EmbedGarden, note: NoteData): Course | undefined {
  return note.type === 'course' ? garden.courses.find((course) => course.note === note) : undefined;
}

/** Every embed of a note, its main one first (src/lib/site/embed-urls.ts `noteEmbeds`). */
export function embedsOf(garden: EmbedGarden, note: NoteData): Embed[] {
  const course = ownCourse(garden, note);
  return noteEmbeds(
    {
      note,
      ...(course ? { cards: deckSize(course) } : {}),
      // A heading id is a folder name of its section's embed: one too long for that has no embed.
      usableKey: (key) => urlSegmentProblem(key) === undefined,
    },
    eraId,
  );
}

/** The embed a link to the note turns into (oEmbed), if it has one. */
export function mainEmbedOf(garden: EmbedGarden, note: NoteData): Embed | undefined {
  return mainEmbed(embedsOf(garden, note));
}
