/**
 * The embeds of the garden's notes (the rule and its URLs: src/lib/site/embed-urls.ts), from the
 * garden model: the route table writes one page per embed, the note pages and `notes.json` name them.
 */
import { eraId } from '../note/note.ts';
import type { NoteData } from '../note/note-data.ts';
import type { SiteUrl } from '../util/types.ts';
import { embedUrl, mainEmbed, noteEmbeds, shareUrl, type Embed } from './embed-urls.ts';
import type { Course, Garden } from './garden.ts';

type EmbedGarden = Pick<Garden, 'courseHeadedBy'>;

/** How many flashcards a course's deck has: one per term, one per timeline event. */
export function deckSize(course: Course): number {
  return course.notes.reduce(
    (count, note) => count + (note.type === 'term' ? 1 : note.type === 'timeline' ? note.events.length : 0),
    0,
  );
}

/** The course whose page a course note is. */
export function ownCourse(garden: EmbedGarden, note: NoteData): Course | undefined {
  return garden.courseHeadedBy(note);
}

/** Every embed of a note, its main one first (src/lib/site/embed-urls.ts `noteEmbeds`). */
export function embedsOf(garden: EmbedGarden, note: NoteData): Embed[] {
  const course = ownCourse(garden, note);
  return noteEmbeds({ note, ...(course ? { cards: deckSize(course) } : {}) });
}

/**
 * The eras of a timeline note that its embed shows (those with events), each with its embed: the
 * timeline's, at the era (src/lib/site/embed-urls.ts).
 */
export function eraEmbeds(note: NoteData): { id: string; title: string; embed: string }[] {
  if (note.type !== 'timeline') return [];
  const timeline: SiteUrl = embedUrl(note.url, 'timeline');
  const withEvents = new Set(note.events.flatMap((event) => (event.era ? [event.era] : [])));
  const seen = new Set<string>();
  return note.eras.flatMap((era) => {
    const id = eraId(era.title);
    if (!withEvents.has(era.title) || seen.has(id)) return [];
    seen.add(id);
    return [{ id, title: era.title, embed: shareUrl(timeline, id) }];
  });
}

/** The embed a link to the note turns into (oEmbed), if it has one. */
export function mainEmbedOf(garden: EmbedGarden, note: NoteData): Embed | undefined {
  return mainEmbed(embedsOf(garden, note));
}
