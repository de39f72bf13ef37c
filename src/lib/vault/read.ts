/**
 * The vault's first pass, frontmatter first: every note read within the limits, the publish filter
 * applied, and the scan each published body needs (run here or on worker threads).
 */
import { splitNote } from '../note/frontmatter.ts';
import { readNote, renderableBody, reservedIds, type NoteOutcome } from '../note/note.ts';
import { type TermNote } from '../note/note-data.ts';
import type { LinkTargetNote } from '../syntax/links.ts';
import { parseMarkdown, type MarkdownParser } from '../syntax/parse.ts';
import { parseMarkdownWithSatteri } from '../syntax/parse-satteri.ts';
import { scanNote, type ScannedNote } from '../syntax/scan.ts';
import type { TermMatcher } from '../syntax/terms.ts';
import type { Problem, VaultPath } from '../util/types.ts';
import { compareCodePoints } from './files.ts';
import type { BibliographyFile } from './bibliography.ts';
import {
  bodyLimitProblems,
  DEFAULT_MAX_NOTE_SIZE,
  failureMessage,
  frontmatterLimitProblems,
  MEGABYTE,
  sizeProblem,
} from './limits.ts';

export interface LoadOptions {
  /** Turns a vault path into the path an author should open (e.g. `content/Folder/Note.md`). */
  displayPath?: (path: VaultPath) => string;
  /** Every file of the vault that is not a note (images and other attachments), as vault paths. */
  attachments?: readonly string[];
  /** `warn`: a dead link is listed as a warning and rendered as plain text, instead of failing. */
  brokenLinks?: 'error' | 'warn';
  /** The largest note file, in bytes (site option `maxNoteSize`); src/lib/vault/limits.ts has the default. */
  maxNoteBytes?: number;
  /** The parser of the scan: the site's renderer's own (`satteri`), or micromark (the reference, for `unified`). */
  scanParser?: ScanParser;
  /** The vault's `.bib` and `.csl.json` files, read (src/lib/vault/bibliography.ts). */
  bibliography?: readonly BibliographyFile[];
  /** The CSL style citations are formatted in (its XML); Chicago author-date when not given. */
  citationStyle?: string;
}

/** Which parser reads a body for the scan: the one that renders it, so both see the same links. */
export type ScanParser = 'micromark' | 'satteri';
const SCAN_PARSERS: Record<ScanParser, MarkdownParser> = { micromark: parseMarkdown, satteri: parseMarkdownWithSatteri };

/** A note file: its text, and its size in bytes when the text was not read (a note over the size limit). */
export interface VaultFile {
  path: VaultPath;
  text: string;
  size?: number;
}

/**
 * What a body scan needs to know (plain data, so a worker thread can run it): the Markdown, the ids
 * its page reserves, and whether first mentions of glossary terms count (briefs only).
 */
export interface ScanJob {
  vaultPath: VaultPath;
  markdown: string;
  reserved: string[];
  terms: boolean;
  parser: ScanParser;
}

/** A scan as plain data: each mention names its term by vault path. */
export type StoredScan = Omit<ScannedNote, 'mentions'> & { mentions: { term: VaultPath; line: number; context: string }[] };

export function runScanJob(job: ScanJob, termMatcher: TermMatcher<TermNote>): StoredScan {
  const scanned = scanNote(job.markdown, job.reserved, job.terms ? termMatcher : undefined, SCAN_PARSERS[job.parser]);
  return { ...scanned, mentions: scanned.mentions.map((mention) => ({ ...mention, term: mention.term.vaultPath })) };
}

/** The vault after its frontmatter pass: every note read and the publish filter applied, bodies not yet scanned. */
export interface ReadVault {
  published: Extract<NoteOutcome, { status: 'published' }>[];
  indexed: LinkTargetNote[];
  problems: Problem[];
  warnings: Problem[];
  /** The published glossary, whose names the scans look for. */
  terms: TermNote[];
  scanJobs: ScanJob[];
}

/** A body the scanner failed on, whatever the reason: the note is reported, never the stack. */
export interface ScanFailure {
  vaultPath: VaultPath;
  error: unknown;
}

/** The vault without the notes whose scan failed: each is a problem naming it, and links to it are not dead. */
export function withoutFailedScans(read: ReadVault, failures: readonly ScanFailure[], options: LoadOptions = {}): ReadVault {
  if (failures.length === 0) return read;
  const displayPath = options.displayPath ?? ((path: VaultPath) => path);
  const failed = new Set(failures.map((failure) => failure.vaultPath));
  const keep = <T>(items: readonly T[], path: (item: T) => VaultPath) => items.filter((item) => !failed.has(path(item)));
  return {
    ...read,
    published: keep(read.published, (entry) => entry.note.vaultPath),
    terms: keep(read.terms, (term) => term.vaultPath),
    scanJobs: keep(read.scanJobs, (job) => job.vaultPath),
    indexed: [...read.indexed, ...[...failed].map((vaultPath) => ({ vaultPath, aliases: [], state: 'invalid' as const }))],
    problems: [
      ...read.problems,
      ...failures.map((failure) => ({
        file: displayPath(failure.vaultPath),
        ...lineOf(failure.error),
        message: `could not be read: ${failureMessage(failure.error)}`,
      })),
    ],
  };
}

