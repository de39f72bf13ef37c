/**
 * The search index, built at compile time with Pagefind's Node API once Astro has written every page
 * (the Starlight pattern). Only note bodies are indexed — pages mark theirs with `data-pagefind-body`,
 * so the home, 404, redirect and retired pages never are. Languages are indexed apart (Pagefind's
 * multilingual indexing). An indexing error fails the build, and the
 * Pagefind service is always closed.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'garden-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          // Each language gets an index of its own, by the pages' `<html lang>` (a note's `lang`, else
          // the site's), with its own stemming; a page's search loads the index of its language.
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${added.page_count} pages for search`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
