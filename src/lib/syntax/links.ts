/**
 * Wikilink syntax and resolution as Obsidian does it: a link names a note by file name, by a path
 * suffix (`Folder/Note`) or by one of its aliases, case-insensitively. The one place where a written
 * link becomes a note.
 */
import { blockAnchor, isBlockReference } from './blocks.ts';
import { editDistance } from '../util/edit-distance.ts';
import { ATTACHMENT_EXTENSIONS } from '../render/media.ts';
import type { SiteUrl, VaultPath } from '../util/types.ts';

export interface WikiTarget {
  /** The note part, `Folder/Note` (empty for a same-note `[[#Heading]]`). */
  target: string;
  heading?: string;
  label?: string;
}

/**
 * Reads `[[Target#Heading|label]]`, or a bare `Target` as authors also write in frontmatter lists.
 * The escaped pipe `\|` of Digital Garden exports (written inside tables) counts as the separator.
 */
export function parseWikilink(written: string): WikiTarget {
  let inner = written.trim();
  const bracketed = /^!?\[\[([\s\S]*)\]\]$/.exec(inner);
  if (bracketed) inner = bracketed[1] as string;
  const pipe = inner.search(/\\?\|/);
  let label: string | undefined;
  if (pipe !== -1) {
    label = inner
      .slice(pipe)
      .replace(/^\\?\|/, '')
      .trim();
    inner = inner.slice(0, pipe);
  }
  const hash = inner.indexOf('#');
  const heading = hash === -1 ? undefined : inner.slice(hash + 1).trim();
  const target = (hash === -1 ? inner : inner.slice(0, hash)).trim().replace(/\.mdx?$/i, '');
  return { target, ...(heading ? { heading } : {}), ...(label ? { label } : {}) };
}

export interface LinkableNote {
  vaultPath: VaultPath;
  aliases: readonly string[];
}

export type Resolution<N> =
  { kind: 'found'; note: N } | { kind: 'missing'; suggestions: string[] } | { kind: 'ambiguous'; candidates: N[] };

const key = (text: string) => text.normalize('NFC').toLowerCase();
const withoutExtension = (path: string) => path.replace(/\.mdx?$/i, '');
const baseName = (path: string) => withoutExtension(path).split('/').pop() as string;

export interface NoteIndex<N extends LinkableNote> {
  resolve(target: string): Resolution<N>;
}

/** An index over every note of the vault, built once per build. */
export function createNoteIndex<N extends LinkableNote>(notes: readonly N[]): NoteIndex<N> {
  const byName = new Map<string, N[]>();
  const byAlias = new Map<string, N[]>();
  const push = (map: Map<string, N[]>, name: string, note: N) => {
    const list = map.get(key(name));
    if (list) list.push(note);
    else map.set(key(name), [note]);
  };
  for (const note of notes) {
    push(byName, baseName(note.vaultPath), note);
    for (const alias of note.aliases) push(byAlias, alias, note);
  }
  const names = [...new Set(notes.map((note) => baseName(note.vaultPath)))];

  return {
    resolve(target) {
      const wanted = key(withoutExtension(target.replace(/^\/+/, '')));
      const name = wanted.split('/').pop() as string;
      let candidates = (byName.get(name) ?? []).filter((note) => {
        const path = key(withoutExtension(note.vaultPath));
        return path === wanted || path.endsWith(`/${wanted}`);
      });
      if (candidates.length === 0 && !wanted.includes('/')) candidates = byAlias.get(wanted) ?? [];
      if (candidates.length === 1) return { kind: 'found', note: candidates[0] as N };
      if (candidates.length > 1) {
        // An exact full path wins over suffix matches, as it does in Obsidian.
        const exact = candidates.filter((note) => key(withoutExtension(note.vaultPath)) === wanted);
        if (exact.length === 1) return { kind: 'found', note: exact[0] as N };
        return { kind: 'ambiguous', candidates };
      }
      return { kind: 'missing', suggestions: nearestNames(name, names) };
    },
  };
}

