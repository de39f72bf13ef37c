/**
 * The content layer over the Obsidian vault. It reads every note, applies the publish filter here —
 * once — so unpublished notes never enter the content store, and refuses to store anything while
 * the vault has problems: they are reported together, each with file and line, and the previous
 * store (and `dist/`) stays as it was.
 */
import { availableParallelism } from 'node:os';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { NoteData } from '../lib/note/note-data.ts';
import type { Problem } from '../lib/util/types.ts';
import { glossaryNames } from '../lib/note/glossary.ts';
import { createTermMatcher } from '../lib/syntax/terms.ts';
import { formatProblems } from '../lib/vault/problems.ts';
import { isNotePath, listVaultFiles } from '../lib/vault/files.ts';
import { isBibliographyPath, type BibliographyFile } from '../lib/vault/bibliography.ts';
import { completeVault } from '../lib/vault/vault.ts';
import { readVault, runScanJob, type ScanFailure, withoutFailedScans } from '../lib/vault/read.ts';
import { setPublishedMedia } from '../integrations/media.ts';
import { createLinkContext, setLinkContext } from '../markdown/link-context.ts';
import { DEFAULT_MAX_NOTE_SIZE, MEGABYTE } from '../lib/vault/limits.ts';
import type { MarkdownProcessorName } from '../markdown/processor.ts';
import { checkRoutes } from './lock-check.ts';
import { cachedRendering, rendererSources, type RenderMarkdown, type Rendered } from './render-cache.ts';
import { readNotesCached } from './read-cache.ts';
import { hasScanCache, readScanCache, writeScanCache } from './scan-cache.ts';
import { BodyStore, bodiesFolder } from './rendered-bodies.ts';
import { bodyKeyOf, prepareEntry } from './store-entry.ts';
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
  /** The CSL file citations are formatted in, relative to the project root; empty for Chicago author-date. */
  citationStyle?: string;
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
        const inVault = relative(root, path).split('\\').join('/');
        if (!path.startsWith(root) || !(isNotePath(inVault) || isBibliographyPath(inVault))) return;
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

  // The rendered bodies: the pages read those of the previous load until this one commits its own.
  const bodies = BodyStore.open(bodiesFolder(context.config.cacheDir));
  const { notes: paths, attachments } = listVaultFiles(root);
  const started = performance.now();
  const maxNoteBytes = (options.maxNoteSize ?? DEFAULT_MAX_NOTE_SIZE) * MEGABYTE;
  // A note over the size limit is not even read: readVault reports it by its size. One file after
  // another, synchronously: 0.15–0.4 s for 5 000 notes, against 0.6–1.0 s with 64 awaited at a time,
  // and a single file open whatever the vault's size.
  const files = paths.map((path) => {
    const file = join(root, path);
    const { size } = statSync(file);
    return size > maxNoteBytes ? { path, text: '', size } : { path, text: readFileSync(file, 'utf8') };
  });
  const { bibliography, citationStyle } = await readCitationFiles(root, projectRoot, attachments, options.citationStyle);
  const loadOptions = {
    displayPath,
    attachments,
    brokenLinks: options.brokenLinks,
    maxNoteBytes,
    // The scan reads a body with the parser that renders it.
    scanParser: options.markdownProcessor === 'satteri' ? ('satteri' as const) : ('micromark' as const),
    bibliography,
    ...(citationStyle !== undefined ? { citationStyle } : {}),
  };
  // Worker threads start only for a build with enough to scan or render.
  let pool: WorkerPool | undefined;
  const poolFor = (jobs: number) => {
    const size = workerCount(options.renderWorkers, jobs);
    if (!pool && size > 0) pool = createWorkerPool(pathToFileURL(join(projectRoot, 'src/loaders/vault-worker.ts')), size);
    return size > 0 ? pool : undefined;
  };
  try {
    // Without a scan cache every note is scanned and rendered: the threads load their code while this
    // one reads the vault, instead of after it.
    if (!(await hasScanCache(context))) poolFor(files.length);
    // What the site's code is: it keys the read cache, and the render cache through the vault digest.
    const codeKey = context.generateDigest(JSON.stringify(await rendererSources(projectRoot)));
    const reads = await readNotesCached(context, files, maxNoteBytes, codeKey);
    let read = readVault(files, loadOptions, reads.outcomes);
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
    await reads.save();
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
        codeKey,
        attachments,
        vault.notes.map(({ note, body }) => [
          note.vaultPath,
          note.url,
          note.title,
          note.type === 'term' ? [note.term, note.definition, note.aliases] : note.description,
          note.headings,
          embedded.has(note.vaultPath) ? body : '',
          // Its citations, formatted: a change to the bibliography or the style re-renders the notes that cite.
          note.citations ?? null,
        ]),
      ]),
    );

    // Each note's body key, computed once: it hashes the whole body.
    const bodyKeys = new Map(vault.notes.map((entry) => [entry, bodyKeyOf(context.generateDigest, vaultDigest, entry)]));
    const toRender = vault.notes.filter(
      (entry) => entry.note.format !== 'mdx' && !cachedRendering(store, entry.note.vaultPath, bodyKeys.get(entry) as string),
    );
    const renderPool = poolFor(toRender.length);
    if (renderPool) {
      const { markdown, image } = context.config;
      await renderPool.setupRenders({
        root,
        linkTargets: vault.linkTargets,
        attachments,
        // A body is read only to embed it (src/lib/render/embeds.ts): the others are not copied to every thread.
        notes: vault.notes.map(({ note, body }) => ({ note, body: embedded.has(note.vaultPath) ? body : '' })),
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
      vault.notes.map((note) =>
        limit(() =>
          prepareEntry(context, render, { root, bodies }, displayPath, vaultDigest, note, bodyKeys.get(note) as string),
        ),
      ),
    );
    const renderProblems = prepared.flatMap((result) => ('problem' in result ? [result.problem] : []));
    if (renderProblems.length > 0) throw new VaultError(renderProblems);

    // Only now, with the whole vault valid, are the bodies and the store changed: the bodies first,
    // so that no stored entry names a body the pages cannot find.
    const entries = prepared.flatMap((result) => ('entry' in result ? [result.entry] : []));
    const storedBodies = entries.map((entry) => entry.rendered?.metadata?.bodyKey).filter((key) => typeof key === 'string');
    // In `astro dev` a page may still be reading a body of the previous load: the next build prunes.
    await bodies.commit(new Set(storedBodies), { prune: !context.watcher });
    const keep = new Set(entries.map((entry) => entry.id));
    for (const entry of entries) store.set(entry);
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
    const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    const threads = (used: WorkerPool | undefined) => (used ? ` on ${used.size} threads` : '');
    logger.info(
      `${keep.size} published notes loaded from ${paths.length} notes in the vault: ${reads.read} read, ${toScan.length} scanned${threads(scanPool)} ` +
        `and the vault checked in ${seconds(started, checked)}, ${toRender.length} rendered in ${seconds(checked, performance.now())}${threads(renderPool)}`,
    );
  } finally {
    await bodies.close();
    await pool?.close();
  }
}

/** The vault's bibliographies (src/lib/vault/bibliography.ts) and the site's CSL style, read. */
async function readCitationFiles(
  root: string,
  projectRoot: string,
  attachments: readonly string[],
  style: string | undefined,
): Promise<{ bibliography: BibliographyFile[]; citationStyle?: string }> {
  const bibliography = await Promise.all(
    attachments.filter(isBibliographyPath).map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })),
  );
  if (!style) return { bibliography };
  const text = await readFile(resolve(projectRoot, style), 'utf8').catch(() => undefined);
  if (text === undefined || !/<style\b[\s\S]*<citation\b/.test(text)) {
    throw new VaultError([{ file: style, message: 'the citationStyle option names no CSL style file (.csl) that can be read' }]);
  }
  return { bibliography, citationStyle: text };
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
