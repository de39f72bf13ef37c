import { defineCollection } from 'astro:content';
import config from 'virtual:garden/config';
import { vaultLoader } from './loaders/vault-loader.ts';

export const collections = {
  notes: defineCollection({
    loader: vaultLoader({
      contentDir: config.contentDir,
      brokenLinks: config.brokenLinks,
      urlLock: config.urlLock,
      renderWorkers: config.renderWorkers,
      markdownProcessor: config.markdownProcessor,
      maxNoteSize: config.maxNoteSize,
      citationStyle: config.citationStyle,
    }),
  }),
};
