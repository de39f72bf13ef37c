/**
 * `/search-names.json`: the names search suggests from when a query finds nothing ("Did you mean …?"),
 * by language (src/lib/site/search-names.ts). The search UI fetches it only then.
 */
import type { APIRoute } from 'astro';
import siteConfig from 'virtual:garden/config';
import { getGarden } from '../garden/index.ts';
import { searchNames } from '../lib/site/search-names.ts';

export const GET: APIRoute = async () => {
  const garden = await getGarden();
  return new Response(JSON.stringify(searchNames(garden.notes, siteConfig.lang)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
