/**
 * The whole vault → the published notes, once per build: every file read, the publish filter applied,
 * frontmatter references resolved against all notes, site-wide rules (one URL per note) checked, and
 * every problem of the vault collected so an author sees them all in one run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createNoteIndex, parseWikilink, type LinkableNote } from './links.ts';
import { readNote, type NoteData, type NoteOutcome } from './note.ts';
import { asVaultPath, type Problem, type VaultPath } from './types.ts';
import { urlKey } from './url.ts';

/** Folders and files Obsidian keeps for itself, or that are not notes (DESIGN §1). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isNotePath(path: string): boolean {
  return /\.mdx?$/i.test(path) && !path.split('/').some(isIgnoredName);
}

/** Every note file under the vault root, as sorted vault paths (sorted: same input, same output). */
export function listNoteFiles(root: string): VaultPath[] {
  const found: VaultPath[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (isIgnoredName(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile() && isNotePath(path)) found.push(asVaultPath(path));
    }
  };
  walk(root, '');
  return found.sort(compareCodePoints);
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
}

interface IndexedNote extends LinkableNote {
  /** `invalid`: the note has problems of its own, already reported; links to it add no more. */
  state: 'published' | 'unpublished' | 'invalid';
}

/**
 * Loads a vault from its files' texts. Pure: the caller reads the disk. `displayPath` turns a vault
 * path into the path an author should open (e.g. `content/Folder/Note.md`) in every message.
 */
export function loadVault(
  files: readonly { path: VaultPath; text: string }[],
  displayPath: (path: VaultPath) => string = (path) => path,
): LoadedVault {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const published: Extract<NoteOutcome, { status: 'published' }>[] = [];
  const indexed: IndexedNote[] = [];

  for (const file of files) {
    const outcome = readNote(file.path, file.text);
    if (outcome.status === 'invalid') {
      problems.push(...outcome.problems.map((p) => ({ ...p, file: displayPath(file.path) })));
      indexed.push({ vaultPath: file.path, aliases: [], state: 'invalid' });
    } else if (outcome.status === 'unpublished') {
      indexed.push({ vaultPath: file.path, aliases: outcome.aliases, state: 'unpublished' });
    } else {
      published.push(outcome);
      indexed.push({ vaultPath: file.path, aliases: outcome.note.aliases, state: 'published' });
    }
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

  const notes = published.map((entry) => entry.note);
  problems.push(...urlCollisions(notes, displayPath), ...courseCollisions(notes, displayPath));
  return {
    notes: published.map(({ note, body, bodyLine }) => ({ note, body, bodyLine })),
    problems: problems.sort(compareProblems),
    warnings: warnings.sort(compareProblems),
  };
}

/** Two notes may not share a URL, even one differing only in letter case (DESIGN §3). */
export function urlCollisions(notes: readonly NoteData[], displayPath: (path: VaultPath) => string = (path) => path): Problem[] {
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
      problems.push({
        file: displayPath(other.vaultPath),
        message: `its URL ${other.url} is also the URL of ${displayPath(first.vaultPath)}${first.url === other.url ? '' : ` (${first.url}, differing only in letter case)`}; give one of them another permalink or name`,
      });
    }
  }
  return problems;
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
  return problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n');
}
