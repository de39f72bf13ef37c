/**
 * Writes each main embed's oEmbed file (src/lib/output/oembed-files.ts) into the built site, from the
 * route table the vault loader hands over, once Astro has written the pages. Files only a build
 * makes, like the sitemap and the search index: `astro dev` serves none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { routeHandoff } from '../garden/route-handoff.ts';
import { oembedFiles, type OembedProvider } from '../lib/output/oembed-files.ts';

export default function oembedIntegration(provider: OembedProvider): AstroIntegration {
  return {
    name: 'garden-oembed',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const routes = routeHandoff();
        if (!routes) throw new Error('The oEmbed files need the route table, which the vault loader hands over');
        const site = fileURLToPath(dir);
        // Synchronous: each embed's folder exists already (its page is there), and there is nothing
        // else to do meanwhile.
        for (const file of oembedFiles(routes.oembeds, provider)) {
          const path = join(site, ...file.path.split('/'));
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.text);
        }
      },
    },
  };
}
