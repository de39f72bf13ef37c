/**
 * The page frame at the widths readers use (390 phone, 768 tablet, 1280 and 1600 desktop), for one
 * page of every kind (tests/helpers/page-kinds.ts) of the default site and of the Obsidian fixture:
 * the title in the first screen, a text column of reading width where the window allows, a one-row
 * header, no sideways scrolling at 320 px; the menu on phones, the course sidebar and "On this page"
 * beside the text on wide screens.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, OBSIDIAN_SITE } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';
import { pageKinds } from '../helpers/page-kinds.ts';

/** Each width with the height of a common screen of that width. */
const SCREENS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1600, height: 900 },
] as const;

const DEFAULT_KINDS = pageKinds(DEFAULT_SITE);
// The Obsidian fixture adds the kinds the default course lacks (plain notes).
const FIXTURE_KINDS = pageKinds(OBSIDIAN_SITE).filter((page) => !DEFAULT_KINDS.some((other) => other.kind === page.kind));

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

/** The element's box, or undefined when it is not rendered. */
async function box(page: Page, selector: string): Promise<Box | undefined> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element || element.getClientRects().length === 0) return undefined;
    const { top, bottom, left, right, width, height } = element.getBoundingClientRect();
    return { top, bottom, left, right, width, height };
  }, selector);
}

function layoutTests(site: string, kinds: { kind: string; path: string }[]) {
  const session = browserOnSite(site);

  describe.each(kinds)('$kind ($path)', ({ path }) => {
    it.each(SCREENS)('at $width px: title in the first screen, a reading column, a one-row header', async (screen) => {
      const page = await session.browser.newPage({ viewport: screen });
      await page.goto(session.origin + path);
      const title = await box(page, 'main h1');
      expect(title, 'a visible h1 in main').toBeDefined();
      if (!title) return;
      expect(title.top).toBeGreaterThanOrEqual(0);
      expect(title.bottom).toBeLessThanOrEqual(screen.height);
      // The h1 spans its column: at least 600 px wherever the window leaves room for it.
      expect(title.width).toBeGreaterThanOrEqual(Math.min(600, screen.width - 64));
      const header = await box(page, '.site-header');
      const siteTitle = await box(page, '.site-title');
      const tools = await box(page, '.header-tools');
      expect(header && siteTitle && tools).toBeTruthy();
      if (header && siteTitle && tools) {
        expect(header.height).toBeLessThan(80);
        expect(Math.abs(siteTitle.top + siteTitle.height / 2 - (tools.top + tools.height / 2))).toBeLessThan(8);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    });

    it('has no sideways scrolling at 320 px', async () => {
      const page = await session.browser.newPage({ viewport: { width: 320, height: 640 } });
      await page.goto(session.origin + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    });
  });
}

describe.skipIf(!hasBrowser)('the page frame of the default site', () => {
  layoutTests(DEFAULT_SITE, DEFAULT_KINDS);

  const session = browserOnSite(DEFAULT_SITE);
  const brief = DEFAULT_KINDS.find((page) => page.kind === 'brief')?.path ?? '';
  const course = DEFAULT_KINDS.find((page) => page.kind === 'course')?.path ?? '';

  it('opens the menu on a phone: the site links and the course contents, closed again with Escape', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(session.origin + brief);
    expect(await box(page, '.site-header .site-nav')).toBeUndefined();
    expect(await box(page, '#site-menu')).toBeUndefined();
    const button = page.locator('.menu-button');
    expect(await button.getAttribute('aria-expanded')).not.toBe('true');
    await button.click();
    const menu = await box(page, '#site-menu');
    expect(menu?.width).toBeGreaterThan(250);
    expect(await page.locator('#site-menu .site-menu-links a').allTextContents()).toEqual(['Glossary', 'Tags', 'Graph']);
    expect(await page.locator('#site-menu .course-nav [aria-current="page"]').count()).toBe(1);
    expect(await page.locator('#site-menu .course-tools a').count()).toBeGreaterThanOrEqual(4);
    await page.keyboard.press('Escape');
    expect(await box(page, '#site-menu')).toBeUndefined();
    await page.close();
  });

  it('folds "On this page" under the title on a phone, and sets it beside the text from 1280 px', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(session.origin + brief);
    const title = await box(page, 'main h1');
    const folded = await box(page, '.toc-folded');
    expect(folded && title && folded.top > title.bottom).toBe(true);
    expect(await page.locator('.toc-folded').evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await box(page, '.toc-side')).toBeUndefined();
    await page.setViewportSize({ width: 1280, height: 800 });
    const side = await box(page, '.toc-side');
    const text = await box(page, '.note-main');
    expect(await box(page, '.toc-folded')).toBeUndefined();
    expect(side && text && side.left >= text.right).toBe(true);
    await page.close();
  });

  it.each([course, brief])('shows the course sidebar beside the text from 1024 px on %s, with no menu button', async (path) => {
    const page = await session.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(session.origin + path);
    const sidebar = await box(page, '#site-menu');
    const main = await box(page, 'main');
    expect(sidebar && main && sidebar.right <= main.left).toBe(true);
    expect(await box(page, '.menu-button')).toBeUndefined();
    expect(await page.locator('#site-menu .course-nav-title').textContent()).toContain('Russian History III');
    await page.close();
  });

  it('keeps the menu button on a tablet only where the menu has a course to show', async () => {
    const page = await session.browser.newPage({ viewport: { width: 768, height: 1024 } });
    await page.goto(session.origin + brief);
    expect(await box(page, '.menu-button')).toBeDefined();
    await page.goto(`${session.origin}/tags/`);
    expect(await box(page, '.menu-button')).toBeUndefined();
    expect(await box(page, '.site-header .site-nav')).toBeDefined();
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('the page frame of the Obsidian fixture', () => {
  layoutTests(OBSIDIAN_SITE, FIXTURE_KINDS);
});
