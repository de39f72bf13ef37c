/** The bounded pages in Chromium: axe-core finds no WCAG 2.2 AA violation, and the course menu's folder links land in the course page's tree. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault } from '../helpers/build.ts';
import { BOUNDS_PAGES, writeBoundsVault } from '../helpers/bounds-vault.ts';
import { axeViolations } from '../helpers/axe.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const OUT = join(TMP, 'site-bounds');

describe.skipIf(!hasBrowser)('bounded pages in Chromium', () => {
  beforeAll(async () => {
    writeBoundsVault(join(TMP, 'vault-bounds-browser'));
    const build = await buildVault({ contentDir: join(TMP, 'vault-bounds-browser'), outDir: OUT, env: { GARDEN_URL_LOCK: '' } });
    expect(build.code, build.output).toBe(0);
  }, 300_000);
  const session = browserOnSite(OUT);

  const pages = Object.entries(BOUNDS_PAGES).filter(([name]) => name !== 'course' && name !== 'sibling');
  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages)(`%s page passes axe in ${scheme}`, async (_, path) => {
      const context = await session.browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${session.origin}${path}`);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('leads from a folder in a deep note’s sidebar to that folder on the course page', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.origin}${BOUNDS_PAGES.deep}`);
    await page.locator('#site-menu .course-folder-link a', { hasText: 'Part A' }).click();
    await page.waitForURL(/#course-folder-\d+$/);
    const folder = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
    expect(await folder.locator('summary').textContent()).toBe('Part A');
    expect(await folder.isVisible()).toBe(true);
    await page.close();
  });
});
