/**
 * The oEmbed description of each note's main embed (src/lib/site/embed-urls.ts), a static JSON file
 * beside the embed: the note's page and the embed announce it (`<link rel="alternate"
 * type="application/json+oembed">`), so an editor that speaks oEmbed turns a pasted link into the embed.
 */
import type { APIRoute } from 'astro';
import siteConfig from 'virtual:garden/config';
import { pathsOf } from '../../../garden/index.ts';
import { oembedJson } from '../../../lib/site/embed-urls.ts';
import { displayTitle } from '../../../lib/note/note-data.ts';
import { EMBED_ROUTE, type Route } from '../../../lib/site/routes.ts';
import { hrefForUrl } from '../../../lib/site/url.ts';

export async function getStaticPaths() {
  return (await pathsOf(EMBED_ROUTE, 'path')).filter((path) => path.props.route.kind === 'embed' && path.props.route.main);
}

export const GET: APIRoute = ({ props, site }) => {
  const { route } = props as { route: Route };
  if (route.kind !== 'embed') throw new Error(`${route.url} is not an embed`);
  const origin = site ?? new URL(siteConfig.site);
  const json = oembedJson({
    src: new URL(hrefForUrl(route.url), origin).href,
    title: displayTitle(route.note),
    view: route.embed.view,
    providerName: siteConfig.title,
    providerUrl: new URL('/', origin).href,
  });
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
