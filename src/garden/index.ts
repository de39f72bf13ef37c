/**
 * The garden model for pages: built once per build from the content store (every page awaits the
 * same promise), never recomputed per page. The dev server rebuilds it per request instead, so an
 * edited note shows on the next reload.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { buildGarden, type Garden } from '../lib/garden.ts';
import { parseUrlLock, type UrlLock } from '../lib/url-lock.ts';
import siteConfig from 'virtual:garden/config';

let built: Promise<Garden> | undefined;

const load = () =>
  getCollection('notes').then((entries) =>
    buildGarden(
      entries.map((entry) => entry.data),
      { lang: siteConfig.lang },
    ),
  );

export function getGarden(): Promise<Garden> {
  if (import.meta.env.DEV) return load();
  built ??= load();
  return built;
}

/** URLs retired in the URL lock: each serves a page that says so (the loader has checked the file). */
export async function getRetiredUrls(): Promise<UrlLock['retired']> {
  if (!siteConfig.urlLock) return [];
  const text = await readFile(join(process.cwd(), siteConfig.urlLock), 'utf8').catch(() => undefined);
  const parsed = text === undefined ? undefined : parseUrlLock(text);
  return parsed?.ok ? parsed.lock.retired : [];
}
