import { describe, expect, it } from 'vitest';
import { siteUrl, vaultPath } from '../../src/lib/util/types.ts';
import {
  hrefForUrl,
  noteUrl,
  routeParamForUrl,
  slugifySegment,
  urlFromPermalink,
  urlFromVaultPath,
  urlKey,
} from '../../src/lib/site/url.ts';

const SEED_PATH =
  "Network School/Lectures, Quizzes and References/Briefs, Timelines and Study Guides/Russian History/Russian History III/Russian History III - Khrushchev's Rise to Power and Leadership (Brief).md";
const SEED_URL =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/';

describe('rule 4: the vault path, slugified as the Digital Garden plugin does', () => {
  it('gives the seed note the URL course pages link to', () => {
    expect(urlFromVaultPath(SEED_PATH)).toBe(SEED_URL);
  });

  it('uses @sindresorhus/slugify 1.x, not 2.x or later', () => {
    // 1.x turns an apostrophe into a separator; 2.x+ drops it ("khrushchevs").
    expect(slugifySegment("Khrushchev's")).toBe('khrushchev-s');
    expect(slugifySegment("Khrushchev's")).not.toBe('khrushchevs');
    expect(slugifySegment('Lectures, Quizzes and References')).toBe('lectures-quizzes-and-references');
    expect(slugifySegment('Ünïcödé Straße')).toBe('uenicoede-strasse');
    expect(slugifySegment('Россия')).toBe('rossiya');
    expect(slugifySegment('Khrushchev & Kennedy')).toBe('khrushchev-and-kennedy');
  });

  it('drops .md and .mdx and keeps the folder structure', () => {
    expect(urlFromVaultPath('Course/Sub Folder/My Note.mdx')).toBe('/course/sub-folder/my-note/');
    expect(urlFromVaultPath('Top.md')).toBe('/top/');
  });
});

describe('rule 2: permalinks', () => {
  it('is used as written with slashes added at either end', () => {
    expect(urlFromPermalink('a/b')).toEqual({ ok: true, value: '/a/b/' });
    expect(urlFromPermalink('/a/b/')).toEqual({ ok: true, value: '/a/b/' });
    expect(urlFromPermalink(SEED_URL)).toEqual({ ok: true, value: SEED_URL });
  });

  it('allows letters of any script, digits, - _ . ~ and spaces', () => {
    for (const written of ['/история/заметки/', '/notes/my note/', '/a_b-c.d~e/', '/日本史/1868/', '/Kennedy & Khrushchev/']) {
      const result = urlFromPermalink(written);
      expect(result.ok, written).toBe(true);
    }
  });

  it.each([
    ['/a/../b/', '".." segment'],
    ['/a/./b/', '"." segment'],
    ['..', '".." segment'],
    ['/a//b/', 'empty segment'],
    ['/a/ /b/', 'empty segment'],
    ['/a\\b/', 'backslash'],
    ['/a%20b/', '%'],
    ['/a%2Fb/', '%'],
    ['/a?b=1/', '?'],
    ['/a#b/', '#'],
    ['/a\u0000b/', 'control character'],
    ['/a\nb/', 'control character'],
    ['/a\u007fb/', 'control character'],
    ['https://example.org/a/', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['//example.org/a/', 'host'],
    ['', 'empty'],
  ])('rejects %j (%s)', (written, reason) => {
    const result = urlFromPermalink(written);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('noteUrl: rules 1–4 in order', () => {
  const path = vaultPath('Folder/My Note.md');

  it('dg-home wins over everything', () => {
    expect(noteUrl({ vaultPath: path, home: true, permalink: '/x/' })).toEqual({
      ok: true,
      value: { url: '/', source: 'dg-home' },
    });
  });

  it('a permalink wins over dg-path and the vault path', () => {
    expect(noteUrl({ vaultPath: path, permalink: 'x/y', dgPath: 'Other/Place' })).toEqual({
      ok: true,
      value: { url: '/x/y/', source: 'permalink' },
    });
  });

  it('dg-path replaces the vault path and is then slugified', () => {
    expect(noteUrl({ vaultPath: path, dgPath: 'Other Folder/New Name' })).toEqual({
      ok: true,
      value: { url: '/other-folder/new-name/', source: 'dg-path' },
    });
  });

  it('names the key in its error', () => {
    const result = noteUrl({ vaultPath: path, permalink: '/a/../b/' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^permalink "\/a\/\.\.\/b\/" is not allowed/);
    const dgPath = noteUrl({ vaultPath: path, dgPath: 'a/../b' });
    expect(dgPath.ok).toBe(false);
  });

  it('falls back to the vault path', () => {
    expect(noteUrl({ vaultPath: path })).toEqual({ ok: true, value: { url: '/folder/my-note/', source: 'path' } });
  });

  it('refuses a name with no letter or digit, which would slugify to an empty URL part (found by the fuzz suite)', () => {
    expect(noteUrl({ vaultPath: vaultPath('#.md') })).toEqual({
      ok: false,
      reason:
        'its path cannot be its URL: "#" has no letter or digit to make a URL part of; give the note a permalink or another name',
    });
    expect(noteUrl({ vaultPath: vaultPath('Folder/!!!/Note.md') }).ok).toBe(false);
    expect(noteUrl({ vaultPath: path, dgPath: 'a/???/b' }).ok).toBe(false);
    expect(noteUrl({ vaultPath: vaultPath('#.md'), permalink: '/hash/' }).ok).toBe(true);
  });
});

describe('URL helpers', () => {
  it('compares URLs case-insensitively', () => {
    expect(urlKey(urlFromVaultPath('A.md'))).toBe(urlKey(siteUrl('/A/')));
    expect(urlKey(siteUrl('/Notes/Été/'))).toBe(urlKey(siteUrl('/notes/été/')));
  });

  it('turns URLs into route parameters and hrefs', () => {
    expect(routeParamForUrl(siteUrl('/'))).toBeUndefined();
    expect(routeParamForUrl(siteUrl('/a/b/'))).toBe('a/b');
    expect(hrefForUrl(siteUrl('/notes/my note/история/'))).toBe('/notes/my%20note/%D0%B8%D1%81%D1%82%D0%BE%D1%80%D0%B8%D1%8F/');
  });
});
