/**
 * Debian's Chromium and the flags it runs with here, shared by the browser tests and the bench's
 * Lighthouse runs (no test framework imports, so plain Node can load it). CHROME_PATH overrides the path.
 */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
