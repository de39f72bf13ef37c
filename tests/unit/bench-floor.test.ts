/**
 * The bench's floor renders with the Markdown processor of the site build it is compared with, and
 * by default with the site's default one: site/floor then measures what the garden adds, not which
 * processor renders.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveGardenOptions } from '../../src/config/options.ts';

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

  it('renders with the processor FLOOR_MARKDOWN_PROCESSOR names', async () => {
    expect(await floorProcessor('unified')).toBe('unified');
    expect(await floorProcessor('satteri')).toBe('satteri');
    await expect(floorProcessor('remark')).rejects.toThrow(/FLOOR_MARKDOWN_PROCESSOR/);
  });
});
