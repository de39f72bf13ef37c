/**
 * The content layer over the Obsidian vault. It reads every note, applies the publish filter here —
 * once — so unpublished notes never enter the content store, and refuses to store anything while
 * the vault has problems: they are reported together, each with file and line, and the previous
 * store (and `dist/`) stays as it was.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { NoteData } from '../lib/note/note.ts';
import type { Problem, VaultPath } from '../lib/util/types.ts';
import { glossaryNames } from '../lib/note/glossary.ts';
import { renderableBody } from '../lib/note/note.ts';
import { createTermMatcher } from '../lib/syntax/terms.ts';
import { formatProblems } from '../lib/vault/problems.ts';
import { isNotePath, listVaultFiles } from '../lib/vault/files.ts';
import { completeVault, type LoadedVault, type PublishedNote } from '../lib/vault/vault.ts';
import {
  readVault,
  runScanJob,
  type ReadVault,
  type StoredScan,
  type ScanFailure,
  lineOf,
  withoutFailedScans,
} from '../lib/vault/read.ts';
import { checkUrlLock, foreignLockMessage, missingUrlMessage, parseUrlLock, type UrlLock } from '../lib/site/url-lock.ts';
import { buildGarden } from '../lib/site/garden.ts';
import { routeTable, servedUrls } from '../lib/site/routes.ts';
import { setRouteHandoff } from '../garden/route-handoff.ts';
import { setPublishedMedia } from '../integrations/media.ts';
import { createLinkContext, setLinkContext } from '../markdown/link-context.ts';
import { DEFAULT_MAX_NOTE_SIZE, MEGABYTE, failureMessage } from '../lib/vault/limits.ts';
import type { MarkdownProcessorName } from '../markdown/processor.ts';
import { createWorkerPool, WorkerJobError, type WorkerPool } from './worker-pool.ts';

export interface VaultLoaderOptions {
  /** The vault folder, relative to the project root or absolute. */
  contentDir: string;
  /** What a dead link does: fail the build (`error`) or list it and render plain text (`warn`). */
  brokenLinks: 'error' | 'warn';
  /** The URL lock file, relative to the project root; empty for none. */
  urlLock: string;
  /** Render worker threads: a number, or `auto` (see src/config/options.ts). */
  renderWorkers?: 'auto' | number;
  /** Which Markdown processor renders the notes (workers build the same one); part of the render cache's key. */
  markdownProcessor: MarkdownProcessorName;
  /** The largest note, in MB (src/lib/vault/limits.ts has the default). */
  maxNoteSize?: number;
}

