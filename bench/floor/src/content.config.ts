import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const vault = process.env.FLOOR_CONTENT_DIR;
if (!vault) throw new Error('Set FLOOR_CONTENT_DIR to the vault folder the floor should build');

export const collections = {
  notes: defineCollection({
    loader: glob({ pattern: '**/*.md', base: vault }),
    schema: z.looseObject({
      title: z.string().optional(),
      permalink: z.string().optional(),
      'dg-publish': z.boolean().optional(),
    }),
  }),
};
