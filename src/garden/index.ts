/**
 * The garden model for pages: built once per build from the content store (every page awaits the
 * same promise), never recomputed per page. The dev server rebuilds it per request instead, so an
 * edited note shows on the next reload.
 */
import { getCollection } from 'astro:content';
import { buildGarden, type Garden } from '../lib/site/garden.ts';
import { noteFromStore, type StoredNote } from '../lib/note/stored-note.ts';
import siteConfig from 'virtual:garden/config';
import { cartridgeSite } from '../lib/site/course-cartridge.ts';
import { cartridgeRoutes, routeTable, staticPaths, type Route } from '../lib/site/routes.ts';
import { routeHandoff } from './route-handoff.ts';

let built: Promise<{ garden: Garden; routes: Route[] }> | undefined;

const load = () =>
  getCollection('notes').then((entries) => {
    const garden = buildGarden(
      // The store keeps a timeline's dates as their EDTF text (src/lib/note/stored-note.ts).
      entries.map((entry) => noteFromStore(entry.data as StoredNote)),
      { lang: siteConfig.lang },
    );
    // The retired URLs come from the URL lock the loader has read and checked.
    return { garden, routes: routeTable(garden, routeHandoff()?.retired ?? [], garden.pageKeys) };
  });

function model() {
  if (import.meta.env.DEV) return load();
  built ??= load();
  return built;
}

export async function getGarden(): Promise<Garden> {
  return (await model()).garden;
}

/** Every page of the site (src/lib/site/routes.ts), with its props and cache key. */
async function getRoutes(): Promise<Route[]> {
  return (await model()).routes;
}

/** A page file's `getStaticPaths`: its routes of the route table, each route the page's props. */
export async function pathsOf<Name extends string>(source: string, paramName: Name) {
  return staticPaths(await getRoutes(), source, paramName);
}

/** The course cartridges' `getStaticPaths`: none while `site` is the placeholder (src/lib/site/course-cartridge.ts). */
export async function cartridgePaths() {
  if (!cartridgeSite(siteConfig.site)) return [];
  return cartridgeRoutes(await getGarden()).map((route) => ({
    params: { course: route.param },
    props: { course: route.course },
  }));
}
