import { defineCollection } from 'astro:content';
import { vaultLoader } from './loaders/vault-loader.ts';
import { siteConfig } from './site.config.ts';

export const collections = {
  notes: defineCollection({
    loader: vaultLoader({
      contentDir: siteConfig.contentDir,
      brokenLinks: siteConfig.brokenLinks,
      urlLock: siteConfig.urlLock,
      renderWorkers: siteConfig.renderWorkers,
      markdownProcessor: siteConfig.markdownProcessor,
      maxNoteSize: siteConfig.maxNoteSize,
    }),
  }),
};
