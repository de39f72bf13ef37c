/**
 * An SVG from the vault, opened directly at its published URL, is a document of the site's origin:
 * none of its scripts, handlers or external loads may run — by the sanitizer alone, and with the
 * `_headers` a static host sends. The page embedding them still works under those headers.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault, listFiles, type BuildResult } from '../helpers/build.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/serve.ts';

let build: BuildResult;

beforeAll(async () => {
  build = await buildVault({
    contentDir: 'tests/fixtures/vault-svg',
    outDir: join(TMP, 'vault-svg-browser'),
    env: { GARDEN_URL_LOCK: '' },
  });
  expect(build.code, build.output).toBe(0);
});

/** The hostile SVG files as published: the embedded and Markdown images and the linked file. */
function hostileUrls(): string[] {
  const files = listFiles(build.outDir).filter((file) => /(^|\/)evil[^/]*\.svg$/.test(file));
  expect(files.some((file) => file.startsWith('_astro/evil.'))).toBe(true);
  expect(files.some((file) => file.startsWith('_astro/evil-markdown.'))).toBe(true);
  expect(files).toContain('_media/attachments/evil-linked.svg');
  return files.map((file) => `/${file}`);
}

/** Opens a URL and says what its scripts did: the title and window name they set, requests elsewhere. */
async function visit(page: Page, origin: string, url: string): Promise<{ title: string; name: string; foreign: string[] }> {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  const response = await page.goto(`${origin}${url}`);
  expect(response?.status(), url).toBe(200);
  // Give a handler, an animation (begin="0s") or an entity's script time to run.
  await page.waitForTimeout(300);
  const cdp = await page.context().newCDPSession(page);
  // Read through the DevTools protocol: a sandboxed document runs no page script, not even ours.
  const read = async (expression: string) =>
    String(((await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result as { value?: unknown }).value ?? '');
  const result = { title: await read('document.title'), name: await read('window.name'), foreign };
  await cdp.detach();
  return result;
}

describe.skipIf(!hasBrowser)('SVG attachments opened directly', () => {
  for (const headers of [false, true]) {
    it(`run no script and load nothing from elsewhere (${headers ? 'with' : 'without'} the _headers)`, async () => {
      const site = await serveStatic(build.outDir, { headers });
      const browser = await launchBrowser();
      try {
        for (const url of hostileUrls()) {
          const context = await browser.newContext();
          const page = await context.newPage();
          const seen = await visit(page, site.origin, url);
          expect(seen, url).toEqual({ title: '', name: '', foreign: [] });
          await context.close();
        }
      } finally {
        await browser.close();
        await site.close();
      }
    });
  }

  it('are sent with the SVG policy, nosniff and a referrer policy when the host reads _headers', async () => {
    const site = await serveStatic(build.outDir, { headers: true });
    try {
      for (const url of hostileUrls()) {
        const response = await fetch(`${site.origin}${url}`);
        expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
        expect(response.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin');
        expect(response.headers.get('content-security-policy'), url).toContain("default-src 'none'");
      }
    } finally {
      await site.close();
    }
  });

  it('still show on the page that embeds them, with the _headers applied and no policy violation', async () => {
    const site = await serveStatic(build.outDir, { headers: true });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { violations: string[] }).violations = seen;
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      const response = await page.goto(`${site.origin}/drawings/`);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
      const images = page.locator('.prose img');
      await expect.poll(() => images.count()).toBe(3);
      for (const image of await images.all()) {
        await expect
          .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 })
          .toBe(true);
      }
      // The page's own script (theme, search) still runs under both policies.
      await page.keyboard.press('Control+k');
      await page.locator('.search-input').waitFor();
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
