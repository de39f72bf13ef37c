/** The render cache: a note's HTML is reused while its body, the vault around it and the renderer are unchanged. */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';

/**
 * The code that turns Markdown into HTML. A cached rendering is reused only while it is unchanged:
 * Astro resets its content cache when the config changes, but not when a plugin's code does.
 */
const RENDERER_SOURCES = ['src/markdown', 'src/lib', 'astro.config.mjs', 'package-lock.json'];

export type RenderMarkdown = LoaderContext['renderMarkdown'];
export type Rendered = Awaited<ReturnType<RenderMarkdown>>;

/**
 * Rendering depends on the body and the vault around it: it is reused while neither nor the renderer
 * changed, which the body's key (src/loaders/rendered-bodies.ts) is a hash of.
 */
export function cachedRendering(store: LoaderContext['store'], vaultPath: string, bodyKey: string) {
  const cached = store.get(vaultPath);
  return cached?.rendered?.metadata?.bodyKey === bodyKey ? cached.rendered : undefined;
}

/** The text of every file the rendering depends on, for the render cache's key. */
export async function rendererSources(projectRoot: string): Promise<string[]> {
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