/** Up to three names closest to a mistyped one, for the error message's hint. */
export function nearestNames(wanted: string, names: readonly string[], limit = 3): string[] {
  return names
    .map((name) => ({ name, distance: editDistance(key(wanted), key(name)) }))
    .filter(({ name, distance }) => distance <= Math.max(3, Math.floor(name.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}

/** What the vault knows of a note when links to it are resolved. */
export interface LinkTargetNote extends LinkableNote {
  state: 'published' | 'unpublished' | 'invalid';
  url?: SiteUrl;
  /** Heading ids by `headingKey` of their text, for `[[Note#Heading]]`. */
  headingIds?: ReadonlyMap<string, string>;
  /** Ids of things on the page a `#fragment` may name besides headings (timeline events). */
  anchorIds?: ReadonlySet<string>;
  /** Block ids the note defines (`^id` without the caret), for `[[Note#^id]]`. */
  blockIds?: ReadonlySet<string>;
}

export type LinkOutcome =
  | { kind: 'note'; note: VaultPath; url: SiteUrl; fragment?: string }
  | { kind: 'attachment'; path: string }
  | { kind: 'unpublished'; note: VaultPath }
  /** The target has problems of its own, already reported. */
  | { kind: 'invalid' }
  | { kind: 'broken'; message: string };

export interface WrittenTarget {
  target: string;
  heading?: string;
  embed: boolean;
  syntax: 'wikilink' | 'markdown';
}

const ATTACHMENT = new RegExp(`\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');
const NOTE = /\.mdx?$/i;

export interface VaultLinks {
  resolve(from: VaultPath, written: WrittenTarget): LinkOutcome;
}

/**
 * Resolution of every link written in a note body, once for the whole vault: wikilinks by name,
 * path suffix or alias (as `createNoteIndex`), Markdown links by path relative to the note (then
 * to the vault root), attachments by name anywhere in the vault or by path.
 */
export function createVaultLinks(
  notes: readonly LinkTargetNote[],
  attachments: readonly string[],
  headingKey: (text: string) => string,
  displayPath: (path: VaultPath) => string = (path) => path,
): VaultLinks {
  const index = createNoteIndex(notes);
  const byPath = new Map(notes.map((note) => [key(note.vaultPath), note]));
  const attachmentsByPath = new Map(attachments.map((path) => [key(path), path]));
  const attachmentsByName = new Map<string, string[]>();
  for (const path of attachments) {
    const name = key(path.split('/').pop() as string);
    attachmentsByName.set(name, [...(attachmentsByName.get(name) ?? []), path]);
  }

  const withHeading = (note: LinkTargetNote, from: VaultPath, heading: string | undefined): LinkOutcome => {
    if (note.state === 'unpublished') return { kind: 'unpublished', note: note.vaultPath };
    if (note.state === 'invalid') return { kind: 'invalid' };
    // A published note has its URL (src/lib/vault/vault.ts).
    const url = note.url!;
    if (!heading) return { kind: 'note', note: note.vaultPath, url };
    const where = note.vaultPath === from ? 'this note' : displayPath(note.vaultPath);
    if (isBlockReference(heading)) {
      const block = heading.slice(1);
      if (note.blockIds?.has(block)) return { kind: 'note', note: note.vaultPath, url, fragment: blockAnchor(block) };
      const hint = nearestNames(block, [...(note.blockIds ?? [])]);
      return {
        kind: 'broken',
        message: `links to a block "^${block}" that ${where} does not have${hint.length > 0 ? `; did you mean ${hint.map((h) => `#^${h}`).join(', ')}?` : ''}`,
      };
    }
    const id = note.headingIds?.get(headingKey(heading)) ?? (note.anchorIds?.has(heading) ? heading : undefined);
    if (id) return { kind: 'note', note: note.vaultPath, url, fragment: id };
    const known = [...(note.headingIds?.keys() ?? [])];
    const hint = nearestNames(headingKey(heading), known);
    return {
      kind: 'broken',
      message: `links to a heading "${heading}" that ${where} does not have${hint.length > 0 ? `; did you mean ${hint.map((h) => `#${h}`).join(', ')}?` : ''}`,
    };
  };

  /**
   * A file of the vault, as Obsidian finds it: by path relative to the note, then from the vault root,
   * then the shortest path ending with what is written. Only files the vault lists (no symlinks), and
   * nothing a path climbs out of the vault to.
   */
  const resolveAttachment = (from: VaultPath, target: string, embed: boolean): LinkOutcome => {
    const verb = embed ? 'embeds' : 'links to';
    const relative = joinPath(folderOf(from), target);
    if (relative === undefined) return { kind: 'broken', message: `${verb} a file "${target}" outside the vault` };
    const written = target.split('/').filter((segment) => segment !== '');
    const plain = !written.some((segment) => segment === '.' || segment === '..');
    const suffix = key(written.join('/'));
    const found =
      attachmentsByPath.get(key(relative)) ??
      (plain ? attachmentsByPath.get(suffix) : undefined) ??
      (plain
        ? shortest((attachmentsByName.get(key(written.at(-1) ?? '')) ?? []).filter((path) => key(path).endsWith(`/${suffix}`)))
        : undefined);
    if (found) return { kind: 'attachment', path: found };
    return { kind: 'broken', message: `${verb} a file "${target}" that is not in the vault` };
  };

  return {
    resolve(from, written) {
      const target = written.target.trim();
      if (target === '') {
        const self = byPath.get(key(from));
        return self ? withHeading(self, from, written.heading) : { kind: 'broken', message: 'links to an unknown note' };
      }
      if (written.syntax === 'markdown' && NOTE.test(target)) {
        const relative = joinPath(folderOf(from), target);
        if (relative === undefined) return { kind: 'broken', message: `links to a file "${target}" outside the vault` };
        const note = byPath.get(key(relative)) ?? byPath.get(key(target.replace(/^\/+/, '')));
        return note
          ? withHeading(note, from, written.heading)
          : { kind: 'broken', message: `links to a file "${target}" that is not in the vault` };
      }
      // A Markdown link or image names a file by path, whatever its extension; a wikilink, by a known one.
      if (written.syntax === 'markdown' || ATTACHMENT.test(target)) return resolveAttachment(from, target, written.embed);
      const found = index.resolve(target);
      if (found.kind === 'found') return withHeading(found.note, from, written.heading);
      if (found.kind === 'ambiguous') {
        const candidates = found.candidates.map((candidate) => displayPath(candidate.vaultPath)).join(' or ');
        return { kind: 'broken', message: `could mean ${candidates}; write more of the path` };
      }
      const hint =
        found.suggestions.length > 0 ? `; did you mean ${found.suggestions.map((name) => `[[${name}]]`).join(', ')}?` : '';
      return { kind: 'broken', message: `links to a note "${target}" that does not exist${hint}` };
    },
  };
}

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/**
 * A relative path joined to a folder, with `.` and `..` segments applied; undefined when it climbs out
 * of the vault.
 */
function joinPath(folder: string, relative: string): string | undefined {
  const parts = folder ? folder.split('/') : [];
  for (const segment of relative.split('/')) {
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function shortest(paths: readonly string[]): string | undefined {
  return [...paths].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
}
