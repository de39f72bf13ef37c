/** A published note as the content store keeps it: its data and the name of its rendered body, or MDX left for its page. */
import { realpath } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { renderableBody } from '../lib/note/note.ts';
import { storedNote } from '../lib/note/stored-note.ts';
import type { Problem, VaultPath } from '../lib/util/types.ts';
import { failureMessage } from '../lib/vault/limits.ts';
import { lineOf } from '../lib/vault/read.ts';
import type { PublishedNote } from '../lib/vault/vault.ts';
import { cachedRendering, type RenderMarkdown } from './render-cache.ts';
import type { BodyStore } from './rendered-bodies.ts';

type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** What a note's HTML is rendered from, hashed: the name of its rendered body (src/loaders/rendered-bodies.ts). */
export function bodyKeyOf(
  generateDigest: LoaderContext['generateDigest'],
  vaultDigest: string,
  { note, body, bodyLine }: Pick<PublishedNote, 'note' | 'body' | 'bodyLine'>,
): string {
  return generateDigest(JSON.stringify([vaultDigest, note.vaultPath, bodyLine, body]));
}

/**
 * One published note as a store entry: Markdown rendered now (or reused) and its HTML written to
 * the load's bodies, MDX left to @astrojs/mdx.
 */
export async function prepareEntry(
  { store, generateDigest }: LoaderContext,
  renderMarkdown: RenderMarkdown,
  { root, bodies }: { root: string; bodies: BodyStore },
  displayPath: (file: string) => string,
  vaultDigest: string,
  { note, body, bodyLine }: PublishedNote,
  bodyKey: string,
): Promise<{ entry: StoreEntry } | { problem: Problem }> {
  const id = note.vaultPath;
  const filePath = displayPath(id);
  // The store skips an entry whose digest is unchanged, so the digest covers everything stored: the
  // normalised data (which depends on other notes through resolved links) and the body, which the
  // body key (bodyKeyOf) is a hash of.
  const digest = generateDigest(JSON.stringify({ vaultDigest, data: note, bodyKey }));
  if (note.format === 'mdx') {
    // MDX is compiled by @astrojs/mdx when the page renders it, with the same remark plugins.
    return { entry: { id, data: { ...storedNote(note) }, body, filePath, digest, deferredRender: true } };
  }
  try {
    const cached = cachedRendering(store, id, bodyKey);
    const rendered =
      cached && bodies.has(bodyKey)
        ? cached
        : await renderMarkdown(renderableBody(body, bodyLine), { fileURL: pathToFileURL(join(root, id)) }).then(
            async ({ html, metadata }) => {
              await bodies.write(bodyKey, html);
              // Only what the page's render() reads stays in the store: the images to resolve, and the
              // name of the HTML it reads back (NoteBody.astro). Headings are the note's own data already.
              const imagePaths = Array.isArray(metadata?.imagePaths) ? metadata.imagePaths : [];
              return { html: '', metadata: { imagePaths, bodyKey } };
            },
          );
    const assetImports = rendered?.metadata?.imagePaths ?? [];
    const outside = await imagesOutside(root, id, assetImports);
    if (outside.length > 0) {
      // Never reached while every image goes through the vault's file list (src/lib/render/link-render.ts).
      return { problem: { file: filePath, message: `images outside the vault may not be published: ${outside.join(', ')}` } };
    }
    return {
      entry: {
        id,
        data: { ...storedNote(note) },
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
