/**
 * Wikilink syntax and resolution as Obsidian does it: a link names a note by file name, by a path
 * suffix (`Folder/Note`) or by one of its aliases, case-insensitively. The one place where a written
 * link becomes a note.
 */
import type { VaultPath } from './types.ts';

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

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
