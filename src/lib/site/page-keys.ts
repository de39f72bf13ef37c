/**
 * Cache keys for incremental builds (Astro's `experimental.incrementalBuild`): a note's pages are
 * copied from the previous build while their key is unchanged, so the key must change whenever
 * anything they show changes. A note page shows the note itself (all of its data; its rendered body
 * Astro tracks on its own), its backlinks with their sentences, and of every other note only what
 * links, lists, trees, graphs and previews show: the "site shape" below. Editing the prose of one note
 * changes its own key (and the keys of the notes whose backlink sentence changed), not the others'.
 */
import { createHash } from 'node:crypto';
import type { Course, Garden } from './garden.ts';
import type { NoteData } from '../note/note-data.ts';

/** What a page may show of a note other than its own: names, places, kinds, summaries and links. */
function shapeOf(note: NoteData): unknown[] {
  return [
    note.vaultPath,
    note.url,
    note.type,
    note.title,
    note.type === 'term' ? [note.term, note.definition, note.aliases, note.related] : note.description,
    note.type === 'course' ? note.order : null,
    note.tags,
    note.hidden,
    note.pinned,
    note.hiddenInGraph,
    note.redirects,
    note.links.map((link) => link.target),
    note.type === 'timeline' ? note.events.map((event) => event.links) : null,
  ];
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

export interface PageKeys {
  /** For each page of a note: its page and its study sheet. */
  note(note: NoteData): string;
  /** For pages made of what every note shows others (graph, tags): the site shape alone. */
  site(): string;
  /** For a course's study pages, which show all of its notes' data (events, definitions, questions). */
  course(course: Course): string;
}

/** The keys of a build, each computed once. */
export function createPageKeys(garden: Pick<Garden, 'notes' | 'backlinksOf'>, siteLang = 'en'): PageKeys {
  // Every page shows interface text in the site's language (GARDEN_LANG changes it without a code change).
  const site = digest(JSON.stringify([siteLang, garden.notes.map(shapeOf)]));
  const noteKeys = new Map<NoteData, string>();
  const courseKeys = new Map<Course, string>();
  return {
    note(note) {
      let key = noteKeys.get(note);
      if (!key) {
        const backlinks = garden.backlinksOf(note).map((backlink) => [backlink.from.vaultPath, backlink.context]);
        key = digest(JSON.stringify([site, note, backlinks]));
        noteKeys.set(note, key);
      }
      return key;
    },
    site: () => site,
    course(course) {
      let key = courseKeys.get(course);
      if (!key) {
        key = digest(JSON.stringify([site, course.note, course.notes]));
        courseKeys.set(course, key);
      }
      return key;
    },
  };
}
