/**
 * The whole vault → the published notes, once per build: every file read, the publish filter applied,
 * frontmatter references resolved against all notes, site-wide rules (one URL per note) checked, and
 * every problem of the vault collected so an author sees them all in one run.
 */
import { headingKey } from '../syntax/headings.ts';
import { attachmentKind } from '../render/media.ts';
import { createNoteIndex, createVaultLinks, parseWikilink, type LinkTargetNote, type VaultLinks } from '../syntax/links.ts';
import { glossaryNames, linksTermItself } from '../note/glossary.ts';
import { reservedIds, type UrlLines } from '../note/note.ts';
import { addReference, type NoteData } from '../note/note-data.ts';
import type { ScannedNote, WrittenLink } from '../syntax/scan.ts';
import { createTermMatcher } from '../syntax/terms.ts';
import type { Problem, VaultPath } from '../util/types.ts';
import {
  cartridgeCollisions,
  courseCollisions,
  redirectCollisions,
  reservedUrlCollisions,
  toolUrlCollisions,
  urlCollisions,
} from './collisions.ts';
import { embedCycles, type EmbedEdge } from './embed-cycles.ts';
import { compareCodePoints } from './files.ts';
import { compareProblems } from './problems.ts';
import { citeVault } from './bibliography.ts';
import {
  readVault,
  runScanJob,
  withoutFailedScans,
  type LoadOptions,
  type ReadVault,
  type ScanFailure,
  type StoredScan,
  type VaultFile,
} from './read.ts';

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

/** How deep embeds inside embeds go before the innermost is shown as a link. */
export const EMBED_DEPTH = 3;

/** Loads a vault from its files' texts. Pure: the caller reads the disk and lists attachments. */
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
      const { line } = reference;
      const at = { file: displayPath(entry.note.vaultPath), ...(line ? { line } : {}) };
      const { target } = parseWikilink(reference.written);
      if (target === '') {
        addReference(entry.note, reference.slot, entry.note.vaultPath);
        continue;
      }
      const found = index.resolve(target);
      if (found.kind === 'found') {
        if (found.note.state === 'published') addReference(entry.note, reference.slot, found.note.vaultPath);
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

  citeVault(
    published.map((entry) => ({
      note: entry.note,
      body: scans.get(entry.note.vaultPath)?.citations ?? [],
      frontmatter: entry.citing,
    })),
    options,
    { problems, dead: deadLinks, displayPath },
  );

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
    ...cartridgeCollisions(notes, displayPath, linesOf),
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
