/**
 * Rendered note bodies, kept out of Astro's content store. Astro builds its whole data store into
 * one module (and keeps it in memory), so with every note's HTML in it a large vault made a
 * site-sized module. The loader stores only a name for each rendering — a hash of what it was
 * rendered from — and appends the HTML to a pack file in the cache folder; an index says where each
 * body is, and a page reads its note's body from there when it renders. The loader still renders
 * every note — and reports every problem — before it stores anything.
 *
 * Packs, not a file per note: at 5000 notes, writing the bodies as files took 1.5–1.7 s and 3 s of
 * processor time (almost all of it the kernel's, creating files), appending them to one pack 0.25 s;
 * reading them back 0.5 s against 0.1 s. Which older packs are folded into a build's pack and which
 * are deleted is src/lib/util/body-packs.ts.
 *
 * What the pages read is handed from the loader on globalThis: Astro loads the content loader and the
 * pages as separate module graphs in one process (as src/garden/route-handoff.ts).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packName, packNumber, planPacks, type BodyLocation } from '../lib/util/body-packs.ts';

/** The store's `rendered` of a Markdown note: Astro's shape, the HTML left out and named by `bodyKey`. */
export interface StoredRendering {
  html: string;
  metadata?: { bodyKey?: string; imagePaths?: string[]; [key: string]: unknown };
}

const FOLDER = 'garden-bodies/';
const INDEX = 'index.json';
const INDEX_VERSION = 1;

interface StoredIndex {
  version: number;
  /** The number of the next build's pack. */
  next: number;
  bodies: Record<string, BodyLocation>;
}

/** What the pages read: the folder and where each body is. */
interface Handoff {
  folder: string;
  bodies: ReadonlyMap<string, BodyLocation>;
}
const KEY = Symbol.for('study-garden.rendered-bodies');
type WithBodies = typeof globalThis & { [KEY]?: Handoff };

/** The folder of rendered bodies in Astro's cache folder. */
export function bodiesFolder(cacheDir: URL): string {
  return fileURLToPath(new URL(FOLDER, cacheDir));
}

function readIndex(folder: string): StoredIndex {
  try {
    const index = JSON.parse(readFileSync(join(folder, INDEX), 'utf8')) as StoredIndex;
    if (index.version === INDEX_VERSION && Number.isInteger(index.next) && index.bodies) return index;
  } catch {
    // No index, or a damaged one: no body is known, and every note is rendered again.
  }
  return { version: INDEX_VERSION, next: 1, bodies: {} };
}

const handOff = (folder: string, bodies: Record<string, BodyLocation>) => {
  (globalThis as WithBodies)[KEY] = { folder, bodies: new Map(Object.entries(bodies)) };
};

/**
 * The bodies of one load: those of earlier builds, and those this load renders, appended to a pack
 * of its own. Nothing it writes is seen — by the pages or by the next build — before `commit`.
 */
export class BodyStore {
  readonly #folder: string;
  readonly #index: StoredIndex;
  readonly #written = new Map<string, BodyLocation>();
  #pack: { name: string; handle: Promise<FileHandle>; size: number } | undefined;

  private constructor(folder: string, index: StoredIndex) {
    this.#folder = folder;
    this.#index = index;
  }

  /**
   * The folder's bodies as the last finished load left them. Until this load commits, the pages
   * read those (in `astro dev`, also while this load fails).
   */
  static open(folder: string): BodyStore {
    const index = readIndex(folder);
    if (!(globalThis as WithBodies)[KEY]) handOff(folder, index.bodies);
    return new BodyStore(folder, index);
  }

  has(key: string): boolean {
    return this.#written.has(key) || Object.hasOwn(this.#index.bodies, key);
  }

