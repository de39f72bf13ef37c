/**
 * One note file → what the garden knows of it: publish decision, kind, URL and normalised data,
 * or the problems that stop it (with file and line). Pure: text in, data out.
 */
import { parseNoteSource } from './frontmatter.ts';
import { fileName, normalise } from './normalise.ts';
import { isStudyNote, type NoteData, type PendingReference } from './note-data.ts';
import { isPublished } from './publish.ts';
import { presentProperties } from './properties.ts';
import { parseFrontmatter } from './validate.ts';
import type { Problem } from '../util/types.ts';
import { headingKey } from '../syntax/headings.ts';
import { noteUrl } from '../site/url.ts';
import { stripComments } from '../syntax/comments.ts';
import type { VaultPath } from '../util/types.ts';
import { frontmatterCitations, type CitingFrontmatter, type FrontmatterCitation } from '../vault/citations.ts';

export type NoteOutcome =
  | {
      status: 'published';
      note: NoteData;
      body: string;
      bodyLine: number;
      references: PendingReference[];
      /** Frontmatter that may cite works (src/lib/vault/citations.ts), checked once the bibliography is read. */
      citing: FrontmatterCitation[];
      /** File lines of what makes the note's URLs, for problems with them found later (src/lib/site/reserved-urls.ts). */
      urlLines: UrlLines;
      /** A `type` of the author's own (the note is a plain note), for the build's summary warning. */
      ownType?: string;
    }
  | { status: 'unpublished'; title: string; aliases: string[] }
  | { status: 'invalid'; problems: Problem[] };

/** Where a note's URLs are written: its URL's key, each old URL (as `redirects`), each frontmatter tag. */
export interface UrlLines {
  url?: number;
  redirects: (number | undefined)[];
  tags: Map<string, number>;
}

export function readNote(vaultPath: VaultPath, text: string): NoteOutcome {
  const source = parseNoteSource(text);
  const problem = (message: string, line?: number): Problem => ({ file: vaultPath, ...(line ? { line } : {}), message });
  if (source.problems.length > 0) {
    return { status: 'invalid', problems: source.problems.map((p) => problem(p.message, p.line)) };
  }
  const data = presentProperties(source.data);
  const publish = isPublished(data);
  if (!publish.ok) {
    const key = Object.hasOwn(data, 'dg-publish') ? 'dg-publish' : 'publish';
    return { status: 'invalid', problems: [problem(publish.reason, source.lineOf([key]))] };
  }
  if (!publish.value) {
    // Unpublished notes are only checked enough to be linked to as plain text; nothing else is kept.
    const written = data.aliases === undefined ? [] : Array.isArray(data.aliases) ? data.aliases : [data.aliases];
    const aliases = written
      .filter((alias) => typeof alias === 'string' || typeof alias === 'number')
      .map(String)
      .filter((alias) => !alias.startsWith('/'));
    return { status: 'unpublished', title: fileName(vaultPath), aliases };
  }

  const parsed = parseFrontmatter(data);
  if (!parsed.ok) {
    return { status: 'invalid', problems: parsed.issues.map((issue) => problem(issue.message, source.lineOf(issue.path))) };
  }
  const frontmatter = parsed.value;
  const permalink = frontmatter.permalink ?? frontmatter['dg-permalink'];
  const url = noteUrl({
    vaultPath,
    ...(frontmatter['dg-home'] ? { home: true } : {}),
    ...(permalink !== undefined ? { permalink } : {}),
    ...(frontmatter['dg-path'] !== undefined ? { dgPath: frontmatter['dg-path'] } : {}),
  });
  if (!url.ok) {
    const key =
      frontmatter.permalink !== undefined ? 'permalink' : frontmatter['dg-permalink'] !== undefined ? 'dg-permalink' : 'dg-path';
    return { status: 'invalid', problems: [problem(url.reason, source.lineOf([key]))] };
  }

  const problems: Problem[] = [];
  const references: PendingReference[] = [];
  const note = normalise(
    vaultPath,
    frontmatter,
    url.value.url,
    url.value.source,
    (message, path) => problems.push(problem(message, source.lineOf(path))),
    references,
    source.lineOf,
  );
  if (problems.length > 0) return { status: 'invalid', problems };
  const urlKeyName =
    url.value.source === 'permalink'
      ? frontmatter.permalink !== undefined
        ? 'permalink'
        : 'dg-permalink'
      : url.value.source === 'path'
        ? undefined
        : url.value.source;
  const urlLine = urlKeyName ? source.lineOf([urlKeyName]) : undefined;
  const tagLines = new Map<string, number>();
  (frontmatter.tags ?? []).forEach((tag, index) => {
    const line = source.lineOf(['tags', index]) ?? source.lineOf(['tags']);
    if (line !== undefined && !tagLines.has(tag)) tagLines.set(tag, line);
  });
  return {
    status: 'published',
    note,
    body: source.body,
    bodyLine: source.bodyLine,
    references,
    citing: frontmatterCitations(frontmatter as CitingFrontmatter).map((citing) => {
      const line = source.lineOf(citing.path) ?? source.lineOf(citing.path.slice(0, -1));
      return line !== undefined ? { ...citing, line } : citing;
    }),
    urlLines: {
      ...(urlLine !== undefined ? { url: urlLine } : {}),
      // The old URLs are the aliases that start with `/`, in order (each valid, or the note is invalid).
      redirects: (frontmatter.aliases ?? []).flatMap((alias, index) =>
        alias.startsWith('/') ? [source.lineOf(['aliases', index]) ?? source.lineOf(['aliases'])] : [],
      ),
      tags: tagLines,
    },
    ...(parsed.ownType !== undefined ? { ownType: parsed.ownType } : {}),
  };
}

/** The body as the Markdown parser sees it, at build and in the vault scan alike: comments out, lines kept. */
export function renderableBody(body: string, bodyLine: number): string {
  return padToLine(stripComments(body), bodyLine);
}

/** Blank lines in place of the frontmatter, so the Markdown parser's line numbers are the file's. */
export function padToLine(body: string, line: number): string {
  return '\n'.repeat(Math.max(0, line - 1)) + body;
}

/** Ids a heading of this note may not take: the page's sections, its quiz questions and FAQ entries, its events and eras. */
export function reservedIds(note: NoteData): string[] {
  if (isStudyNote(note)) return [...note.quiz.map((question) => question.id), ...note.faq.map((item) => item.id)];
  if (note.type !== 'timeline') return [];
  return [...note.events.map((event) => event.id), ...note.eras.map((era) => eraId(era.title))];
}

export function eraId(title: string): string {
  return `era-${headingKey(title)}`;
}
