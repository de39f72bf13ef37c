/** Raw HTML in .md notes is sanitized: 24 XSS vectors in, no script, handler or javascript: URL out. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { TMP, buildVault, listFiles, readPage, type BuildResult } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

let build: BuildResult;
let prose: Element;

beforeAll(async () => {
  build = await buildVault({
    contentDir: 'tests/fixtures/vault-xss',
    outDir: join(TMP, 'vault-xss'),
    env: { GARDEN_URL_LOCK: '' },
  });
  expect(build.code, build.output).toBe(0);
  prose = parsePage(readPage(build.outDir, '/unsafe/')).querySelector('.prose') as Element;
});

it('has at least 15 vectors in the fixture', () => {
  const source = readFileSync('tests/fixtures/vault-xss/Unsafe.md', 'utf8');
  expect(source.match(/xss\d+/g)?.length).toBeGreaterThanOrEqual(15);
});

it('keeps the note and harmless markup', () => {
  expect(textOf(prose)).toContain('SAFEMARKER text stays.');
  expect(textOf(prose.querySelector('sup'))).toBe('kept');
  expect(textOf(prose.querySelector('mark'))).toBe('kept too');
});

it('lets no script, dangerous element, event handler or script URL through', () => {
  for (const tag of [
    'script',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'style',
    'form',
    'base',
    'meta',
    'body',
    'input[autofocus]',
  ]) {
    expect(prose.querySelectorAll(tag).length, tag).toBe(0);
  }
  for (const element of prose.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.tagName} ${attribute}`).toBe(false);
      expect(attribute, element.tagName).not.toBe('style');
      const value = (element.getAttribute(attribute) ?? '').replace(/\s/g, '').toLowerCase();
      expect(
        value.startsWith('javascript:') || value.startsWith('data:') || value.startsWith('vbscript:'),
        `${attribute}=${value}`,
      ).toBe(false);
    }
  }
});

it('leaves no vector in any file of the output', () => {
  for (const file of listFiles(build.outDir).filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(join(build.outDir, file), 'utf8');
    expect(html, file).not.toMatch(/alert\(/);
  }
});
