/** Feeds and metadata: RSS, a sitemap without redirect or retired pages, robots.txt, Open Graph. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, TMP, buildVault, readPage, type BuildResult } from '../helpers/build.ts';
import { parsePage } from '../helpers/html.ts';

const sitemapUrls = (root: string) =>
  [...parsePage(readFileSync(join(root, 'sitemap-0.xml'), 'utf8')).querySelectorAll('loc')].map(
    (loc) => new URL(loc.textContent ?? '').pathname,
  );

describe('the default site', () => {
  const { notes } = JSON.parse(readFileSync(join(DEFAULT_SITE, 'notes.json'), 'utf8')) as {
    notes: { url: string; title: string }[];
  };

  it('has an RSS feed of every listed note', () => {
    const feed = parsePage(readFileSync(join(DEFAULT_SITE, 'rss.xml'), 'utf8'));
    const links = [...feed.querySelectorAll('item > guid')].map((link) => new URL(link.textContent ?? '').pathname);
    expect(links.sort()).toEqual(notes.map((note) => note.url).sort());
  });

  it('lists every note and study page in the sitemap, and not the 404 page', () => {
    const urls = sitemapUrls(DEFAULT_SITE);
    for (const note of notes) expect(urls).toContain(note.url);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
  });

  it('points robots.txt at the sitemap', () => {
    expect(readFileSync(join(DEFAULT_SITE, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://notes.example.org/sitemap-index.xml',
    );
  });

  it('gives each note canonical, Open Graph and Twitter metadata with its own description', () => {
    const note = notes.find((entry) => entry.url.endsWith('glossary/kgb/')) as { url: string };
    const page = parsePage(readPage(DEFAULT_SITE, note.url));
    const meta = (selector: string) => page.querySelector(selector)?.getAttribute('content');
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://notes.example.org${note.url}`);
    expect(meta('meta[property="og:url"]')).toBe(`https://notes.example.org${note.url}`);
    expect(meta('meta[property="og:title"]')).toBe('KGB');
    expect(meta('meta[property="og:type"]')).toBe('article');
    expect(meta('meta[property="og:description"]')).toContain('security');
    expect(meta('meta[name="twitter:card"]')).toBe('summary');
  });
});

describe('the site URL', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildVault({
      contentDir: 'tests/fixtures/vault-links',
      outDir: join(TMP, 'feeds-links'),
      env: { GARDEN_URL_LOCK: '', GARDEN_SITE: 'https://study.example.net' },
    });
    expect(build.code, build.output).toBe(0);
  });

  it('comes from one config value, everywhere', () => {
    expect(readFileSync(join(build.outDir, 'robots.txt'), 'utf8')).toContain('https://study.example.net/sitemap-index.xml');
    expect(parsePage(readPage(build.outDir, '/notes/alpha/')).querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://study.example.net/notes/alpha/',
    );
    expect(readFileSync(join(build.outDir, 'rss.xml'), 'utf8')).toContain('https://study.example.net/notes/alpha/');
  });

  it('keeps redirect pages out of the sitemap', () => {
    const urls = sitemapUrls(build.outDir);
    expect(urls).toContain('/notes/sub/gamma/');
    expect(urls).not.toContain('/old/gamma/');
    expect(urls).not.toContain('/older/gamma-note/');
  });
});
