import { describe, expect, it } from 'vitest';
import { parseSiteUrl, parseVaultPath, siteUrl, vaultPath } from '../../src/lib/util/types.ts';
import { parseUrlLock } from '../../src/lib/site/url-lock.ts';

describe('checked constructors of the branded paths', () => {
  it('accepts site URLs with a slash at both ends and refuses the rest', () => {
    for (const url of ['/', '/a/', '/a/b c/история/']) expect(parseSiteUrl(url)).toEqual({ ok: true, value: url });
    for (const url of ['', 'a/', '/a', '/a//b/', '//', '/./', '/a/../b/'])
      expect(parseSiteUrl(url).ok, JSON.stringify(url)).toBe(false);
    expect(() => siteUrl('/tags//')).toThrow('"/tags//" is not a site URL: it has an empty segment');
  });

  it('accepts relative vault paths with an extension and refuses the rest', () => {
    for (const path of ['A.md', 'Folder/My Note.md', 'a\\b:c/.md', 'map.png'])
      expect(parseVaultPath(path)).toEqual({ ok: true, value: path });
    for (const path of ['', '/A.md', 'Folder/', 'a//b.md', './A.md', 'a/../b.md', 'Folder/Note'])
      expect(parseVaultPath(path).ok, JSON.stringify(path)).toBe(false);
    expect(() => vaultPath('../outside.md')).toThrow('"../outside.md" is not a vault path: it has a ".." segment');
  });

  it('refuses a URL lock whose URLs are no site URLs', () => {
    const parsed = parseUrlLock(JSON.stringify({ published: ['/a/', '/b//c/'] }));
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('"/b//c/" is not a site URL') });
  });
});
