/** The read cache (src/loaders/read-cache.ts): a rebuild reads only the notes whose text changed, and gets what reading gives. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { listVaultFiles } from '../../src/lib/vault/files.ts';
import { readNoteFile, type VaultFile } from '../../src/lib/vault/read.ts';
import { readNotesCached } from '../../src/loaders/read-cache.ts';
import { PROJECT_ROOT, TMP } from '../helpers/build.ts';

const MAX_BYTES = 5 * 1024 * 1024;

function filesOf(...vaults: string[]): VaultFile[] {
  return vaults.flatMap((vault) => {
    const root = join(PROJECT_ROOT, vault);
    return listVaultFiles(root).notes.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
  });
}

/** What the loader hands over that the cache uses: Astro's cache folder and its digest. */
function context(): LoaderContext {
  const cacheDir = pathToFileURL(`${mkdtempSync(join(TMP, 'read-cache-'))}/`);
  const generateDigest = (data: unknown) =>
    createHash('sha256')
      .update(typeof data === 'string' ? data : JSON.stringify(data))
      .digest('hex');
  return { config: { cacheDir }, generateDigest } as unknown as LoaderContext;
}

// The course, a good vault (notes, terms, timelines, an unpublished note), a bad one (invalid notes).
const files = filesOf('content', 'tests/fixtures/vault-good', 'tests/fixtures/vault-bad');
const fresh = () => files.map((file) => readNoteFile(file, MAX_BYTES));

describe('the read cache', () => {
  it('reads every note the first time, and none the next: the outcomes are what reading gives', async () => {
    const loader = context();
    const first = await readNotesCached(loader, files, MAX_BYTES, 'code');
    expect(first.read).toBe(files.length);
    expect(first.outcomes).toEqual(fresh());
    await first.save();
    const again = await readNotesCached(loader, files, MAX_BYTES, 'code');
    expect(again.read).toBe(0);
    // Bodies, Maps of tag lines, dates without end: all as read.
    expect(again.outcomes).toEqual(fresh());
    expect(new Set(again.outcomes.map((outcome) => outcome.status))).toEqual(new Set(['published', 'unpublished', 'invalid']));
  });

  it('reads again a note whose text changed, and every note when the code or the size limit did', async () => {
    const loader = context();
    await (await readNotesCached(loader, files, MAX_BYTES, 'code')).save();
    const edited = files.map((file, index) => (index === 3 ? { ...file, text: `${file.text}\nAn added line.\n` } : file));
    const afterEdit = await readNotesCached(loader, edited, MAX_BYTES, 'code');
    expect(afterEdit.read).toBe(1);
    expect(afterEdit.outcomes).toEqual(edited.map((file) => readNoteFile(file, MAX_BYTES)));
    expect((await readNotesCached(loader, files, MAX_BYTES, 'other code')).read).toBe(files.length);
    expect((await readNotesCached(loader, files, MAX_BYTES - 1, 'code')).read).toBe(files.length);
  });

  it('keeps the notes as read, whatever the vault check does to them afterwards', async () => {
    const loader = context();
    const first = await readNotesCached(loader, files, MAX_BYTES, 'code');
    // The vault check fills in what it finds on the notes it was given (headings, links, references).
    for (const outcome of first.outcomes) if (outcome.status === 'published') outcome.note.tags.push('filled-in-later');
    await first.save();
    expect((await readNotesCached(loader, files, MAX_BYTES, 'code')).outcomes).toEqual(fresh());
  });

  it('is no cache when it is damaged', async () => {
    const loader = context();
    writeFileSync(new URL('garden-notes.v8', loader.config.cacheDir), 'not a cache');
    const reads = await readNotesCached(loader, files, MAX_BYTES, 'code');
    expect(reads.read).toBe(files.length);
    expect(reads.outcomes).toEqual(fresh());
  });

  it('checks a note over the size limit again, by its size', async () => {
    const loader = context();
    const huge = [{ path: files[0]!.path, text: '', size: MAX_BYTES + 1 }];
    await (await readNotesCached(loader, huge, MAX_BYTES, 'code')).save();
    const again = await readNotesCached(loader, huge, MAX_BYTES, 'code');
    expect(again.read).toBe(1);
    expect(again.outcomes[0]?.status).toBe('invalid');
  });
});
