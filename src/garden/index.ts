/**
 * The garden model for pages: built once per build from the content store (every page awaits the
 * same promise), never recomputed per page. The dev server rebuilds it per request instead, so an
 * edited note shows on the next reload.
 */
import { getCollection } from 'astro:content';
import { buildGarden, type Garden } from '../lib/garden.ts';

let built: Promise<Garden> | undefined;

const load = () => getCollection('notes').then((entries) => buildGarden(entries.map((entry) => entry.data)));

export function getGarden(): Promise<Garden> {
  if (import.meta.env.DEV) return load();
  built ??= load();
  return built;
}
