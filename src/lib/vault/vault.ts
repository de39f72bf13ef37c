/**
 * The whole vault → the published notes, once per build: every file read, the publish filter applied,
 * frontmatter references resolved against all notes, site-wide rules (one URL per note) checked, and
 * every problem of the vault collected so an author sees them all in one run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { headingKey } from '../syntax/headings.ts';
import { attachmentKind } from '../render/media.ts';
import { createNoteIndex, createVaultLinks, parseWikilink, type LinkTargetNote, type VaultLinks } from '../syntax/links.ts';
import { toolUrls } from '../site/course-tools.ts';
import { glossaryNames, linksTermItself } from '../note/glossary.ts';
import { splitNote } from '../note/frontmatter.ts';
import {
  bodyLimitProblems,
  DEFAULT_MAX_NOTE_SIZE,
  failureMessage,
  frontmatterLimitProblems,
  MEGABYTE,
  sizeProblem,
} from './limits.ts';
import {
  readNote,
  renderableBody,
  reservedIds,
  type NoteData,
  type NoteOutcome,
  type TermNote,
  type UrlLines,
} from '../note/note.ts';
import { scanNote, type NoteRegion, type ScannedNote, type WrittenLink } from '../syntax/scan.ts';
import { tagProblem } from '../syntax/tags.ts';
import { createTermMatcher, type TermMatcher } from '../syntax/terms.ts';
import { reservedUrlProblem, shortText, shortUrl } from '../site/reserved-urls.ts';
import { type Problem, uncheckedVaultPath, type VaultPath } from '../util/types.ts';
import { urlKey } from '../site/url.ts';

/** Folders and files Obsidian keeps for itself, or that are not notes (DESIGN §1). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isNotePath(path: string): boolean {
  return /\.mdx?$/i.test(path) && !path.split('/').some(isIgnoredName);
}

/**
 * Every file under the vault root, as sorted vault paths (sorted: same input, same output): the notes,
 * and the attachments beside them (published only when a published note embeds them).
 */
export function listVaultFiles(root: string): { notes: VaultPath[]; attachments: string[] } {
  const notes: VaultPath[] = [];
  const attachments: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (isIgnoredName(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile() && isNotePath(path)) notes.push(uncheckedVaultPath(path));
      else if (entry.isFile()) attachments.push(path);
    }
  };
  walk(root, '');
  return { notes: notes.sort(compareCodePoints), attachments: attachments.sort(compareCodePoints) };
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PublishedNote {
  note: NoteData;
  body: string;
  bodyLine: number;
}

export interface LoadedVault {
  notes: PublishedNote[];
  problems: Problem[];
  warnings: Problem[];
  /** Resolves any link written in a published note, as the checks here did: for rendering. */
  links: VaultLinks;
  /** What `links` was built from (plain data), so a render worker can build the same resolver. */
  linkTargets: LinkTargetNote[];
  /**
   * Vault files published at their media URL (src/lib/render/media.ts): those a published note embeds as a
   * player or viewer, or links. Embedded images go through Astro's image pipeline instead.
   */
  media: string[];
}

export interface LoadOptions {
  /** Turns a vault path into the path an author should open (e.g. `content/Folder/Note.md`). */
  displayPath?: (path: VaultPath) => string;
  /** Every file of the vault that is not a note (images and other attachments), as vault paths. */
  attachments?: readonly string[];
  /** `warn`: a dead link is listed as a warning and rendered as plain text, instead of failing. */
  brokenLinks?: 'error' | 'warn';
  /** The largest note file, in bytes (site option `maxNoteSize`); src/lib/vault/limits.ts has the default. */
  maxNoteBytes?: number;
}

/** A note file: its text, and its size in bytes when the text was not read (a note over the size limit). */
export interface VaultFile {
  path: VaultPath;
  text: string;
  size?: number;
}

/** How deep embeds inside embeds go before the innermost is shown as a link. */
export const EMBED_DEPTH = 3;

/**
 * Loads a vault from its files' texts. Pure: the caller reads the disk and lists attachments.
 */
/**
 * What a body scan needs to know (plain data, so a worker thread can run it): the Markdown, the ids
 * its page reserves, and whether first mentions of glossary terms count (briefs only).
 */
export interface ScanJob {
  vaultPath: VaultPath;
  markdown: string;
  reserved: string[];
  terms: boolean;
}

/** A scan as plain data: each mention names its term by vault path. */
export type StoredScan = Omit<ScannedNote, 'mentions'> & { mentions: { term: VaultPath; line: number; context: string }[] };

