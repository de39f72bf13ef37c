/**
 * The garden model: the published notes and what is known across them (URLs, courses, reading order).
 * Built once per build from the content store and shared by every page; no page recomputes it.
 */
import { glossaryNames } from '../note/glossary.ts';
import type { CourseNote, NoteData, NoteType, TermNote } from '../note/note-data.ts';
import { createTermMatcher, type TermMatcher } from '../syntax/terms.ts';
import { createPageKeys, type PageKeys } from './page-keys.ts';
import { adjacency, graphEdges, graphNotes, type GraphEdge } from './graph.ts';
import type { SiteUrl, VaultPath } from '../util/types.ts';
import { compareCodePoints, folderOf } from '../vault/files.ts';
import { tagSlug } from '../syntax/tags.ts';
import { glossaryByLetter } from './course-tools.ts';
import { glossaryPages } from './page-bounds.ts';

/** The site's glossary split into pages: each page's letters with their terms, and the page each letter starts on. */
export type SiteGlossary = ReturnType<typeof glossaryPages<TermNote>>;

export interface Course {
  note: CourseNote;
  /** The course's folder in the vault (its notes are everything below it). */
  folder: string;
  /** The course's listed notes (not `dg-hide`, not the course note): those of `order` first, in that order, then by title. */
  notes: NoteData[];
}

export interface Backlink {
  from: NoteData;
  /** The sentence around the link in the linking note. */
  context: string;
}

export interface Redirect {
  /** The old URL, served by a redirect page. */
  from: SiteUrl;
  to: NoteData;
}

export interface Garden {
  notes: NoteData[];
  /** Old URLs (aliases starting with `/`) and the notes they now point to. */
  redirects: Redirect[];
  /** The notes that link to a note, each once, with the sentence of its first link. */
  backlinksOf(note: NoteData): Backlink[];
  courses: Course[];
  byVaultPath: ReadonlyMap<VaultPath, NoteData>;
  byUrl: ReadonlyMap<SiteUrl, NoteData>;
  courseOf(note: NoteData): Course | undefined;
  /** The course whose page a course note is (courseOf gives the course it sits in). */
  courseHeadedBy(note: NoteData): Course | undefined;
  /** The site's glossary (every listed term, A–Z) in pages (src/lib/site/page-bounds.ts), split once. */
  readonly siteGlossary: SiteGlossary;
  /** The note with `dg-home: true`, if the vault has one. */
  home?: NoteData;
  /** The glossary's names, compiled once: timeline events link the terms they name. */
  termMatcher: TermMatcher<TermNote>;
  /** Every tag of a listed note, A–Z, with its notes by title. */
  tags: ReadonlyMap<string, NoteData[]>;
  /** The notes before and after a note in its course's reading order. */
  neighboursOf(note: NoteData): { previous?: NoteData; next?: NoteData };
  /** A course's notes as its folders hold them, for the navigation tree. */
  treeOf(course: Course): TreeFolder;
  /** Incremental-build cache keys of pages (src/lib/site/page-keys.ts). */
  readonly pageKeys: PageKeys;
  /** The notes the graphs show, the links between them and each note's neighbours, computed once. */
  graph: {
    notes: NoteData[];
    byPath: ReadonlyMap<VaultPath, NoteData>;
    edges: GraphEdge[];
    adjacent: ReadonlyMap<VaultPath, VaultPath[]>;
  };
}

export interface TreeFolder {
  name: string;
  /** `dg-pinned` notes first, then in the course's order. */
  notes: NoteData[];
  folders: TreeFolder[];
}

export const KIND_ORDER: readonly NoteType[] = ['brief', 'note', 'timeline', 'quiz', 'term', 'course'];

// One collator for every comparison: localeCompare with options builds a new one per call.
const titleOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareTitles(a: NoteData, b: NoteData): number {
  return titleOrder.compare(a.title, b.title) || compareCodePoints(a.vaultPath, b.vaultPath);
}

