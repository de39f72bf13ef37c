/**
 * The bench's floor renders with the Markdown processor of the site build it is compared with, and
 * by default with the site's default one: site/floor then measures what the garden adds, not which
 * processor renders. It generates as many pages at once as the site does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveGardenOptions } from '../../src/config/options.ts';
import garden from '../../src/integration.ts';

async function floorProcessor(env: string | undefined): Promise<string> {
  vi.resetModules();
  if (env === undefined) delete process.env.FLOOR_MARKDOWN_PROCESSOR;
  else process.env.FLOOR_MARKDOWN_PROCESSOR = env;
  const { default: config } = await import('../../bench/floor/astro.config.mjs');
  return config.markdown?.processor?.name ?? 'none';
}

describe('bench/floor', () => {
  afterEach(() => {
    delete process.env.FLOOR_MARKDOWN_PROCESSOR;
  });

  it("renders with the site's default processor unless told otherwise", async () => {
    expect(await floorProcessor(undefined)).toBe(resolveGardenOptions({}, {}).markdownProcessor);
  });

  it('generates as many pages at once as the site', async () => {
    vi.resetModules();
    const { default: floor } = await import('../../bench/floor/astro.config.mjs');
    let site: { build?: { concurrency?: number } } = {};
    const setup = garden().hooks['astro:config:setup'] as unknown as (params: object) => void;
    setup({
      config: { root: new URL('../../', import.meta.url) },
      updateConfig: (update: typeof site) => void (site = update),
    });
    expect(site.build?.concurrency).toBeGreaterThan(1);
    expect(floor.build?.concurrency).toBe(site.build?.concurrency);
  });

  it('renders with the processor FLOOR_MARKDOWN_PROCESSOR names', async () => {
    expect(await floorProcessor('unified')).toBe('unified');
    expect(await floorProcessor('satteri')).toBe('satteri');
    await expect(floorProcessor('remark')).rejects.toThrow(/FLOOR_MARKDOWN_PROCESSOR/);
  });
});