export function runScanJob(job: ScanJob, termMatcher: TermMatcher<TermNote>): StoredScan {
  const scanned = scanNote(job.markdown, job.reserved, job.terms ? termMatcher : undefined);
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

export function loadVault(files: readonly VaultFile[], options: LoadOptions = {}): LoadedVault {
  const read = readVault(files, options);
  const termMatcher = createTermMatcher(glossaryNames(read.terms));
  const scans = new Map<VaultPath, StoredScan>();
  const failures: ScanFailure[] = [];
  for (const job of read.scanJobs) {
    try {
      scans.set(job.vaultPath, runScanJob(job, termMatcher));
    } catch (error) {
      failures.push({ vaultPath: job.vaultPath, error });
    }
  }
  return completeVault(withoutFailedScans(read, failures, options), scans, options);
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

/** Frontmatter first: the glossary's names must be known before any body is scanned. */
export function readVault(files: readonly VaultFile[], options: LoadOptions = {}): ReadVault {
  const displayPath = options.displayPath ?? ((path: VaultPath) => path);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const published: Extract<NoteOutcome, { status: 'published' }>[] = [];
  const indexed: LinkTargetNote[] = [];

  const maxBytes = options.maxNoteBytes ?? DEFAULT_MAX_NOTE_SIZE * MEGABYTE;
  // Frontmatter first: the glossary's names must be known before any body is scanned.
  for (const file of files) {
    const outcome = readWithinLimits(file, maxBytes);
    if (outcome.status === 'invalid') {
      problems.push(...outcome.problems.map((p) => ({ ...p, file: displayPath(file.path) })));
      indexed.push({ vaultPath: file.path, aliases: [], state: 'invalid' });
    } else if (outcome.status === 'unpublished') {
      indexed.push({ vaultPath: file.path, aliases: outcome.aliases, state: 'unpublished' });
    } else published.push(outcome);
  }

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
    })),
  };
}

/**
 * A note read if it keeps the limits (src/lib/vault/limits.ts), checked on its text before each parser: its
 * size and frontmatter before the YAML is parsed, a published body before it is scanned or rendered.
 */
