/**
 * The read cache: what reading each note file gave (src/lib/vault/read.ts `readNoteFile`: its limits
 * checked, its frontmatter parsed and validated — about 0.9 ms a note, 4 s of a 5 000-note build),
 * kept between builds in Astro's cache folder. A file is read again only when its text, the size
 * limit or the site's code changed, so a rebuild after one edit reads one note.
 *
 * Stored with Node's own serialization (`v8.serialize`, the structured clone's format), not JSON: an
 * outcome holds Maps and dates that stretch to infinity, which JSON would turn into `{}` and `null`.
 * An outcome is plain data (no functions: frontmatter wikilinks wait as `PendingReference`s).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { LoaderContext } from 'astro/loaders';
import { splitNote } from '../lib/note/frontmatter.ts';
import type { NoteOutcome } from '../lib/note/note.ts';
import type { VaultPath } from '../lib/util/types.ts';
import { readNoteFile, type VaultFile } from '../lib/vault/read.ts';

const READ_CACHE = 'garden-notes.v8';
/** The stored shape: a change to this file (not in the code key, which covers src/lib) bumps it. */
const READ_CACHE_FORMAT = 1;

interface StoredRead {
  digest: string;
  outcome: NoteOutcome;
}

interface StoredReads {
  /** What every outcome also depends on: the site's code and the size limit. */
  key: string;
  /**
   * Each file's outcome, by its path, with the digest of the text it was read from; a published
   * note's body is left out (`body: ''`), being its text below the frontmatter (`splitNote`).
   */
  notes: Map<VaultPath, StoredRead>;
}

export interface CachedReads {
  /** Each file's outcome, in the files' order. */
  outcomes: NoteOutcome[];
  /** How many were read now (the others came from the cache). */
  read: number;
  /** Keeps them for the next build; they were serialized as read, before the vault check fills in their notes. */
  save(): Promise<void>;
}

/**
 * Each file's outcome: from the cache where the file, the limit and the code (`codeKey`) are those it
 * was read with, else read now. A missing, damaged or foreign cache is no cache.
 */
export async function readNotesCached(
  { config, generateDigest }: LoaderContext,
  files: readonly VaultFile[],
  maxBytes: number,
  codeKey: string,
): Promise<CachedReads> {
  const path = fileURLToPath(new URL(READ_CACHE, config.cacheDir));
  const key = generateDigest(JSON.stringify([READ_CACHE_FORMAT, codeKey, maxBytes]));
  let stored: StoredReads | undefined;
  try {
    stored = deserialize(await readFile(path)) as StoredReads;
  } catch {
    // No cache (a first or clean build), or one this Node cannot read: every note is read.
  }
  const cached = stored?.key === key ? stored.notes : new Map<VaultPath, StoredRead>();
  const notes: StoredReads['notes'] = new Map();
  let read = 0;
  const outcomes = files.map((file) => {
    // A note over the size limit was not read (`size`, no text): it is checked again, which costs nothing.
    const digest = file.size === undefined ? generateDigest(file.text) : '';
    const hit = digest ? cached.get(file.path) : undefined;
    if (hit && hit.digest === digest) {
      notes.set(file.path, hit);
      return hit.outcome.status === 'published' ? { ...hit.outcome, body: splitNote(file.text).body } : hit.outcome;
    }
    read++;
    const outcome = readNoteFile(file, maxBytes);
    if (digest) notes.set(file.path, { digest, outcome: outcome.status === 'published' ? { ...outcome, body: '' } : outcome });
    return outcome;
  });
  const bytes = serialize({ key, notes } satisfies StoredReads);
  return {
    outcomes,
    read,
    async save() {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.tmp`, bytes);
      await rename(`${path}.tmp`, path);
    },
  };
}
