/** A bundle of the search index indexed in a child process (src/integrations/pagefind-bundle.ts). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { indexInChild } from '../../src/integrations/pagefind.ts';
import { siteUrl } from '../../src/lib/util/types.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';

const site = mkdtempSync(join(tmpdir(), 'pagefind-bundle-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
mkdirSync(join(site, 'alpha'));
writeFileSync(
  join(site, 'alpha/index.html'),
  '<!doctype html><html lang="en"><head><title>Alpha</title></head><body><main data-pagefind-body><h1>Alpha</h1><p>Words of the alpha page.</p></main></body></html>',
);

it('writes the bundle and reports its page count', async () => {
  const outputPath = join(site, 'pagefind-1');
  const child = indexInChild(PROJECT_ROOT, { site, urls: [siteUrl('/alpha/')], outputPath });
  expect(await child.pages).toBe(1);
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  expect(entry.languages.en?.page_count).toBe(1);
});

it('fails with the page it could not read named', async () => {
  const child = indexInChild(PROJECT_ROOT, {
    site,
    urls: [siteUrl('/alpha/'), siteUrl('/missing-page/')],
    outputPath: join(site, 'pagefind-2'),
  });
  await expect(child.pages).rejects.toThrow(/missing-page\/index\.html/);
});

it('stops when killed, failing its bundle', async () => {
  const child = indexInChild(PROJECT_ROOT, { site, urls: [siteUrl('/alpha/')], outputPath: join(site, 'pagefind-3') });
  child.kill();
  await expect(child.pages).rejects.toThrow(/stopped/);
});
