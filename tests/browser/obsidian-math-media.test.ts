/** Math and media pages in Chromium: KaTeX laid out by its own stylesheet and fonts, no CSP violation. */
import { beforeAll, describe, expect, it } from 'vitest';
import { OBSIDIAN_SITE, recordedBuild } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const SITE = OBSIDIAN_SITE;

describe.skipIf(!hasBrowser)('math and media in the browser', () => {
  beforeAll(async () => {
    const build = recordedBuild(SITE);
    expect(build.code, build.output).toBe(0);
  });
  const session = browserOnSite(SITE);

  it.each(['/math/', '/math-embed/', '/media/'])('%s: no CSP violation, math in KaTeX’s fonts', async (path) => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
        ),
      ),
    );
    await page.goto(`${session.origin}${path}`);
    await page.waitForLoadState('networkidle');
    if (path.startsWith('/math')) {
      // KaTeX's stylesheet applied (its style attributes too: a fraction's rule has its height).
      expect(
        await page
          .locator('.katex')
          .first()
          .evaluate((node) => getComputedStyle(node).fontFamily),
      ).toContain('KaTeX_Main');
      expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
      const strut = page.locator('.katex-display .strut').first();
      expect(await strut.evaluate((node) => getComputedStyle(node).height)).not.toBe('auto');
    } else {
      expect(await page.locator('video').count()).toBe(2);
      expect(await page.locator('audio').count()).toBe(2);
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});
