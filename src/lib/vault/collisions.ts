/**
 * Site-wide URL rules: one URL per note, old URLs and study pages that serve one thing each, URLs the
 * site can write, one course per folder.
 */
import type { NoteData } from '../note/note-data.ts';
import type { UrlLines } from '../note/note.ts';
import { cartridgeCollision } from '../site/course-cartridge.ts';
import { toolUrls } from '../site/course-tools.ts';
import { reservedUrlProblem, shortText, shortUrl } from '../site/reserved-urls.ts';
import { urlKey } from '../site/url.ts';
import { tagProblem } from '../syntax/tags.ts';
import type { Problem, VaultPath } from '../util/types.ts';
import { folderOf } from './files.ts';

/** Where a note's URLs are written, for problems with them. */
export type LinesOf = (path: VaultPath) => UrlLines | undefined;

const noLines: LinesOf = () => undefined;

/** A problem at a note's file, at `line` when known. */
function at(file: string, line: number | undefined): { file: string; line?: number } {
  return { file, ...(line ? { line } : {}) };
}

/**
 * An old URL (an alias starting with `/`) may not be a page's URL, a study page's or another note's
 * old URL: it would serve two things.
 */
export function redirectCollisions(
  notes: readonly NoteData[],
  displayPath: (path: VaultPath) => string = (path) => path,
  linesOf: LinesOf = noLines,
): Problem[] {
  const owner = new Map<string, { note: NoteData; kind: 'page' | 'tool' | 'redirect' }>();
  for (const tool of toolUrls(notes)) owner.set(urlKey(tool.url), { note: tool.owner, kind: 'tool' });
  for (const note of notes) owner.set(urlKey(note.url), { note, kind: 'page' });
  const problems: Problem[] = [];
  for (const note of notes) {
    note.redirects.forEach((old, index) => {
      // An old URL the site keeps for itself is reported once, as that (reservedUrlCollisions).
      if (reservedUrlProblem(old, 'redirect')) return;
      const existing = owner.get(urlKey(old));
      if (existing) {
        const what =
          existing.kind === 'page'
            ? `the URL of ${displayPath(existing.note.vaultPath)}`
            : existing.kind === 'tool'
              ? `a study page of ${displayPath(existing.note.vaultPath)}`
              : `an old URL of ${displayPath(existing.note.vaultPath)} too`;
        problems.push({
          ...at(displayPath(note.vaultPath), linesOf(note.vaultPath)?.redirects[index]),
          message: `its alias ${old} would redirect from ${what}; remove one of them`,
        });
      } else owner.set(urlKey(old), { note, kind: 'redirect' });
    });
  }
  return problems;
}

/**
 * Every URL a note makes — its page, its study pages, its old URLs, its tags' pages — must be one the
 * site can write: not a page, file or folder of the site's own, and within what a file system allows
 * (src/lib/site/reserved-urls.ts).
 */
export function reservedUrlCollisions(
  notes: readonly NoteData[],
  displayPath: (path: VaultPath) => string = (path) => path,
  linesOf: LinesOf = noLines,
): Problem[] {
  const problems: Problem[] = [];
  const tools = toolUrls(notes);
  for (const note of notes) {
    const file = displayPath(note.vaultPath);
    const lines = linesOf(note.vaultPath);
    const fix =
      note.urlSource === 'path'
        ? 'rename the note or give it a permalink'
        : `give the note another ${note.urlSource === 'dg-path' ? 'dg-path' : 'permalink'}`;
    const own = reservedUrlProblem(note.url, 'page');
    if (own) problems.push({ ...at(file, lines?.url), message: `its URL ${shortUrl(note.url)} cannot be used: ${own}; ${fix}` });
    else {
      for (const tool of tools) {
        if (tool.owner !== note) continue;
        const problem = reservedUrlProblem(tool.url, 'page');
        if (problem)
          problems.push({
            ...at(file, lines?.url),
            message: `its study page ${shortUrl(tool.url)} cannot be used: ${problem}; ${fix}`,
          });
      }
    }
    note.redirects.forEach((old, index) => {
      const problem = reservedUrlProblem(old, 'redirect');
      if (problem)
        problems.push({
          ...at(file, lines?.redirects[index]),
          message: `its alias ${shortUrl(old)} cannot be served: ${problem}; remove it`,
        });
    });
    // Frontmatter tags were checked as they were read; inline `#tags` are checked here.
    for (const tag of note.tags) {
      const problem = tagProblem(tag);
      if (problem)
        problems.push({
          ...at(file, lines?.tags.get(tag)),
          message: `the tag #${shortText(tag)} cannot have a page: ${problem}`,
        });
    }
  }
  return problems;
}

