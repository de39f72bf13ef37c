/**
 * The content layer over the Obsidian vault. It reads every note, applies the publish filter here —
 * once — so unpublished notes never enter the content store, and refuses to store anything while
 * the vault has problems: they are reported together, each with file and line, and the previous
 * store (and `dist/`) stays as it was.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import pLimit from 'p-limit';
import { z } from 'zod';
import { stripComments } from '../lib/comments.ts';
import type { NoteData } from '../lib/note.ts';
import type { Problem } from '../lib/types.ts';
import { formatProblems, isNotePath, listNoteFiles, loadVault, type PublishedNote } from '../lib/vault.ts';

export interface VaultLoaderOptions {
  /** The vault folder, relative to the project root or absolute. */
  contentDir: string;
}

export class VaultError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The vault has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`);
    this.name = 'VaultError';
  }
}

/** Bumped when rendering changes in a way a note's own text cannot show (a plugin's output, say). */
const RENDER_VERSION = '1';
const RENDER_CONCURRENCY = 8;

export function vaultLoader(options: VaultLoaderOptions): Loader {
  return {
    name: 'garden-vault',
    // The loader validates and normalises notes itself (src/lib/schema.ts), collecting every problem;
    // this schema only gives pages the type of what it stores.
    schema: z.custom<NoteData>(() => true),
    async load(context) {
      const root = resolve(fileURLToPath(context.config.root), options.contentDir);
      const sync = () => syncVault(context, root);
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
        pending = setTimeout(() => void syncInDev(), 50);
      };
      context.watcher.on('change', onChange);
      context.watcher.on('add', onChange);
      context.watcher.on('unlink', onChange);
      return undefined;
    },
  };
}

async function syncVault(context: LoaderContext, root: string): Promise<void> {
  const { store, logger } = context;
  const projectRoot = fileURLToPath(context.config.root);
  const displayPath = (file: string) => relative(projectRoot, join(root, file)).split('\\').join('/');

  const paths = listNoteFiles(root);
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })));
  const vault = loadVault(files, displayPath);
  for (const warning of vault.warnings) logger.warn(formatProblems([warning]));
  if (vault.problems.length > 0) throw new VaultError(vault.problems);

  const limit = pLimit(RENDER_CONCURRENCY);
  const prepared = await Promise.all(vault.notes.map((note) => limit(() => prepareEntry(context, root, displayPath, note))));
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
  logger.info(`${keep.size} published notes loaded from ${paths.length} notes in the vault`);
}

type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** One published note as a store entry: Markdown rendered now (or reused), MDX left to @astrojs/mdx. */
async function prepareEntry(
  { store, generateDigest, renderMarkdown }: LoaderContext,
  root: string,
  displayPath: (file: string) => string,
  { note, body, bodyLine }: PublishedNote,
): Promise<{ entry: StoreEntry } | { problem: Problem }> {
  const id = note.vaultPath;
  const filePath = displayPath(id);
  // The store skips an entry whose digest is unchanged, so the digest covers everything stored:
  // the normalised data (which depends on other notes through resolved links) and the body.
  const digest = generateDigest(JSON.stringify({ version: RENDER_VERSION, data: note, body }));
  if (note.format === 'mdx') {
    // MDX is compiled by @astrojs/mdx when the page renders it, with the same remark plugins.
    return { entry: { id, data: { ...note }, body, filePath, digest, deferredRender: true } };
  }
  const cached = store.get(id);
  try {
    // Rendering depends only on the body: reuse it while the body and the renderer are unchanged.
    const rendered =
      cached?.rendered && cached.body === body && cached.rendered.metadata?.renderVersion === RENDER_VERSION
        ? cached.rendered
        : await renderMarkdown(padToLine(stripComments(body), bodyLine), { fileURL: pathToFileURL(join(root, id)) }).then(
            (fresh) => ({ ...fresh, metadata: { ...fresh.metadata, renderVersion: RENDER_VERSION } }),
          );
    const inlineTags = (rendered.metadata?.frontmatter?.inlineTags as string[] | undefined) ?? [];
    const tags = [...new Set([...note.tags, ...inlineTags])].sort();
    const assetImports = rendered.metadata?.imagePaths ?? [];
    return {
      entry: {
        id,
        data: { ...note, tags },
        body,
        filePath,
        digest,
        rendered,
        ...(assetImports.length > 0 ? { assetImports } : {}),
      },
    };
  } catch (error) {
    const position = error as { line?: number; position?: { start?: { line?: number } } };
    const line = position.line ?? position.position?.start?.line;
    return {
      problem: { file: filePath, ...(line ? { line } : {}), message: `could not be rendered: ${(error as Error).message}` },
    };
  }
}

/** Blank lines in place of the frontmatter, so the Markdown parser's line numbers are the file's. */
function padToLine(body: string, line: number): string {
  return '\n'.repeat(Math.max(0, line - 1)) + body;
}
