/**
 * Publishes the vault files that published notes embed or link (videos, sounds, PDFs; src/lib/render/media.ts)
 * at their media URL: copied into the build, served by the dev server. The vault loader says which
 * files (the only ones: nothing else of the vault is served); it lives on globalThis because Astro
 * loads the config and the content loader as separate module graphs in one process.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MEDIA_PREFIX, mediaPath } from '../lib/render/media.ts';

const KEY = Symbol.for('study-garden.published-media');
type WithMedia = typeof globalThis & { [KEY]?: { root: string; files: ReadonlySet<string> } };

export function setPublishedMedia(root: string, files: readonly string[]): void {
  (globalThis as WithMedia)[KEY] = { root, files: new Set(files) };
}

function publishedMedia() {
  return (globalThis as WithMedia)[KEY];
}

/** The vault folder the published files come from, once the vault loader has read it. */
export function publishedMediaRoot(): string | undefined {
  return publishedMedia()?.root;
}

/** The file on disk, only when it is a published one and really inside the vault (no symlink out). */
async function sourceOf(path: string): Promise<string | undefined> {
  const media = publishedMedia();
  if (!media?.files.has(path)) return undefined;
  const root = await realpath(media.root);
  const file = await realpath(join(media.root, path)).catch(() => undefined);
  return file?.startsWith(root + sep) ? file : undefined;
}

const TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  pdf: 'application/pdf',
};

export default function mediaIntegration(): AstroIntegration {
  return {
    name: 'garden-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = mediaPath(new URL(request.url ?? '/', 'http://localhost').pathname);
          if (!path) return next();
          sourceOf(path).then(
            (file) => {
              if (!file) return next();
              response.setHeader('content-type', TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream');
              createReadStream(file).pipe(response);
            },
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const files = [...(publishedMedia()?.files ?? [])];
        for (const path of files) {
          const source = await sourceOf(path);
          if (!source) throw new Error(`${path} is not a file inside the vault; it cannot be published`);
          const target = join(fileURLToPath(dir), MEDIA_PREFIX, ...path.split('/'));
          await mkdir(dirname(target), { recursive: true });
          await copyFile(source, target);
        }
        if (files.length > 0)
          logger.info(`Published ${files.length} media file${files.length === 1 ? '' : 's'} below ${MEDIA_PREFIX}`);
      },
    },
  };
}
