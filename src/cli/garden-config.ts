/**
 * The site's options for a tool that runs outside Astro (`npm run urls`): the ones given to
 * `garden({...})` in astro.config.mjs, read by loading that file as Astro does, with this run's
 * GARDEN_* overrides.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroUserConfig } from 'astro';
import type { GardenConfig } from '../config/options.ts';
import { GARDEN_INTEGRATION, type GardenIntegration } from '../integration.ts';

export async function gardenConfig(projectRoot: string): Promise<GardenConfig> {
  const file = join(projectRoot, 'astro.config.mjs');
  const { default: astroConfig } = (await import(pathToFileURL(file).href)) as { default: AstroUserConfig };
  const found = (astroConfig.integrations ?? [])
    .flat()
    .find((integration): integration is GardenIntegration => !!integration && integration.name === GARDEN_INTEGRATION);
  if (!found) throw new Error(`${file}: no garden({...}) in its integrations`);
  return found.config;
}
