/** `/rss.xml`: the published notes, newest first (by `updated`, else `created`), for feed readers. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getGarden } from '../garden/index.ts';
import { displayTitle, summaryOf } from '../lib/note/note-data.ts';
import { hrefForUrl } from '../lib/site/url.ts';
import { compareCodePoints } from '../lib/vault/files.ts';
import siteConfig from 'virtual:garden/config';

export async function GET(context: APIContext) {
  const garden = await getGarden();
  const dated = (note: { updated?: string; created?: string }) => note.updated ?? note.created ?? '';
  const notes = garden.notes
    .filter((note) => !note.hidden)
    .sort((a, b) => compareCodePoints(dated(b), dated(a)) || compareCodePoints(a.url, b.url));
  return rss({
    title: siteConfig.title,
    description: siteConfig.description,
    site: context.site ?? siteConfig.site,
    items: notes.map((note) => ({
      title: displayTitle(note),
      link: hrefForUrl(note.url),
      description: summaryOf(note) ?? '',
      ...(dated(note) ? { pubDate: new Date(`${dated(note)}T00:00:00Z`) } : {}),
      categories: note.tags,
    })),
  });
}
