/**
 * Code and Mermaid diagrams in Chromium (tests/fixtures/vault-obsidian): code tokens take the
 * theme's colours, diagrams are drawn as SVG in light and dark and redrawn when the reader changes
 * the theme, an internal-link node is a link to its note, with no Content Security Policy
 * violation, no console error and no axe violation. Screenshots go to tests/.tmp/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OBSIDIAN_SITE, TMP, recordedBuild } from '../helpers/build.ts';
import { axeViolations } from '../helpers/axe.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const SITE = OBSIDIAN_SITE;
const SCREENSHOTS = join(TMP, 'screenshots');
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

interface Watched {
  page: Page;
  context: BrowserContext;
  /** CSP violations (events and console), console errors and warnings, uncaught errors. */
  problems: () => Promise<string[]>;
}

describe.skipIf(!hasBrowser)('code and diagrams in the browser', () => {
  beforeAll(async () => {
    const build = recordedBuild(SITE);
    expect(build.code, build.output).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);
  const session = browserOnSite(SITE);

  async function watched(scheme: Scheme, options: { bypassCSP?: boolean } = {}): Promise<Watched> {
    const context = await session.browser.newContext({ colorScheme: scheme, ...options });
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') logged.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`CSP ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`),
      );
    });
    const problems = async () => [
      ...logged,
      ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ];
    return { page, context, problems };
  }

  /** Waits until every diagram of the page is drawn for `theme`. */
  async function drawn(page: Page, theme: Scheme): Promise<void> {
    await page.waitForFunction(
      (wanted) => {
        const figures = [...document.querySelectorAll<HTMLElement>('figure.mermaid-diagram')];
        return figures.length > 0 && figures.every((figure) => figure.dataset.rendered === wanted);
      },
      theme,
      { timeout: 30_000 },
    );
  }

  it('colours code tokens by theme, without a CSP violation or console error', async () => {
    const colours: Record<string, string[]> = {};
    for (const scheme of SCHEMES) {
      const { page, context, problems } = await watched(scheme);
      await page.goto(`${session.origin}/code/`);
      colours[scheme] = await page.evaluate(() =>
        ['.code-token-keyword', '.code-token-comment', '.code-token-string-expression', 'pre.astro-code'].map(
          (selector) => getComputedStyle(document.querySelector(selector) as Element).color,
        ),
      );
      // Tokens are coloured: a keyword is not the block's own text colour.
      expect(colours[scheme]?.[0]).not.toBe(colours[scheme]?.[3]);
      expect(await problems()).toEqual([]);
      await context.close();
    }
    for (const [index, light] of (colours.light ?? []).entries()) expect(colours.dark?.[index]).not.toBe(light);
  });

  it.each(SCHEMES)('draws the diagrams in %s, with the internal link, and no CSP violation or console error', async (scheme) => {
    const { page, context, problems } = await watched(scheme);
    await page.goto(`${session.origin}/diagrams/`);
    await drawn(page, scheme);
    const figures = page.locator('figure.mermaid-diagram');
    // Playwright's CSS locators pierce the open shadow roots the diagrams are drawn in.
    await expect.poll(() => figures.nth(0).locator('svg[aria-roledescription="flowchart-v2"]').count()).toBe(1);
    await expect.poll(() => figures.nth(1).locator('svg[aria-roledescription="sequence"]').count()).toBe(1);
    const link = figures.nth(0).locator('a.diagram-link');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('/code/');
    expect((await link.textContent())?.trim()).toBe('Code');
    // The unpublished note and the missing one stay unlinked.
    expect(await figures.nth(0).locator('a').count()).toBe(1);
    // The source stays readable, below the drawing.
    expect(await figures.nth(0).locator('details > pre.mermaid-source').textContent()).toContain('flowchart LR');
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('follows the link of a diagram node to its note', async () => {
    const { page, context } = await watched('light');
    await page.goto(`${session.origin}/diagrams/`);
    await drawn(page, 'light');
    await page.locator('figure.mermaid-diagram a.diagram-link').click();
    await page.waitForURL(`${session.origin}/code/`);
    await context.close();
  });

  it('redraws the diagrams when the reader changes the theme', async () => {
    const { page, context, problems } = await watched('light');
    await page.goto(`${session.origin}/diagrams/`);
    await drawn(page, 'light');
    const background = () =>
      page
        .locator('figure.mermaid-diagram')
        .nth(0)
        .locator('g.node rect')
        .first()
        .evaluate((rect) => getComputedStyle(rect).fill);
    const lightFill = await background();
    const toggle = page.locator('[data-theme-button]');
    await toggle.click(); // system → light
    await toggle.click(); // light → dark
    await drawn(page, 'dark');
    expect(await background()).not.toBe(lightFill);
    expect(await page.locator('figure.mermaid-diagram a.diagram-link').getAttribute('href')).toBe('/code/');
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('loads nothing of Mermaid on a page without a diagram', async () => {
    const { page, context } = await watched('light');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${session.origin}/code/`, { waitUntil: 'networkidle' });
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((path) => /mermaid|diagram/i.test(path))).toEqual([]);
    await context.close();
  });

  it.each(SCHEMES)('passes axe in %s, with screenshots at 390 and 1280 px', async (scheme) => {
    for (const path of ['/code/', '/diagrams/']) {
      // The CSP would refuse axe's injected script; the audit bypasses it (the CSP is checked above).
      const { page, context } = await watched(scheme, { bypassCSP: true });
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${session.origin}${path}`);
        if (path === '/diagrams/') await drawn(page, scheme);
        await page.screenshot({ path: join(SCREENSHOTS, `${path.replaceAll('/', '')}-${scheme}-${width}.png`), fullPage: true });
      }
      expect(await axeViolations(page), path).toEqual([]);
      await context.close();
    }
  });

  it.each(SCHEMES)(
    'shows code, math, a diagram and an embedded block on one page in %s: no CSP violation, no console error, axe clean',
    async (scheme) => {
      const { page, context, problems } = await watched(scheme);
      for (const width of [390, 768, 1280, 1600]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${session.origin}/showcase/`);
        await drawn(page, scheme);
        expect(await page.locator('.embed blockquote, .embed p').count()).toBeGreaterThan(0);
        expect(await page.locator('.katex-display math').count()).toBe(1);
        expect(await page.locator('pre.astro-code .code-token-keyword').count()).toBeGreaterThan(0);
        expect(await page.locator('figure.mermaid-diagram svg').count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
        await page.screenshot({ path: join(SCREENSHOTS, `showcase-${scheme}-${width}.png`), fullPage: true });
      }
      expect(await problems()).toEqual([]);
      await context.close();
      const audit = await watched(scheme, { bypassCSP: true });
      await audit.page.goto(`${session.origin}/showcase/`);
      await drawn(audit.page, scheme);
      expect(await axeViolations(audit.page)).toEqual([]);
      await audit.context.close();
    },
  );
});