/** The note line a parser's error names, where it names one. */
export function lineOf(error: unknown): { line?: number } {
  const position = error as { line?: unknown; position?: { start?: { line?: unknown } } } | undefined;
  const line = position?.line ?? position?.position?.start?.line;
  return typeof line === 'number' && line > 0 ? { line } : {};
}

/**
 * Frontmatter first: the glossary's names must be known before any body is scanned. Each file is read
 * here with `readNoteFile`, unless `outcomes` gives what it gave for each file, in the same order (the
 * read cache's, src/loaders/read-cache.ts).
 */
export function readVault(files: readonly VaultFile[], options: LoadOptions = {}, outcomes?: readonly NoteOutcome[]): ReadVault {
  const displayPath = options.displayPath ?? ((path: VaultPath) => path);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const published: Extract<NoteOutcome, { status: 'published' }>[] = [];
  const indexed: LinkTargetNote[] = [];

  const maxBytes = options.maxNoteBytes ?? DEFAULT_MAX_NOTE_SIZE * MEGABYTE;
  if (outcomes && outcomes.length !== files.length) throw new Error(`${outcomes.length} notes read for ${files.length} files`);
  files.forEach((file, index) => {
    const outcome = outcomes?.[index] ?? readNoteFile(file, maxBytes);
    if (outcome.status === 'invalid') {
      problems.push(...outcome.problems.map((p) => ({ ...p, file: displayPath(file.path) })));
      indexed.push({ vaultPath: file.path, aliases: [], state: 'invalid' });
    } else if (outcome.status === 'unpublished') {
      indexed.push({ vaultPath: file.path, aliases: outcome.aliases, state: 'unpublished' });
    } else published.push(outcome);
  });

  const ownTypes = ownTypeWarning(published, displayPath);
  if (ownTypes) warnings.push(ownTypes);

  const notes = published.map((entry) => entry.note);
  return {
    published,
    indexed,
    problems,
    warnings,
    terms: notes.filter((note): note is TermNote => note.type === 'term'),
    scanJobs: published.map(({ note, body, bodyLine }) => ({
      vaultPath: note.vaultPath,
      markdown: renderableBody(body, bodyLine),
      reserved: [...reservedIds(note)],
      terms: note.type === 'brief',
      parser: options.scanParser ?? 'micromark',
    })),
  };
}

/**
 * A note read if it keeps the limits (src/lib/vault/limits.ts), checked on its text before each parser: its
 * size and frontmatter before the YAML is parsed, a published body before it is scanned or rendered.
 * Plain data in, plain data out, so that the read cache (src/loaders/read-cache.ts) can keep it.
 */
export function readNoteFile(file: VaultFile, maxBytes: number): NoteOutcome {
  const over = (problems: readonly { line: number; message: string }[]): NoteOutcome => ({
    status: 'invalid',
    problems: problems.map((problem) => ({ ...problem, file: file.path })),
  });
  const tooLarge = sizeProblem(file.size ?? Buffer.byteLength(file.text), maxBytes);
  if (tooLarge) return over([tooLarge]);
  const { yaml } = splitNote(file.text);
  const frontmatter = yaml === undefined ? [] : frontmatterLimitProblems(yaml, 2);
  if (frontmatter.length > 0) return over(frontmatter);
  const outcome = readOrFail(file);
  if (outcome.status !== 'published') return outcome;
  const body = bodyLimitProblems(outcome.body, outcome.bodyLine);
  return body.length > 0 ? over(body) : outcome;
}

/** A note read, or, should reading it throw, a problem naming it. */
function readOrFail(file: VaultFile): NoteOutcome {
  try {
    return readNote(file.path, file.text);
  } catch (error) {
    return {
      status: 'invalid',
      problems: [{ file: file.path, ...lineOf(error), message: `could not be read: ${failureMessage(error)}` }],
    };
  }
}

/**
 * One warning for every `type` of the authors' own (`type: anatomy`): such notes are plain notes, and
 * an author importing a vault wants to see which values that covers, not a line per note.
 */
function ownTypeWarning(
  published: readonly Extract<NoteOutcome, { status: 'published' }>[],
  displayPath: (path: VaultPath) => string,
): Problem | undefined {
  const byType = new Map<string, VaultPath[]>();
  for (const entry of published) {
    if (entry.ownType !== undefined) byType.set(entry.ownType, [...(byType.get(entry.ownType) ?? []), entry.note.vaultPath]);
  }
  if (byType.size === 0) return undefined;
  const count = [...byType.values()].reduce((sum, paths) => sum + paths.length, 0);
  const values = [...byType]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(
      ([type, paths]) =>
        `"${type}" (${paths.length === 1 ? displayPath(paths[0] as VaultPath) : `${paths.length} notes, e.g. ${displayPath(paths[0] as VaultPath)}`})`,
    );
  return {
    file: '',
    message:
      `${count} note${count === 1 ? ' has a type' : 's have types'} of the author's own, published as plain notes: ${values.join(', ')}. ` +
      `The site's kinds are note, brief, quiz, timeline, term and course.`,
  };
}
