// Screenshots of every page kind (not part of the test suite; run by hand).
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { serveStatic } from './helpers/serve.ts';
import { CHROME_PATH, CHROMIUM_FLAGS } from './helpers/chromium.ts';
const [root, out, ...paths] = process.argv.slice(2);
const site = await serveStatic(root);
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_FLAGS });
for (const scheme of ['light', 'dark'] as const) {
  const context = await browser.newContext({ colorScheme: scheme });
  const page = await context.newPage();
  for (const path of paths) {
    for (const width of [390, 768, 1280, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(site.origin + path, { waitUntil: 'networkidle' });
      const name = (path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home').slice(-40);
      await page.screenshot({ path: join(out, `${name}-${scheme}-${width}.png`), fullPage: false });
    }
  }
  await context.close();
}
await browser.close();
await site.close();