  /** Appends a body to this load's pack; concurrent writes each get their own place in it. */
  async write(key: string, html: string): Promise<void> {
    if (this.#written.has(key)) return;
    const bytes = Buffer.from(html, 'utf8');
    const pack = this.#openPack();
    const offset = pack.size;
    pack.size += bytes.length;
    this.#written.set(key, [pack.name, offset, bytes.length]);
    await writeAll(await pack.handle, bytes, offset);
  }

  /**
   * Makes the kept bodies the ones the pages and the next build see: the index is replaced in one
   * rename. With `prune` (a build, not `astro dev`, where a page may still read the previous load's
   * bodies), older packs that are mostly dropped bodies or small are folded into this load's pack,
   * and every file the index no longer names is deleted.
   */
  async commit(keep: ReadonlySet<string>, { prune }: { prune: boolean }): Promise<void> {
    try {
      const bodies: Record<string, BodyLocation> = {};
      for (const key of [...keep].sort()) {
        const location = this.#written.get(key) ?? this.#index.bodies[key];
        if (!location) throw new Error(`the rendered body ${key} was never written`);
        bodies[key] = location;
      }
      let remove: string[] = [];
      if (prune) {
        const sizes = await packSizes(this.#folder);
        const plan = planPacks(sizes, Object.values(bodies), this.#pack?.name);
        for (const [key, [pack, offset, length]] of Object.entries(bodies)) {
          if (!plan.fold.includes(pack)) continue;
          const bytes = readAt(join(this.#folder, pack), offset, length);
          const target = this.#openPack();
          bodies[key] = [target.name, target.size, length];
          target.size += length;
          await writeAll(await target.handle, bytes, target.size - length);
        }
        remove = plan.remove;
        for (const pack of plan.fold) forget(join(this.#folder, pack));
      }
      await this.#closePack();
      const index: StoredIndex = { version: INDEX_VERSION, next: this.#index.next + (this.#pack ? 1 : 0), bodies };
      await mkdir(this.#folder, { recursive: true });
      const file = join(this.#folder, INDEX);
      await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(index));
      await rename(`${file}.${process.pid}.tmp`, file);
      handOff(this.#folder, bodies);
      if (prune) {
        const named = new Set([INDEX, ...Object.values(bodies).map(([pack]) => pack)]);
        const files = await readdir(this.#folder).catch(() => [] as string[]);
        // Packs the plan drops, and whatever else is here: an unfinished build's pack, bodies of the
        // one-file-per-note layout before packs.
        const stale = files.filter((name) => !named.has(name) || remove.includes(name));
        await Promise.all(stale.map((name) => rm(join(this.#folder, name), { force: true })));
      }
    } finally {
      await this.#closePack();
    }
  }

  /** Closes this load's pack if a commit never comes (the load failed); its file is pruned later. */
  async close(): Promise<void> {
    await this.#closePack();
  }

  #openPack() {
    if (!this.#pack) {
      const name = packName(this.#index.next);
      const handle = mkdir(this.#folder, { recursive: true }).then(() => open(join(this.#folder, name), 'w'));
      // A failure to open is reported by the write that awaits it.
      handle.catch(() => {});
      this.#pack = { name, handle, size: 0 };
    }
    return this.#pack;
  }

  #closed = false;
  async #closePack(): Promise<void> {
    if (!this.#pack || this.#closed) return;
    this.#closed = true;
    const handle = await this.#pack.handle.catch(() => undefined);
    await handle?.close();
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer, offset: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, offset + done);
    done += bytesWritten;
  }
}

async function packSizes(folder: string): Promise<Map<string, number>> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => packNumber(name) !== undefined);
  return new Map(await Promise.all(names.map(async (name) => [name, (await stat(join(folder, name))).size] as const)));
}

/** The pages' open packs, by path: one descriptor each for the whole build. */
const descriptors = new Map<string, number>();
process.once('exit', () => {
  for (const fd of descriptors.values()) closeSync(fd);
});

/** Closes a pack's descriptor before the pack is deleted. */
function forget(file: string): void {
  const fd = descriptors.get(file);
  if (fd === undefined) return;
  descriptors.delete(file);
  closeSync(fd);
}

/**
 * A body's bytes, read at once: a few kilobytes from a file the system has just written (in its page
 * cache), which takes microseconds — less than handing the read to another thread and back.
 */
function readAt(file: string, offset: number, length: number): Buffer {
  let fd = descriptors.get(file);
  if (fd === undefined) {
    fd = openSync(file, 'r');
    descriptors.set(file, fd);
  }
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const bytesRead = readSync(fd, buffer, done, length - done, offset + done);
    if (bytesRead === 0) throw new Error(`${file} ends before the body at ${offset} (${length} bytes)`);
    done += bytesRead;
  }
  return buffer;
}

/** The HTML of a stored Markdown note; an MDX note (rendered by @astrojs/mdx) has none. */
export async function renderedHtml(entry: { id: string; rendered?: StoredRendering }): Promise<string | undefined> {
  const key = entry.rendered?.metadata?.bodyKey;
  if (!key) return undefined;
  const handoff = (globalThis as WithBodies)[KEY];
  if (!handoff) throw new Error(`${entry.id}: its rendered body is read before the vault loader has run`);
  const location = handoff.bodies.get(key);
  if (!location) throw new Error(`${entry.id}: its rendered body ${key} is not in ${handoff.folder}`);
  const [pack, offset, length] = location;
  return readAt(join(handoff.folder, pack), offset, length).toString('utf8');
}

/** The entry as Astro's `render()` takes it: with its rendered HTML read back in. */
export async function withRenderedBody<Entry extends { id: string; rendered?: StoredRendering }>(entry: Entry): Promise<Entry> {
  const html = await renderedHtml(entry);
  return html === undefined || !entry.rendered ? entry : { ...entry, rendered: { ...entry.rendered, html } };
}
