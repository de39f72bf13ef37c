/**
 * Debian's Chromium driven by playwright-core (browser downloads fail on these machines).
 * CHROME_PATH overrides the path. Without a browser the tests skip locally, but fail under CI=true.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROME_PATH);

if (!hasBrowser && process.env.CI) {
  throw new Error(`No Chromium at ${CHROME_PATH}: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH.`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
