/**
 * What keeps a page's size bounded however large the vault: a note lists its first backlinks and
 * links to the full list on a page of its own; a tag's notes and the site's glossary are split into
 * numbered pages; the home page lists the latest of the notes outside every course.
 */
import type { NoteData } from '../note/note-data.ts';
import { tagSlug, tagUrl } from '../syntax/tags.ts';
import { siteUrl, type SiteUrl } from '../util/types.ts';
import { SITE_GLOSSARY_URL } from './course-tools.ts';
import type { Backlink } from './garden.ts';

/** Backlinks a note page shows; beyond them, "and N more" links to the note's backlinks page. */
export const BACKLINKS_SHOWN = 30;

/** Notes outside every course the home page lists; beyond them, the latest by date. */
export const HOME_NOTES_SHOWN = 50;

/**
 * The notes outside every course that the home page lists: all of them by title when they are few,
 * else the most recently updated (or written) first, then by title, and how many are left out.
 */
export function homeNotes(
  notes: readonly NoteData[],
  byTitle: (a: NoteData, b: NoteData) => number,
  limit = HOME_NOTES_SHOWN,
): { shown: NoteData[]; more: number } {
  if (notes.length <= limit) return { shown: [...notes].sort(byTitle), more: 0 };
  const date = (note: NoteData) => note.updated ?? note.created ?? '';
  const latest = [...notes].sort((a, b) => date(b).localeCompare(date(a)) || byTitle(a, b));
  return { shown: latest.slice(0, limit), more: notes.length - limit };
}

/** Notes on one page of a tag. */
export const TAG_PAGE_SIZE = 50;

/** The page listing every note that links to `note`: `/backlinks/` then the note's own URL path. */
export function backlinksUrl(note: NoteData): SiteUrl {
  return siteUrl(`/backlinks${note.url}`);
}

/**
 * The backlinks a note page shows and how many more there are: the linking notes most linked to
 * themselves first, then in the given order (by title).
 */
export function summariseBacklinks(
  backlinks: readonly Backlink[],
  linksTo: (note: NoteData) => number,
  limit = BACKLINKS_SHOWN,
): { shown: Backlink[]; more: number } {
  if (backlinks.length <= limit) return { shown: [...backlinks], more: 0 };
  const order = new Map(backlinks.map((backlink, index) => [backlink, index]));
  const ranked = [...backlinks].sort((a, b) => linksTo(b.from) - linksTo(a.from) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { shown: ranked.slice(0, limit), more: backlinks.length - limit };
}

/** How many pages a tag with `count` notes has. */
export function tagPageCount(count: number): number {
  return Math.max(1, Math.ceil(count / TAG_PAGE_SIZE));
}

/** A tag's page `page` (from 1): `/tags/cold-war/`, then `/tags/cold-war/2/`. */
export function tagPagePath(tag: string, page: number): string {
  return page === 1 ? tagSlug(tag) : `${tagSlug(tag)}/${page}`;
}

/** The URL of a tag's page `page` (from 1): the tag's own URL (src/lib/syntax/tags.ts), then its number. */
export function tagPageUrl(tag: string, page: number): SiteUrl {
  return page === 1 ? tagUrl(tag) : siteUrl(`${tagUrl(tag)}${page}/`);
}

/** The notes on a tag's page `page` (from 1). */
export function tagPageNotes<T>(notes: readonly T[], page: number): T[] {
  return notes.slice((page - 1) * TAG_PAGE_SIZE, page * TAG_PAGE_SIZE);
}

/** Terms on one page of the site's glossary (a course's own glossary is one page: a course is read whole). */
export const GLOSSARY_PAGE_SIZE = 100;

/** The URL of the site's glossary page `page` (from 1): `/glossary/`, then `/glossary/2/`. */
export function glossaryPageUrl(page: number): SiteUrl {
  return page === 1 ? SITE_GLOSSARY_URL : siteUrl(`${SITE_GLOSSARY_URL}${page}/`);
}

/**
 * The site's glossary cut into pages of whole letters where it can: the terms in A–Z order (as
 * `sorted` gives them), GLOSSARY_PAGE_SIZE to a page, and for each letter the page it starts on.
 */
export function glossaryPages<T>(
  groups: readonly { letter: string; terms: readonly T[] }[],
  size = GLOSSARY_PAGE_SIZE,
): { pages: { letter: string; terms: T[] }[][]; letterPage: Map<string, number>; count: number } {
  const pages: { letter: string; terms: T[] }[][] = [[]];
  const letterPage = new Map<string, number>();
  let count = 0;
  for (const group of groups) {
    for (const term of group.terms) {
      if (count === size) {
        pages.push([]);
        count = 0;
      }
      const page = pages[pages.length - 1] as { letter: string; terms: T[] }[];
      if (!letterPage.has(group.letter)) letterPage.set(group.letter, pages.length);
      const last = page[page.length - 1];
      if (last?.letter === group.letter) last.terms.push(term);
      else page.push({ letter: group.letter, terms: [term] });
      count += 1;
    }
  }
  return { pages, letterPage, count: groups.reduce((sum, group) => sum + group.terms.length, 0) };
}
