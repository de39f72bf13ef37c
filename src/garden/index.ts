/**
 * The garden model for pages: built once per build from the content store (every page awaits the
 * same promise), never recomputed per page.
 */
import { getCollection } from 'astro:content';
import { buildGarden, type Garden } from '../lib/garden.ts';

let garden: Promise<Garden> | undefined;

export function getGarden(): Promise<Garden> {
  garden ??= getCollection('notes').then((entries) => buildGarden(entries.map((entry) => entry.data)));
  return garden;
}