function readWithinLimits(file: VaultFile, maxBytes: number): NoteOutcome {
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

/**
 * Then every published body, scanned once (here or on worker threads): headings, written links and
 * first mentions of terms; links resolved and the site-wide rules checked.
 */
export function completeVault(
  read: ReadVault,
  stored: ReadonlyMap<VaultPath, StoredScan>,
  options: LoadOptions = {},
): LoadedVault {
  const displayPath = options.displayPath ?? ((path: VaultPath) => path);
  const { published, problems, warnings } = read;
  const indexed = [...read.indexed];
  const termsByPath = new Map(read.terms.map((term) => [term.vaultPath, term]));
  const scans = new Map<VaultPath, ScannedNote>();
  for (const entry of published) {
    const { note } = entry;
    const scan = stored.get(note.vaultPath);
    if (!scan) throw new Error(`${note.vaultPath} was not scanned`);
    const scanned: ScannedNote = {
      ...scan,
      mentions: scan.mentions.flatMap((mention) => {
        const term = termsByPath.get(mention.term);
        return term ? [{ ...mention, term }] : [];
      }),
    };
    note.headings = scanned.headings;
    note.words = scanned.words;
    note.math = scanned.math;
    for (const error of scanned.mathErrors) {
      warnings.push({
        file: displayPath(note.vaultPath),
        line: error.line,
        message: `this math is not valid TeX (${error.message}); the page shows it as written`,
      });
    }
    note.tags = [...new Set([...note.tags, ...scanned.tags])].sort();
    scans.set(note.vaultPath, scanned);
    indexed.push({
      vaultPath: note.vaultPath,
      aliases: note.aliases,
      state: 'published',
      url: note.url,
      headingIds: new Map(note.headings.map((heading) => [headingKey(heading.text), heading.id])),
      anchorIds: new Set(reservedIds(note)),
      blockIds: new Set(scanned.blocks),
    });
  }

  const index = createNoteIndex(indexed);
  for (const entry of published) {
    for (const reference of entry.references) {
      const line = entry.lineOf(reference.path);
      const at = { file: displayPath(entry.note.vaultPath), ...(line ? { line } : {}) };
      const { target } = parseWikilink(reference.written);
      if (target === '') {
        reference.add(entry.note.vaultPath);
        continue;
      }
      const found = index.resolve(target);
      if (found.kind === 'found') {
        if (found.note.state === 'published') reference.add(found.note.vaultPath);
        else if (found.note.state === 'unpublished') {
          const message = `${reference.written} links to ${displayPath(found.note.vaultPath)}, which is not published; it is left out`;
          warnings.push({ ...at, message });
        }
      } else if (found.kind === 'ambiguous') {
        const candidates = found.candidates.map((candidate) => displayPath(candidate.vaultPath)).join(' or ');
        problems.push({ ...at, message: `${reference.written} could mean ${candidates}; write more of the path` });
      } else {
        const names = found.suggestions.map((name) => `[[${name}]]`).join(', ');
        const hint = names ? `; did you mean ${names}?` : '';
        problems.push({ ...at, message: `${reference.written} links to a note that does not exist${hint}` });
      }
    }
  }

  const links = createVaultLinks(indexed, options.attachments ?? [], headingKey, displayPath);
  const deadLinks = options.brokenLinks === 'warn' ? warnings : problems;
  const embedEdges: EmbedEdge[] = [];
  const media = new Set<string>();
  for (const entry of published) {
    const from = entry.note.vaultPath;
    for (const written of scans.get(from)?.links ?? []) {
      const at = { file: displayPath(from), line: written.line };
      const shown = writtenForm(written);
      const outcome = links.resolve(from, written);
      if (outcome.kind === 'note') {
        // A Markdown image of a note shows a link to it: only `![[Note]]` shows the note in place.
        const embed = written.embed && written.syntax === 'wikilink';
        entry.note.links.push({
          target: outcome.note,
          ...(outcome.fragment ? { fragment: outcome.fragment } : {}),
          embed,
          context: written.context,
        });
        if (embed) {
          embedEdges.push({
            from,
            line: written.line,
            target: outcome.note,
            ...(outcome.fragment ? { fragment: outcome.fragment } : {}),
          });
        }
      } else if (outcome.kind === 'attachment') {
        if (!written.embed || attachmentKind(outcome.path) !== 'image') media.add(outcome.path);
      } else if (outcome.kind === 'unpublished') {
        const message = `${shown} ${written.embed ? 'embeds' : 'links to'} ${displayPath(outcome.note)}, which is not published; it is shown as plain text`;
        warnings.push({ ...at, message });
      } else if (outcome.kind === 'broken') {
        deadLinks.push({ ...at, message: `${shown} ${outcome.message}` });
      }
    }
  }

  // First mentions of terms count as links to them (for "where this term is used"), unless the
  // brief links to the term itself.
  for (const entry of published) {
    const linksItself = linksTermItself(entry.note);
    for (const mention of scans.get(entry.note.vaultPath)?.mentions ?? []) {
      if (!linksItself(mention.term))
        entry.note.links.push({ target: mention.term.vaultPath, embed: false, context: mention.context, mention: true });
    }
  }

  const notes = published.map((entry) => entry.note);
  const lines = new Map(published.map((entry) => [entry.note.vaultPath, inlineTagLines(entry)]));
  const linesOf = (path: VaultPath) => lines.get(path);
  problems.push(
    ...urlCollisions(notes, displayPath, linesOf),
    ...toolUrlCollisions(notes, displayPath, linesOf),
    ...redirectCollisions(notes, displayPath, linesOf),
    ...reservedUrlCollisions(notes, displayPath, linesOf),
    ...courseCollisions(notes, displayPath),
    ...embedCycles(embedEdges, (note) => scans.get(note)?.regions ?? [], displayPath),
  );
  return {
    notes: published.map(({ note, body, bodyLine }) => ({ note, body, bodyLine })),
    problems: problems.sort(compareProblems),
    warnings: warnings.sort(compareProblems),
    links,
    linkTargets: indexed,
    media: [...media].sort(compareCodePoints),
  };
}

/**
 * A link as the author wrote it, for messages: `[[Note#Heading]]`, `![[image.png]]`, `[text](Note.md)`,
 * `![alt](map.png)`.
 */
function writtenForm(link: WrittenLink): string {
  if (link.syntax === 'markdown')
    return `${link.embed ? '!' : ''}[${link.label ?? ''}](${link.target}${link.heading ? `#${link.heading}` : ''})`;
  return `${link.embed ? '!' : ''}[[${link.target}${link.heading ? `#${link.heading}` : ''}]]`;
}

/** Where a note's URLs are written, for problems with them. */
type LinesOf = (path: VaultPath) => UrlLines | undefined;

const noLines: LinesOf = () => undefined;

/** A problem at a note's file, at `line` when known. */
function at(file: string, line: number | undefined): { file: string; line?: number } {
  return { file, ...(line ? { line } : {}) };
}

/** The note's URL lines, with the line of each inline `#tag` (first mention in the body) added. */
function inlineTagLines(entry: PublishedNote & { urlLines: UrlLines }): UrlLines {
  const tags = new Map(entry.urlLines.tags);
  const bodyLines = entry.body.split('\n');
  for (const tag of entry.note.tags) {
    if (tags.has(tag)) continue;
    const index = bodyLines.findIndex((line) => normaliseLine(line).includes(`#${tag}`));
    if (index !== -1) tags.set(tag, entry.bodyLine + index);
  }
  return { ...entry.urlLines, tags };
}

const normaliseLine = (line: string) => line.normalize('NFC').toLowerCase();

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

/** An embed as resolved: which note (and where in it) shows which part of another. */
export interface EmbedEdge {
  from: VaultPath;
  line: number;
  target: VaultPath;
  /** The heading id or block anchor (`^id`) embedded; none for the whole note. */
  fragment?: string;
}

/**
 * Embeds that would show themselves forever. What an embed shows is a whole note, a heading's section
 * or a block, and it holds the embeds written inside it: a note may embed its own sections, or a
 * section of a note that embeds it back, as Obsidian allows. Only an embed whose part comes back to a
 * part being shown is an error, at the line of the embed that closes the circle.
 */
export function embedCycles(
  edges: readonly EmbedEdge[],
  regionsOf: (note: VaultPath) => readonly NoteRegion[],
  displayPath: (path: VaultPath) => string,
): Problem[] {
  const byNote = new Map<VaultPath, EmbedEdge[]>();
  for (const edge of edges) byNote.set(edge.from, [...(byNote.get(edge.from) ?? []), edge]);
  const keyOf = (note: VaultPath, fragment?: string) => (fragment ? `${note}#${fragment}` : note);
  const labelOf = (note: VaultPath, fragment?: string) => (fragment ? `${displayPath(note)}#${fragment}` : displayPath(note));
  /** The embeds a part of a note holds: all of the note's, or those written within the section or block. */
  const inside = (note: VaultPath, fragment?: string): EmbedEdge[] => {
    const all = byNote.get(note) ?? [];
    if (!fragment) return all;
    const region = regionsOf(note).find((candidate) => candidate.id === fragment);
    return region ? all.filter((edge) => edge.line >= region.start && edge.line <= region.end) : [];
  };
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const done = new Set<string>();
  const visit = (note: VaultPath, fragment: string | undefined, trail: { key: string; label: string }[]) => {
    const key = keyOf(note, fragment);
    if (done.has(key)) return;
    const here = [...trail, { key, label: labelOf(note, fragment) }];
    for (const edge of inside(note, fragment)) {
      const target = keyOf(edge.target, edge.fragment);
      const start = here.findIndex((step) => step.key === target);
      if (start === -1) {
        visit(edge.target, edge.fragment, here);
        continue;
      }
      const cycle = here.slice(start);
      const id = cycle
        .map((step) => step.key)
        .sort()
        .join('|');
      if (reported.has(id)) continue;
      reported.add(id);
      problems.push({
        file: displayPath(edge.from),
        line: edge.line,
        message: `embeds form a cycle: ${[...cycle.map((step) => step.label), labelOf(edge.target, edge.fragment)].join(' → ')}`,
      });
    }
    done.add(key);
  };
  for (const note of [...byNote.keys()].sort(compareCodePoints)) visit(note, undefined, []);
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
export function urlDifference(a: string, b: string): string {
  if (a.normalize('NFC') === b.normalize('NFC')) return `Unicode normalisation: ${ACCENT_FORMS}`;
  if (a.toLowerCase() === b.toLowerCase()) return 'letter case';
  return 'letter case and Unicode normalisation';
}

/** A note may not take the URL of a study page the site makes for a course or brief. */
function toolUrlCollisions(notes: readonly NoteData[], displayPath: (path: VaultPath) => string, linesOf: LinesOf): Problem[] {
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

/** A folder has at most one course page. */
function courseCollisions(notes: readonly NoteData[], displayPath: (path: VaultPath) => string): Problem[] {
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

export function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function compareProblems(a: Problem, b: Problem): number {
  return compareCodePoints(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareCodePoints(a.message, b.message);
}

/** All problems as one message an author can work through, one `file:line: message` per line. */
export function formatProblems(problems: readonly Problem[]): string {
  // A problem of the whole vault (file '') is said without a file.
  return problems.map((p) => (p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}` : p.message)).join('\n');
}
