/**
 * Debian's Chromium driven by playwright-core (browser downloads fail on these machines).
 * CHROME_PATH overrides the path. Without a browser the tests skip locally, but fail under CI=true.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROME_PATH, CHROMIUM_FLAGS } from './chromium.ts';
import { serveStatic, type StaticSite } from './serve.ts';

export { CHROME_PATH };
export const hasBrowser = existsSync(CHROME_PATH);

if (!hasBrowser && process.env.CI) {
  throw new Error(`No Chromium at ${CHROME_PATH}: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH.`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: CHROMIUM_FLAGS,
  });
}

/**
 * A browser and a static server on a built site, for one test file: started before its tests,
 * closed after them (`headers`: the server sends the site's `_headers`). Read `browser` and
 * `origin` inside tests.
 */
export function browserOnSite(
  root: string,
  options: { headers?: boolean } = {},
): { readonly browser: Browser; readonly origin: string } {
  let browser: Browser | undefined;
  let site: StaticSite | undefined;
  beforeAll(async () => {
    site = await serveStatic(root, options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser is not started yet');
      return browser;
    },
    get origin() {
      if (!site) throw new Error('The site is not served yet');
      return site.origin;
    },
  };
}
