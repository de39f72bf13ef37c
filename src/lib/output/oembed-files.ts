/**
 * The oEmbed file of each main embed (oembed.com, `type: rich`): `oembed.json` beside the embed, which
 * its note's page and the embed announce (`<link rel="alternate" type="application/json+oembed">`), so
 * an editor that speaks oEmbed turns a pasted link to the note into the embed.
 *
 * They are data, not pages: written in one step after the pages (src/integrations/oembed.ts), as the
 * sitemap is, rather than as an Astro route each — a route costs about 1.3 ms of Astro's own work
 * whatever it writes, 2.4 s for the 1 770 files of a 5 000-note vault, against 0.1 s written here.
 */
import { oembedJson, oembedUrl } from '../site/embed-urls.ts';
import type { OembedSource } from '../site/routes.ts';
import { hrefForUrl } from '../site/url.ts';

export interface OembedFile {
  /** Where the file goes, relative to the built site (POSIX, decoded, as Astro writes a URL's page). */
  path: string;
  text: string;
}

/** The site the files describe the embeds of: its public origin and its name (the oEmbed provider). */
export interface OembedProvider {
  site: string;
  title: string;
}

export function oembedFiles(sources: readonly OembedSource[], provider: OembedProvider): OembedFile[] {
  const origin = new URL(provider.site);
  const providerUrl = new URL('/', origin).href;
  return sources.map((source) => {
    const json = oembedJson({
      src: new URL(hrefForUrl(source.url), origin).href,
      title: source.title,
      view: source.view,
      providerName: provider.title,
      providerUrl,
    });
    return { path: oembedUrl(source.url).slice(1), text: `${JSON.stringify(json, null, 2)}\n` };
  });
}
