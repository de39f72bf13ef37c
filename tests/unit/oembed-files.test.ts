/** The oEmbed files written after the pages (src/lib/output/oembed-files.ts, src/lib/site/routes.ts `oembedSources`). */
import { describe, expect, it } from 'vitest';
import { oembedFiles } from '../../src/lib/output/oembed-files.ts';
import { buildGarden } from '../../src/lib/site/garden.ts';
import { oembedSources, routeTable } from '../../src/lib/site/routes.ts';
import { siteUrl, vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

const note = (path: string, frontmatter: string, body = 'Body.') => ({
  path: vaultPath(path),
  text: `---\ndg-publish: true\n${frontmatter}\n---\n${body}\n`,
});

const vault = loadVault([
  note('История/История.md', 'type: course\ntitle: История'),
  // A permalink may keep letters other than ASCII: the file is at the decoded path, the URL encoded.
  note('История/KGB.md', 'type: term\nterm: KGB & "NKVD"\ndefinition: The Soviet security agency.\npermalink: /история/kgb/'),
  note('История/Brief.md', 'type: brief\ntitle: Brief\ntakeaways: [One]'),
  note('История/Plain.md', 'title: Plain'),
]);
expect(formatProblems(vault.problems)).toBe('');
const routes = routeTable(buildGarden(vault.notes.map((entry) => entry.note)), []);

describe('oEmbed sources', () => {
  it('are the main embeds of the route table, in URL order: no section embed has one', () => {
    const mains = routes.filter((route) => route.kind === 'embed' && route.main).map((route) => route.url);
    expect(mains.length).toBeGreaterThan(0);
    const sources = oembedSources(routes);
    expect(sources.map((source) => source.url)).toEqual([...mains].sort());
    expect(sources.some((source) => source.view === 'section')).toBe(false);
    // The term's card is its main embed, titled by the term.
    expect(sources).toContainEqual({ url: siteUrl('/embed/term/история/kgb/'), title: 'KGB & "NKVD"', view: 'term' });
  });
});

describe('oEmbed files', () => {
  const files = oembedFiles(oembedSources(routes), { site: 'https://notes.example.org/', title: 'Study & Notes' });

  it('sit beside their embed, at its decoded path, one per main embed', () => {
    expect(files.map((file) => file.path)).toEqual(oembedSources(routes).map((source) => `${source.url.slice(1)}oembed.json`));
    expect(files.map((file) => file.path)).toContain('embed/term/история/kgb/oembed.json');
  });

  it('describe the embed at its absolute, encoded URL, as two-space JSON ending in a line break', () => {
    const kgb = files.find((file) => file.path === 'embed/term/история/kgb/oembed.json');
    expect(kgb?.text.endsWith('}\n')).toBe(true);
    expect(kgb?.text).toContain('\n  "version": "1.0",\n');
    const json = JSON.parse(kgb?.text ?? '') as Record<string, unknown>;
    const src = 'https://notes.example.org/embed/term/%D0%B8%D1%81%D1%82%D0%BE%D1%80%D0%B8%D1%8F/kgb/';
    expect(json).toEqual({
      version: '1.0',
      type: 'rich',
      title: 'KGB & "NKVD"',
      provider_name: 'Study & Notes',
      provider_url: 'https://notes.example.org/',
      html: `<iframe src="${src}" title="KGB &amp; &quot;NKVD&quot;" width="100%" height="240" style="border:0" loading="lazy"></iframe>`,
      width: 640,
      height: 240,
    });
  });

  it('take the provider from the site’s origin, wherever the site option points', () => {
    const [first] = oembedFiles(oembedSources(routes), { site: 'https://example.edu/notes', title: 'T' });
    expect(JSON.parse(first?.text ?? '')).toMatchObject({ provider_url: 'https://example.edu/' });
  });
});