export class VaultError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The vault has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`);
    this.name = 'VaultError';
    // The problems are the author's, each with its file and line: where in the loader they were found
    // is no help, so Astro prints the message without a stack trace.
    this.stack = '';
  }
}

/**
 * The code that turns Markdown into HTML. A cached rendering is reused only while it is unchanged:
 * Astro resets its content cache when the config changes, but not when a plugin's code does.
 */
const RENDERER_SOURCES = ['src/markdown', 'src/lib', 'astro.config.mjs', 'package-lock.json'];
/** Notes rendered at once on the main thread (four times as many with workers, to keep them fed). */
const RENDER_CONCURRENCY = 8;
/** Below this many notes to render, starting worker threads costs more than it saves. */
const WORKERS_FROM = 100;
/** Render workers at most: each loads the whole Markdown pipeline, and more stop paying on a laptop. */
const MAX_RENDER_WORKERS = 4;
/** In `astro dev`, changes this close together (a save that writes several files, a git checkout) sync once. */
const DEV_SYNC_DEBOUNCE_MS = 50;

export function vaultLoader(options: VaultLoaderOptions): Loader {
  return {
    name: 'garden-vault',
    // The loader validates and normalises notes itself (src/lib/note/schema.ts), collecting every problem;
    // this schema only gives pages the type of what it stores.
    schema: z.custom<NoteData>(() => true),
    async load(context) {
      const root = resolve(fileURLToPath(context.config.root), options.contentDir);
      const sync = () => syncVault(context, root, options);
      if (!context.watcher) return sync();
      // In `astro dev` a problem is logged, not fatal: the author fixes the file and the site reloads.
      const syncInDev = () =>
        sync().catch((error: unknown) => {
          context.logger.error(error instanceof Error ? error.message : String(error));
        });
      await syncInDev();
      context.watcher.add(root);
      let pending: ReturnType<typeof setTimeout> | undefined;
      const onChange = (path: string) => {
        if (!path.startsWith(root) || !isNotePath(relative(root, path).split('\\').join('/'))) return;
        clearTimeout(pending);
        pending = setTimeout(() => void syncInDev(), DEV_SYNC_DEBOUNCE_MS);
      };
      context.watcher.on('change', onChange);
      context.watcher.on('add', onChange);
      context.watcher.on('unlink', onChange);
      return undefined;
    },
  };
}

async function syncVault(context: LoaderContext, root: string, options: VaultLoaderOptions): Promise<void> {
  const { store, logger } = context;
  const projectRoot = fileURLToPath(context.config.root);
  const displayPath = (file: string) => relative(projectRoot, join(root, file)).split('\\').join('/');

  const { notes: paths, attachments } = listVaultFiles(root);
  const started = performance.now();
  const maxNoteBytes = (options.maxNoteSize ?? DEFAULT_MAX_NOTE_SIZE) * MEGABYTE;
  // A note over the size limit is not even read: readVault reports it by its size.
  const files = await Promise.all(
    paths.map(async (path) => {
      const { size } = await stat(join(root, path));
      return size > maxNoteBytes ? { path, text: '', size } : { path, text: await readFile(join(root, path), 'utf8') };
    }),
  );
  const loadOptions = { displayPath, attachments, brokenLinks: options.brokenLinks, maxNoteBytes };
  let read = readVault(files, loadOptions);
  // Worker threads start only for a build with enough to scan or render.
  let pool: WorkerPool | undefined;
  const poolFor = (jobs: number) => {
    const size = workerCount(options.renderWorkers, jobs);
    if (!pool && size > 0) pool = createWorkerPool(pathToFileURL(join(projectRoot, 'src/loaders/vault-worker.ts')), size);
    return size > 0 ? pool : undefined;
  };
  try {
    const scanCache = await readScanCache(context, read);
    const toScan = read.scanJobs.filter((job) => !scanCache.hits.has(job.vaultPath));
    const scans = new Map(scanCache.hits);
    // A scan that fails (on a thread or here) is a problem naming its note, and the note is left out.
    const failures: ScanFailure[] = [];
    const scanPool = poolFor(toScan.length);
    if (scanPool) {
      await scanPool.setupScans(read.terms);
      await Promise.all(
        toScan.map((job) =>
          scanPool.scan(job).then(
            (scan) => void scans.set(job.vaultPath, scan),
            (error: unknown) => void failures.push({ vaultPath: job.vaultPath, error }),
          ),
        ),
      );
    } else {
      const termMatcher = createTermMatcher(glossaryNames(read.terms));
      for (const job of toScan) {
        try {
          scans.set(job.vaultPath, runScanJob(job, termMatcher));
        } catch (error) {
          failures.push({ vaultPath: job.vaultPath, error });
        }
      }
    }
    read = withoutFailedScans(read, failures, loadOptions);
    const vault = completeVault(read, scans, loadOptions);
    for (const warning of vault.warnings) logger.warn(formatProblems([warning]));
    const lockProblems = await checkRoutes(projectRoot, options.urlLock, vault, logger);
    if (vault.problems.length > 0 || lockProblems.length > 0) throw new VaultError([...vault.problems, ...lockProblems]);
    await writeScanCache(context, scanCache.keys, scans);
    setLinkContext(createLinkContext(root, vault.links, vault.notes));
    setPublishedMedia(root, vault.media);
    const checked = performance.now();
    // A note's HTML depends on the notes it links to (their URLs, titles, summaries, headings) and the
    // bodies of the notes it embeds: a change to any of those re-renders every note.
    const embedded = new Set(
      vault.notes.flatMap(({ note }) => note.links.filter((link) => link.embed).map((link) => link.target)),
    );
    const vaultDigest = context.generateDigest(
      JSON.stringify([
        options.markdownProcessor,
        await rendererSources(projectRoot),
        attachments,
        vault.notes.map(({ note, body }) => [
          note.vaultPath,
          note.url,
          note.title,
          note.type === 'term' ? [note.term, note.definition, note.aliases] : note.description,
          note.headings,
          embedded.has(note.vaultPath) ? body : '',
        ]),
      ]),
    );

    const toRender = vault.notes.filter((entry) => entry.note.format !== 'mdx' && !cachedRendering(store, entry, vaultDigest));
    const renderPool = poolFor(toRender.length);
    if (renderPool) {
      const { markdown, image } = context.config;
      await renderPool.setupRenders({
        root,
        linkTargets: vault.linkTargets,
        attachments,
        notes: vault.notes.map(({ note, body }) => ({ note, body })),
        processor: options.markdownProcessor,
        // What Astro's own renderMarkdown passes to the processor.
        rendererOptions: structuredClone({
          image,
          syntaxHighlight: markdown.syntaxHighlight,
          shikiConfig: markdown.shikiConfig,
          gfm: markdown.gfm,
          smartypants: markdown.smartypants,
        }),
      });
    }
    const render: RenderMarkdown = renderPool
      ? (markdown, renderOptions) => renderInPool(renderPool, markdown, renderOptions?.fileURL)
      : context.renderMarkdown;
    const limit = pLimit(renderPool ? RENDER_CONCURRENCY * 4 : RENDER_CONCURRENCY);
    const prepared = await Promise.all(
      vault.notes.map((note) => limit(() => prepareEntry(context, render, root, displayPath, vaultDigest, note))),
    );
    const renderProblems = prepared.flatMap((result) => ('problem' in result ? [result.problem] : []));
    if (renderProblems.length > 0) throw new VaultError(renderProblems);

    // Only now, with the whole vault valid, is the store changed.
    const keep = new Set<string>();
    for (const result of prepared) {
      if ('problem' in result) continue;
      keep.add(result.entry.id);
      store.set(result.entry);
    }
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    const threads = (used: WorkerPool | undefined) => (used ? ` on ${used.size} threads` : '');
    logger.info(
      `${keep.size} published notes loaded from ${paths.length} notes in the vault: ${toScan.length} scanned${threads(scanPool)} ` +
        `and the vault checked in ${seconds(started, checked)}, ${toRender.length} rendered in ${seconds(checked, performance.now())}${threads(renderPool)}`,
    );
  } finally {
    await pool?.close();
  }
}

type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** One published note as a store entry: Markdown rendered now (or reused), MDX left to @astrojs/mdx. */
async function prepareEntry(
  { store, generateDigest }: LoaderContext,
  renderMarkdown: RenderMarkdown,
  root: string,
  displayPath: (file: string) => string,
  vaultDigest: string,
  { note, body, bodyLine }: PublishedNote,
): Promise<{ entry: StoreEntry } | { problem: Problem }> {
  const id = note.vaultPath;
  const filePath = displayPath(id);
  // The store skips an entry whose digest is unchanged, so the digest covers everything stored:
  // the normalised data (which depends on other notes through resolved links) and the body.
  const digest = generateDigest(JSON.stringify({ vaultDigest, data: note, body }));
  if (note.format === 'mdx') {
    // MDX is compiled by @astrojs/mdx when the page renders it, with the same remark plugins.
    return { entry: { id, data: { ...note }, body, filePath, digest, deferredRender: true } };
  }
  try {
    const renderKey = vaultDigest;
    const rendered =
      cachedRendering(store, { note, body }, vaultDigest) ??
      (await renderMarkdown(renderableBody(body, bodyLine), { fileURL: pathToFileURL(join(root, id)) }).then((fresh) => ({
        ...fresh,
        metadata: { ...fresh.metadata, renderKey },
      })));
    const assetImports = rendered?.metadata?.imagePaths ?? [];
    const outside = await imagesOutside(root, id, assetImports);
    if (outside.length > 0) {
      // Never reached while every image goes through the vault's file list (src/lib/render/link-render.ts).
      return { problem: { file: filePath, message: `images outside the vault may not be published: ${outside.join(', ')}` } };
    }
    return {
      entry: {
        id,
        data: { ...note },
        body,
        filePath,
        digest,
        rendered,
        ...(assetImports.length > 0 ? { assetImports } : {}),
      },
    };
  } catch (error) {
    return { problem: { file: filePath, ...lineOf(error), message: `could not be rendered: ${failureMessage(error)}` } };
  }
}

/**
 * The local images a rendering hands Astro's image pipeline that are not files inside the vault
 * (after symlinks): a last guard, so the pipeline never copies or optimises a file from elsewhere.
 */
async function imagesOutside(root: string, note: VaultPath, images: readonly string[]): Promise<string[]> {
  const vault = await realpath(root);
  const checked = await Promise.all(
    images
      .filter((image) => !URL.canParse(image))
      .map(async (image) => {
        const path = (() => {
          try {
            return decodeURIComponent(image);
          } catch {
            return image;
          }
        })();
        const file = await realpath(resolve(dirname(join(root, note)), path)).catch(() => undefined);
        return file?.startsWith(vault + sep) ? [] : [image];
      }),
  );
  return checked.flat();
}

type RenderMarkdown = LoaderContext['renderMarkdown'];
type Rendered = Awaited<ReturnType<RenderMarkdown>>;

/**
 * Scans from earlier builds, reused while the note's Markdown, its reserved ids and (for briefs) the
 * glossary's names are the same: a rebuild after one edit scans one note. Kept in Astro's cache folder.
 */
const SCAN_CACHE = 'garden-scans.json';
const SCAN_CACHE_VERSION = 7;

interface ScanCache {
  hits: Map<VaultPath, StoredScan>;
  keys: Map<VaultPath, string>;
}

async function readScanCache({ config, generateDigest }: LoaderContext, read: ReadVault): Promise<ScanCache> {
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

/** Written whole to a temporary file and renamed, so a stopped build never leaves half a cache. */
async function writeScanCache({ config }: LoaderContext, keys: Map<VaultPath, string>, scans: Map<VaultPath, StoredScan>) {
  const entries = Object.fromEntries([...scans].map(([path, scan]) => [path, { key: keys.get(path), scan }]));
  const file = fileURLToPath(new URL(SCAN_CACHE, config.cacheDir));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(entries));
  await rename(`${file}.tmp`, file);
}

/** Rendering depends on the body and the vault around it: it is reused while neither nor the renderer changed. */
function cachedRendering(store: LoaderContext['store'], { note, body }: Pick<PublishedNote, 'note' | 'body'>, renderKey: string) {
  const cached = store.get(note.vaultPath);
  return cached?.rendered && cached.body === body && cached.rendered.metadata?.renderKey === renderKey
    ? cached.rendered
    : undefined;
}

function workerCount(option: VaultLoaderOptions['renderWorkers'], notesToRender: number): number {
  if (typeof option === 'number') return option;
  return notesToRender >= WORKERS_FROM ? Math.min(availableParallelism(), MAX_RENDER_WORKERS) : 0;
}

/** A body rendered by a worker, in the shape Astro's own renderMarkdown gives. */
async function renderInPool(pool: WorkerPool, markdown: string, fileURL: URL | undefined): Promise<Rendered> {
  if (!fileURL) throw new WorkerJobError('a note is rendered with its file URL');
  const { code, metadata } = await pool.render(markdown, fileURL);
  const images = (key: string) => (Array.isArray(metadata[key]) ? (metadata[key] as string[]) : []);
  return {
    html: code,
    metadata: { ...metadata, imagePaths: [...images('localImagePaths'), ...images('remoteImagePaths')] },
  };
}

/** The text of every file the rendering depends on, for the render cache's key. */
async function rendererSources(projectRoot: string): Promise<string[]> {
  const files = RENDERER_SOURCES.flatMap((path) => {
    const absolute = join(projectRoot, path);
    try {
      return readdirSync(absolute, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name));
    } catch {
      return [absolute];
    }
  });
  return Promise.all(files.sort().map((file) => readFile(file, 'utf8').catch(() => '')));
}

/**
 * The route table of the vault and the URL lock's retired URLs, handed to the pages and the sitemap;
 * and every locked URL must still be served (by a page, a redirect or a retirement).
 */
async function checkRoutes(
  projectRoot: string,
  lockFile: string,
  vault: LoadedVault,
  logger: LoaderContext['logger'],
): Promise<Problem[]> {
  const garden = buildGarden(vault.notes.map((entry) => entry.note));
  const handOver = (retired: UrlLock['retired']) => {
    const routes = routeTable(garden, retired);
    setRouteHandoff(routes, retired);
    return routes;
  };
  const text = lockFile ? await readFile(join(projectRoot, lockFile), 'utf8').catch(() => undefined) : undefined;
  if (text === undefined) {
    handOver([]);
    if (lockFile)
      logger.warn(`There is no URL lock (${lockFile}) yet: run \`npm run urls\` to lock the URLs this site publishes.`);
    return [];
  }
  const parsed = parseUrlLock(text);
  if (!parsed.ok) return [{ file: lockFile, message: parsed.reason }];
  const served = servedUrls(handOver(parsed.lock.retired));
  const check = checkUrlLock(parsed.lock, served);
  const foreign = foreignLockMessage(parsed.lock, served, check, lockFile);
  if (foreign) return [{ file: lockFile, message: foreign }];
  if (check.unlocked.length > 0) {
    logger.warn(
      `${check.unlocked.length} URL(s) are not in ${lockFile} yet (run \`npm run urls\` to lock them): ${check.unlocked.join(', ')}`,
    );
  }
  return [
    ...check.missing.map((url) => ({ file: lockFile, message: missingUrlMessage(url, lockFile) })),
    ...check.revived.map((url) => ({
      file: lockFile,
      message: `${url} is retired in ${lockFile} but a note serves it again; remove it from "retired"`,
    })),
  ];
}
