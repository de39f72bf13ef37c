/** A published note as the content store keeps it: rendered HTML, or MDX left for its page. */
import { realpath } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { renderableBody } from '../lib/note/note.ts';
import type { Problem, VaultPath } from '../lib/util/types.ts';
import { failureMessage } from '../lib/vault/limits.ts';
import { lineOf } from '../lib/vault/read.ts';
import type { PublishedNote } from '../lib/vault/vault.ts';
import { cachedRendering, type RenderMarkdown } from './render-cache.ts';

type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** One published note as a store entry: Markdown rendered now (or reused), MDX left to @astrojs/mdx. */
export async function prepareEntry(
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
    const rendered =
      cachedRendering(store, { note, body }, vaultDigest) ??
      (await renderMarkdown(renderableBody(body, bodyLine), { fileURL: pathToFileURL(join(root, id)) }).then((fresh) => ({
        ...fresh,
        metadata: { ...fresh.metadata, renderKey: vaultDigest },
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
  const local = images.filter((image) => !URL.canParse(image));
  if (local.length === 0) return [];
  const vault = await realpath(root);
  const checked = await Promise.all(
    local.map(async (image) => {
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
