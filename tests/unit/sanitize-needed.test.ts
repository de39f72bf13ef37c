/** Which notes skip sanitizing, and that skipping never lets through what the sanitizer would change. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { isSafeUrl, needsSanitizing, SAFE_PROTOCOLS } from '../../src/lib/render/sanitize-needed.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { setSanitizeEveryNote } from '../../src/markdown/rehype-safe-html.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';
import { createRenderer, loadRenderableFiles } from '../helpers/markdown-render.ts';

describe('isSafeUrl, as the sanitizer reads a URL', () => {
  it('allows relative URLs and the listed schemes, in any case', () => {
    for (const url of [
      '',
      'page/',
      '../a b.png',
      '#x:y',
      '/tags/a:b/',
      'a/b:c',
      '?q=a:b',
      'https://x.org',
      'HTTP://x.org',
      'mailto:a@b.c',
    ]) {
      expect(isSafeUrl(url, SAFE_PROTOCOLS.href), url).toBe(true);
    }
  });
  it('refuses any other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isSafeUrl(url, SAFE_PROTOCOLS.href), url).toBe(false);
    }
    expect(isSafeUrl('mailto:a@b.c', SAFE_PROTOCOLS.src)).toBe(false);
  });
  it('marks raw HTML, footnotes, task items and unsafe URLs, and nothing else', () => {
    expect(needsSanitizing({ type: 'html' })).toBe(true);
    expect(needsSanitizing({ type: 'footnoteReference' })).toBe(true);
    expect(needsSanitizing({ type: 'listItem', checked: false })).toBe(true);
    expect(needsSanitizing({ type: 'listItem', checked: null })).toBe(false);
    expect(needsSanitizing({ type: 'link', url: 'javascript:x' })).toBe(true);
    expect(needsSanitizing({ type: 'definition', url: 'mailto:a@b.c' })).toBe(true);
    expect(needsSanitizing({ type: 'link', url: 'Other.md' })).toBe(false);
    expect(needsSanitizing({ type: 'paragraph' })).toBe(false);
  });
});

const NOTES: Record<string, string> = {
  'Clean.md': '---\ndg-publish: true\n---\n# Clean\n\nA [link](https://example.org) and [[Dirty]].\n\n![[Dirty]]\n',
  'Dirty.md':
    '---\ndg-publish: true\n---\nRaw <img src=x onerror="alert(1)"> and <script>alert(2)</script> here.\n\n<div data-preview-text="forged" id="main">x</div>\n',
  'Scheme.md': '---\ndg-publish: true\n---\nA [trap](javascript&#58;alert(3)) and ![pic](data:image/png;base64,AAAA).\n',
};

describe('a note that skips sanitizing', () => {
  let renderers: MarkdownRenderer[] = [];
  beforeAll(async () => {
    renderers = await Promise.all([createRenderer('unified'), createRenderer('satteri')]);
  });
  afterAll(() => setSanitizeEveryNote(false));

  it('still has raw HTML from an embedded note, and unsafe URLs, cut down', async () => {
    const notes = loadRenderableFiles(
      join(PROJECT_ROOT, 'tests/.tmp/sanitize-needed'),
      Object.entries(NOTES).map(([path, text]) => ({ path: vaultPath(path), text })),
    );
    for (const renderer of renderers) {
      for (const note of notes) {
        const { code } = await renderer.render(note.markdown, { fileURL: note.fileURL });
        expect(code, note.vaultPath).not.toMatch(/<script|onerror|javascript:|data:image|data-preview-text="forged"|id="main"/);
      }
    }
  });
});