/** Two notes may not share a URL, even one differing only in letter case or Unicode form (DESIGN §3). */
export function urlCollisions(
  notes: readonly NoteData[],
  displayPath: (path: VaultPath) => string = (path) => path,
  linesOf: LinesOf = noLines,
): Problem[] {
  const byKey = new Map<string, NoteData[]>();
  for (const note of notes) {
    const list = byKey.get(urlKey(note.url)) ?? [];
    list.push(note);
    byKey.set(urlKey(note.url), list);
  }
  const problems: Problem[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const [first, ...others] = list as [NoteData, ...NoteData[]];
    for (const other of others) {
      const firstPath = displayPath(first.vaultPath);
      const otherPath = displayPath(other.vaultPath);
      const differ = first.url === other.url ? '' : ` (${first.url}, differing only in ${urlDifference(first.url, other.url)})`;
      // Two file names that look the same: one written with composed accents (é), one decomposed (e + ´).
      const sameName =
        firstPath === otherPath || firstPath.normalize('NFC') !== otherPath.normalize('NFC')
          ? ''
          : differ
            ? '; the two file names, too, differ only in Unicode normalisation'
            : `; the two file names differ only in Unicode normalisation (${ACCENT_FORMS})`;
      problems.push({
        ...at(otherPath, linesOf(other.vaultPath)?.url),
        message: `its URL ${other.url} is also the URL of ${firstPath}${differ}${sameName}; give one of them another permalink or name`,
      });
    }
  }
  return problems;
}

const ACCENT_FORMS = 'accents composed in one, decomposed in the other';

/** How two URLs with the same key differ: in letter case, in Unicode normalisation (é vs e + ´), or both. */
function urlDifference(a: string, b: string): string {
  if (a.normalize('NFC') === b.normalize('NFC')) return `Unicode normalisation: ${ACCENT_FORMS}`;
  if (a.toLowerCase() === b.toLowerCase()) return 'letter case';
  return 'letter case and Unicode normalisation';
}

export function toolUrlCollisions(
  notes: readonly NoteData[],
  displayPath: (path: VaultPath) => string,
  linesOf: LinesOf,
): Problem[] {
  const tools = new Map(toolUrls(notes).map((tool) => [urlKey(tool.url), tool]));
  return notes.flatMap((note) => {
    const tool = tools.get(urlKey(note.url));
    return tool
      ? [
          {
            ...at(displayPath(note.vaultPath), linesOf(note.vaultPath)?.url),
            message: `its URL ${note.url} is where the site puts a study page of ${displayPath(tool.owner.vaultPath)}; give it another permalink or name`,
          },
        ]
      : [];
  });
}

/**
 * A course's cartridge is a file at `<course URL>course.imscc`: no note's page or old URL may be at
 * `<course URL>course.imscc/` or below it, where the file would have to be a folder.
 */
export function cartridgeCollisions(
  notes: readonly NoteData[],
  displayPath: (path: VaultPath) => string,
  linesOf: LinesOf = noLines,
): Problem[] {
  const courses = new Set(notes.flatMap((note) => (note.type === 'course' ? [urlKey(note.url)] : [])));
  const problems: Problem[] = [];
  for (const note of notes) {
    const file = displayPath(note.vaultPath);
    const page = cartridgeCollision(note.url, courses);
    if (page)
      problems.push({
        ...at(file, linesOf(note.vaultPath)?.url),
        message: `its URL ${shortUrl(note.url)} is below ${page}, the file of a course's cartridge; give it another permalink or name`,
      });
    note.redirects.forEach((old, index) => {
      const redirect = cartridgeCollision(old, courses);
      if (redirect)
        problems.push({
          ...at(file, linesOf(note.vaultPath)?.redirects[index]),
          message: `its alias ${shortUrl(old)} cannot be served: it is below ${redirect}, the file of a course's cartridge; remove it`,
        });
    });
  }
  return problems;
}

/** A folder has at most one course page. */
export function courseCollisions(notes: readonly NoteData[], displayPath: (path: VaultPath) => string): Problem[] {
  const byFolder = new Map<string, NoteData>();
  const problems: Problem[] = [];
  for (const note of notes) {
    if (note.type !== 'course') continue;
    const folder = folderOf(note.vaultPath);
    const existing = byFolder.get(folder);
    if (existing)
      problems.push({
        file: displayPath(note.vaultPath),
        message: `the folder "${folder}" already has a course note, ${displayPath(existing.vaultPath)}`,
      });
    else byFolder.set(folder, note);
  }
  return problems;
}
