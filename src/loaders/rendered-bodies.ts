/**
 * Rendered note bodies, kept out of Astro's content store. Astro builds its whole data store into
 * one module (and keeps it in memory), so with every note's HTML in it a large vault made a
 * site-sized module. The loader writes each rendering to a file of its own in the cache folder,
 * named by a hash of what it was rendered from, and stores only that name; a page reads its note's
 * body when it renders. The loader still renders every note — and reports every problem — before it
 * stores anything.
 *
 * The folder is handed from the loader to the pages on globalThis: Astro loads the content loader
 * and the pages as separate module graphs in one process (as src/garden/route-handoff.ts).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The store's `rendered` of a Markdown note: Astro's shape, the HTML left out and named by `bodyKey`. */
export interface StoredRendering {
  html: string;
  metadata?: { bodyKey?: string; imagePaths?: string[]; [key: string]: unknown };
}

const FOLDER = 'garden-bodies/';
const KEY = Symbol.for('study-garden.rendered-bodies');
type WithBodies = typeof globalThis & { [KEY]?: string };

/** The folder of rendered bodies in Astro's cache folder. */
export function bodiesFolder(cacheDir: URL): string {
  return fileURLToPath(new URL(FOLDER, cacheDir));
}

/** Called by the loader before it stores any entry that names a body. */
export function setBodiesFolder(folder: string): void {
  (globalThis as WithBodies)[KEY] = folder;
}

/** A body's file name: the hash is the key, so the name says which rendering it holds. */
const fileOf = (folder: string, key: string) => join(folder, `${key}.html`);

/** Written to a temporary file and renamed, so a page never reads half a body. */
export async function writeBody(folder: string, key: string, html: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const file = fileOf(folder, key);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, html);
  await rename(temporary, file);
}

export async function hasBody(folder: string, key: string): Promise<boolean> {
  return stat(fileOf(folder, key)).then(
    () => true,
    () => false,
  );
}

/** Removes the bodies no stored note names (earlier renderings of edited notes, deleted notes). */
export async function pruneBodies(folder: string, keep: ReadonlySet<string>): Promise<void> {
  const files = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    files.filter((file) => !keep.has(file.replace(/\.html$/, ''))).map((file) => rm(join(folder, file), { force: true })),
  );
}

/** The HTML of a stored Markdown note; an MDX note (rendered by @astrojs/mdx) has none. */
export async function renderedHtml(entry: { id: string; rendered?: StoredRendering }): Promise<string | undefined> {
  const key = entry.rendered?.metadata?.bodyKey;
  if (!key) return undefined;
  const folder = (globalThis as WithBodies)[KEY];
  if (!folder) throw new Error(`${entry.id}: its rendered body is read before the vault loader has run`);
  return readFile(fileOf(folder, key), 'utf8');
}

/** The entry as Astro's `render()` takes it: with its rendered HTML read back in. */
export async function withRenderedBody<Entry extends { id: string; rendered?: StoredRendering }>(entry: Entry): Promise<Entry> {
  const html = await renderedHtml(entry);
  return html === undefined || !entry.rendered ? entry : { ...entry, rendered: { ...entry.rendered, html } };
}
