/** The scan cache: each note's body scan, kept between builds in Astro's cache folder. */
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { glossaryNames } from '../lib/note/glossary.ts';
import type { VaultPath } from '../lib/util/types.ts';
import type { ReadVault, StoredScan } from '../lib/vault/read.ts';

/**
 * Scans from earlier builds, reused while the note's Markdown, its reserved ids and (for briefs) the
 * glossary's names are the same: a rebuild after one edit scans one note. Kept in Astro's cache folder.
 */
const SCAN_CACHE = 'garden-scans.json';
const SCAN_CACHE_VERSION = 8;

interface ScanCache {
  hits: Map<VaultPath, StoredScan>;
  keys: Map<VaultPath, string>;
}

export async function readScanCache({ config, generateDigest }: LoaderContext, read: ReadVault): Promise<ScanCache> {
  const glossary = generateDigest(JSON.stringify(glossaryNames(read.terms)));
  const keys = new Map(
    read.scanJobs.map((job) => [
      job.vaultPath,
      generateDigest(JSON.stringify([SCAN_CACHE_VERSION, job, job.terms ? glossary : ''])),
    ]),
  );
  const hits = new Map<VaultPath, StoredScan>();
  const text = await readFile(new URL(SCAN_CACHE, config.cacheDir), 'utf8').catch(() => undefined);
  let stored: Record<string, { key: string; scan: StoredScan }> = {};
  try {
    stored = text ? (JSON.parse(text) as typeof stored) : {};
  } catch {
    // A damaged cache is no cache: every note is scanned again.
  }
  for (const [path, key] of keys) {
    const entry = stored[path];
    if (entry?.key === key) hits.set(path, entry.scan);
  }
  return { hits, keys };
}

/** Whether an earlier load left a scan cache (a first or clean build has none). */
export async function hasScanCache({ config }: LoaderContext): Promise<boolean> {
  return access(new URL(SCAN_CACHE, config.cacheDir)).then(
    () => true,
    () => false,
  );
}

/** Written whole to a temporary file and renamed, so a stopped build never leaves half a cache. */
export async function writeScanCache({ config }: LoaderContext, keys: Map<VaultPath, string>, scans: Map<VaultPath, StoredScan>) {
  const entries = Object.fromEntries([...scans].map(([path, scan]) => [path, { key: keys.get(path), scan }]));
  const file = fileURLToPath(new URL(SCAN_CACHE, config.cacheDir));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(entries));
  await rename(`${file}.tmp`, file);
}
