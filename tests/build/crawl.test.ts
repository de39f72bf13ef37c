/** Every internal href, src and #fragment in the built sites resolves: 0 broken links. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, TMP, buildVault, listFiles } from '../helpers/build.ts';
import { parsePage } from '../helpers/html.ts';

/** Every broken internal reference in a built site, as "page → href". */
function crawl(root: string): string[] {
  const ids = new Map<string, Set<string>>();
  const pageFile = (path: string) => {
    const file = join(root, decodeURIComponent(path));
    if (existsSync(file) && statSync(file).isFile()) return file;
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  };
  const idsOf = (file: string) => {
    if (!ids.has(file))
      ids.set(file, new Set([...parsePage(readFileSync(file, 'utf8')).querySelectorAll('[id]')].map((element) => element.id)));
    return ids.get(file) as Set<string>;
  };
  const broken: string[] = [];
  for (const page of listFiles(root).filter((file) => file.endsWith('.html'))) {
    const document = parsePage(readFileSync(join(root, page), 'utf8'));
    const base = `/${page.replace(/index\.html$/, '')}`;
    for (const element of document.querySelectorAll('[href], [src]')) {
      const reference = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(reference)) continue;
      const url = new URL(reference, `https://site.test${base}`);
      const target = pageFile(url.pathname);
      if (!target) {
        broken.push(`${page} → ${reference}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment))
        broken.push(`${page} → ${reference} (no #${fragment})`);
    }
  }
  return broken;
}

describe('crawling every page', () => {
  it('finds no broken internal link in the default site', () => {
    expect(crawl(DEFAULT_SITE)).toEqual([]);
  });

  it('finds no broken internal link in the link fixture vault', async () => {
    const build = await buildVault({
      contentDir: 'tests/fixtures/vault-links',
      outDir: join(TMP, 'crawl-links'),
      env: { GARDEN_URL_LOCK: '' },
    });
    expect(build.code, build.output).toBe(0);
    expect(crawl(build.outDir)).toEqual([]);
  });

  it('notices a dead link and a dead fragment', () => {
    const probe = join(TMP, 'crawl-probe');
    mkdirSync(join(probe, 'a'), { recursive: true });
    writeFileSync(
      join(probe, 'a/index.html'),
      '<p id="here"><a href="/missing/">x</a><a href="#nowhere">y</a><a href="#here">z</a></p>',
    );
    expect(crawl(probe)).toEqual(['a/index.html → /missing/', 'a/index.html → #nowhere (no #nowhere)']);
  });
});
