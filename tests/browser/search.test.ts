/** Search in Chromium: the dialog with Ctrl+K, keyboard to a result, /search/?q=, and no JavaScript. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SITE, TMP } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/serve.ts';

const COURSE =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const BRIEF = `${COURSE}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`;

describe.skipIf(!hasBrowser)('search in Chromium', () => {
  const session = browserOnSite(DEFAULT_SITE);

  async function open(
    path: string,
    javaScriptEnabled = true,
  ): Promise<{ page: Page; errors: string[]; done: () => Promise<void> }> {
    const context = await session.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${session.origin}${path}`);
    return { page, errors, done: () => context.close() };
  }

  const resultTitles = (page: Page) =>
    page.locator('.search-result > .search-result-title > .search-result-link').allTextContents();

  it('opens with Ctrl+K, finds the Virgin Lands term and brief, and Enter goes to the first result', async () => {
    const { page, errors, done } = await open(BRIEF);
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog.search-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.locator('.search-input').waitFor();
    await page.keyboard.type('virgin lands');
    await page.locator('.search-result:not([data-loading])').first().waitFor();
    await expect
      .poll(() => resultTitles(page), { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining([
          'Virgin Lands Campaign',
          "Russian History III - Khrushchev's Rise to Power and Leadership (Brief)",
        ]),
      );
    expect(await page.locator('.result-kind').first().textContent()).toBe('Term');
    const first = await page.locator('.search-result-link').first().getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === new URL(first as string, session.origin).pathname);
    expect(new URL(page.url()).pathname).toBe(`${COURSE}/glossary/virgin-lands-campaign/`);
    expect(errors).toEqual([]);
    await done();
  });

  it('moves through results with the arrow keys; Escape closes and gives focus back', async () => {
    const { page, done } = await open(BRIEF);
    const button = page.locator('[data-open-search]');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator('.search-input').waitFor();
    await page.keyboard.type('Cuba');
    await page.locator('.search-result-link').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('search-result-link');
    await page.keyboard.press('Escape');
    await page.locator('dialog.search-dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-open-search'))).toBe('');
    await done();
  });

  it('opens with / from the page, not while typing', async () => {
    const { page, done } = await open('/');
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog').waitFor({ state: 'visible' });
    await done();
  });

  it('reads ?q= on /search/ and shows results with filters by kind, course and tag', async () => {
    const { page, errors, done } = await open('/search/?q=cuba');
    await page.locator('.search-result:not([data-loading])').first().waitFor();
    expect((await resultTitles(page)).length).toBeGreaterThan(0);
    const filterGroups = () =>
      page
        .locator('.search-filter:has(.pagefind-modular-filter-pill)')
        .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-filter-name')?.toLowerCase()));
    await expect.poll(filterGroups, { timeout: 15_000 }).toEqual(expect.arrayContaining(['kind', 'course', 'tag']));
    expect(await page.locator('.search-summary').textContent()).toMatch(/result/);
    expect(await page.locator('[data-search-fallback]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await done();
  });

  it('applies filter parameters from the URL', async () => {
    const { page, done } = await open('/search/?q=khrushchev&type=term');
    await page.locator('.search-result:not([data-loading])').first().waitFor();
    await expect
      .poll(async () => (await page.locator('.result-kind').allTextContents()).every((kind) => kind === 'Term'), {
        timeout: 15_000,
      })
      .toBe(true);
    await done();
  });

  it('says that search needs a build where there is no index (as under npm run dev)', async () => {
    const bare = join(TMP, 'site-without-index');
    cpSync(DEFAULT_SITE, bare, { recursive: true });
    rmSync(join(bare, 'pagefind'), { recursive: true, force: true });
    const unindexed = await serveStatic(bare);
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${unindexed.origin}${BRIEF}`);
    await page.keyboard.press('Control+k');
    await page.locator('[data-search-unavailable]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-search-unavailable]').textContent()).toContain('npm run build');
    await context.close();
    await unindexed.close();
  });

  it('without JavaScript, the button is a link to /search/, which explains and lists the courses', async () => {
    const { page, done } = await open(BRIEF, false);
    await page.locator('[data-open-search]').click();
    await page.waitForURL((url) => url.pathname === '/search/');
    expect(await page.locator('[data-search-fallback]').textContent()).toContain('needs JavaScript');
    expect(await page.locator('[data-search-fallback] a').first().textContent()).toBe('Russian History III');
    await done();
  });
});