export function buildGarden(input: readonly NoteData[], options: { lang?: string } = {}): Garden {
  const notes = [...input].sort((a, b) => compareCodePoints(a.vaultPath, b.vaultPath));
  const byVaultPath = new Map(notes.map((note) => [note.vaultPath, note]));
  const byUrl = new Map(notes.map((note) => [note.url, note]));

  const courseByFolder = new Map<string, Course>();
  for (const note of notes) {
    if (note.type === 'course')
      courseByFolder.set(folderOf(note.vaultPath), { note, folder: folderOf(note.vaultPath), notes: [] });
  }
  const courseByNote = new Map<VaultPath, Course>();
  for (const note of notes) {
    // The nearest enclosing course folder; a course note belongs to the course above its own.
    let folder = folderOf(note.vaultPath);
    if (note.type === 'course') folder = folder === '' ? '' : folderOf(folder);
    for (;;) {
      const course = courseByFolder.get(folder);
      if (course && course.note !== note) {
        courseByNote.set(note.vaultPath, course);
        if (!note.hidden) course.notes.push(note);
        break;
      }
      if (folder === '') break;
      folder = folderOf(folder);
    }
  }
  for (const course of courseByFolder.values()) {
    const position = new Map(course.note.order.map((path, index) => [path, index]));
    course.notes.sort(
      (a, b) => (position.get(a.vaultPath) ?? Infinity) - (position.get(b.vaultPath) ?? Infinity) || compareTitles(a, b),
    );
  }
  const positionInCourse = new Map<NoteData, number>();
  for (const course of courseByFolder.values()) course.notes.forEach((note, index) => positionInCourse.set(note, index));
  const backlinks = new Map<VaultPath, Backlink[]>();
  for (const note of notes) {
    const seen = new Set<VaultPath>();
    for (const link of note.links) {
      if (link.target === note.vaultPath || seen.has(link.target) || !byVaultPath.has(link.target)) continue;
      seen.add(link.target);
      const list = backlinks.get(link.target);
      if (list) list.push({ from: note, context: link.context });
      else backlinks.set(link.target, [{ from: note, context: link.context }]);
    }
  }
  for (const list of backlinks.values()) list.sort((a, b) => compareTitles(a.from, b.from));
  const redirects = notes
    .flatMap((note) => note.redirects.map((from) => ({ from, to: note })))
    .sort((a, b) => compareCodePoints(a.from, b.from));
  const home = notes.find((note) => note.url === '/');
  // Each course's tree is built once, on first use, and shared by every page of the course.
  const trees = new Map<Course, TreeFolder>();
  let pageKeys: PageKeys | undefined;
  let termMatcher: TermMatcher<TermNote> | undefined;
  let graph: Garden['graph'] | undefined;
  let siteGlossary: SiteGlossary | undefined;
  const garden: Garden = {
    notes,
    redirects,
    backlinksOf: (note) => backlinks.get(note.vaultPath) ?? [],
    courses: [...courseByFolder.values()].sort((a, b) => compareTitles(a.note, b.note)),
    byVaultPath,
    byUrl,
    courseOf: (note) => courseByNote.get(note.vaultPath),
    courseHeadedBy: (note) => (note.type === 'course' ? courseByFolder.get(folderOf(note.vaultPath)) : undefined),
    get siteGlossary() {
      return (siteGlossary ??= glossaryPages(
        glossaryByLetter(notes.filter((note): note is TermNote => note.type === 'term' && !note.hidden)),
      ));
    },
    // Built when first asked for: the URL lock check needs the model's routes, not its graph or terms.
    get termMatcher() {
      return (termMatcher ??= createTermMatcher(glossaryNames(notes)));
    },
    tags: tagIndex(notes),
    neighboursOf(note) {
      const list = courseByNote.get(note.vaultPath)?.notes ?? [];
      const index = positionInCourse.get(note) ?? -1;
      if (index === -1) return {};
      return {
        ...(index > 0 ? { previous: list[index - 1] } : {}),
        ...(index < list.length - 1 ? { next: list[index + 1] } : {}),
      };
    },
    treeOf: (course) => {
      let tree = trees.get(course);
      if (!tree) trees.set(course, (tree = courseTree(course)));
      return tree;
    },
    get pageKeys() {
      return (pageKeys ??= createPageKeys(garden, options.lang));
    },
    get graph() {
      return (graph ??= siteGraph(notes));
    },
    ...(home ? { home } : {}),
  };
  return garden;
}

/** A course's notes grouped by kind (briefs, timelines, terms, sub-courses), each group in reading order. */
export function groupByKind(notes: readonly NoteData[]): { type: NoteType; notes: NoteData[] }[] {
  return KIND_ORDER.map((type) => ({ type, notes: notes.filter((note) => note.type === type) })).filter(
    (group) => group.notes.length > 0,
  );
}

/** Tags by name; two names with one page (`cold war`, `cold-war`) are listed under the first of them. */
function tagIndex(notes: readonly NoteData[]): Map<string, NoteData[]> {
  const names = [...new Set(notes.filter((note) => !note.hidden).flatMap((note) => note.tags))].sort(compareCodePoints);
  const nameOfSlug = new Map<string, string>();
  for (const name of names) if (!nameOfSlug.has(tagSlug(name))) nameOfSlug.set(tagSlug(name), name);
  const tags = new Map<string, Set<NoteData>>();
  for (const note of notes) {
    if (note.hidden) continue;
    for (const tag of note.tags) {
      const name = nameOfSlug.get(tagSlug(tag)) as string;
      tags.set(name, (tags.get(name) ?? new Set()).add(note));
    }
  }
  return new Map(
    [...tags].sort(([a], [b]) => compareCodePoints(a, b)).map(([name, list]) => [name, [...list].sort(compareTitles)]),
  );
}

/** The course's folders below its own, each with its notes (pinned first, then in reading order). */
function courseTree(course: Course): TreeFolder {
  const root: TreeFolder = { name: course.note.title, notes: [], folders: [] };
  for (const note of course.notes) {
    const relative = folderOf(note.vaultPath).slice(course.folder.length).replace(/^\//, '');
    let folder = root;
    for (const name of relative ? relative.split('/') : []) {
      let child = folder.folders.find((candidate) => candidate.name === name);
      if (!child) {
        child = { name, notes: [], folders: [] };
        folder.folders.push(child);
      }
      folder = child;
    }
    folder.notes.push(note);
  }
  const pinnedFirst = (folder: TreeFolder) => {
    folder.notes.sort((a, b) => Number(b.pinned) - Number(a.pinned));
    folder.folders.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    folder.folders.forEach(pinnedFirst);
  };
  pinnedFirst(root);
  return root;
}

function siteGraph(notes: readonly NoteData[]) {
  const shown = graphNotes(notes);
  const edges = graphEdges(shown);
  return { notes: shown, byPath: new Map(shown.map((note) => [note.vaultPath, note])), edges, adjacent: adjacency(edges) };
}
