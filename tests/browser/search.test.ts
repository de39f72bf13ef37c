/**
 * Search in Chromium: the dialog with Ctrl+K, keyboard to a result, /search/?q= both ways (the address
 * fills the box and presses the pills; typing and pills update the address), results that read finished
 * (kinds in words, the best sections, no excerpt twice), "Did you mean …?", phones, and no JavaScript.
 */
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

  /** The pressed pills of each filter row, by the row's name. */
  const pressedPills = (page: Page, scope = '') =>
    page
      .locator(`${scope} .search-filter`)
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((row) => [
            row.querySelector('.pagefind-modular-filter-pills-label')?.textContent ?? '',
            [...row.querySelectorAll('[aria-pressed="true"] [aria-label]')].map((pill) => pill.getAttribute('aria-label')),
          ]),
        ),
      );

  /** The result titled `title`, once its content has loaded. */
  const result = (page: Page, title: string) =>
    page.locator('.search-result:not([data-loading])', {
      has: page.locator('.search-result-title > .search-result-link', { hasText: title }),
    });

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
    expect(await page.locator('.result-kind').first().textContent()).toBe('Glossary term');
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
        .locator('.search-filter:has(.pagefind-modular-filter-pill) .pagefind-modular-filter-pills-label')
        .evaluateAll((labels) => labels.map((label) => label.textContent?.toLowerCase()));
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
      .poll(async () => (await page.locator('.result-kind').allTextContents()).every((kind) => kind === 'Glossary term'), {
        timeout: 15_000,
      })
      .toBe(true);
    await done();
  });

  it('fills the box and presses the pills from the address', async () => {
    const { page, errors, done } = await open('/search/?q=virgin+lands&type=term&course=Russian+History+III');
    await result(page, 'Virgin Lands Campaign').waitFor();
    expect(await page.locator('.search-input').inputValue()).toBe('virgin lands');
    await expect
      .poll(() => pressedPills(page, '.search-page'), { timeout: 15_000 })
      .toEqual({ Kind: ['Glossary term'], Course: ['Russian History III'], Tag: ['All'] });
    expect(errors).toEqual([]);
    await done();
  });

  it('keeps the address in step with typing and pills, replacing the history entry', async () => {
    const { page, done } = await open('/search/');
    await page.locator('.search-input').waitFor();
    const entries = await page.evaluate(() => history.length);
    await page.locator('.search-input').fill('virgin lands');
    await expect.poll(() => new URL(page.url()).search, { timeout: 15_000 }).toBe('?q=virgin+lands');
    await page.locator('.search-page .pagefind-modular-filter-pill', { hasText: 'Glossary term' }).click();
    await expect.poll(() => new URL(page.url()).search, { timeout: 15_000 }).toBe('?q=virgin+lands&type=term');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.reload();
    await result(page, 'Virgin Lands Campaign').waitFor();
    expect(await page.locator('.search-input').inputValue()).toBe('virgin lands');
    expect((await pressedPills(page, '.search-page')).Kind).toEqual(['Glossary term']);
    await done();
  });

  it('has filters by kind, course and tag in the dialog too, kinds named in words', async () => {
    const { page, done } = await open(BRIEF);
    await page.keyboard.press('Control+k');
    await page.locator('dialog .search-input').waitFor();
    await page.keyboard.type('khrushchev');
    await page.locator('dialog .search-result:not([data-loading])').first().waitFor();
    await expect
      .poll(() => pressedPills(page, 'dialog'), { timeout: 15_000 })
      .toEqual({ Kind: ['All'], Course: ['All'], Tag: ['All'] });
    const kinds = await page.locator('dialog .search-filter').first().locator('.pagefind-modular-filter-pill').allTextContents();
    expect(kinds).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Glossary term \(\d+\)$/), expect.stringMatching(/^Brief \(\d+\)$/)]),
    );
    expect(kinds.some((kind) => /^(term|brief|timeline) /.test(kind))).toBe(false);
    // The address of the note is its own: only the search page keeps the search in it.
    expect(new URL(page.url()).search).toBe('');
    await done();
  });

  for (const width of [390, 320]) {
    it(`keeps the filter pills on one scrolling row inside a ${width} px phone`, async () => {
      const context = await session.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      for (const where of ['dialog', 'page']) {
        if (where === 'page') await page.goto(`${session.origin}/search/?q=khrushchev`);
        else {
          await page.goto(`${session.origin}${BRIEF}`);
          await page.keyboard.press('Control+k');
          await page.locator('dialog .search-input').fill('khrushchev');
        }
        const scope = where === 'dialog' ? 'dialog' : '.search-page';
        await page.locator(`${scope} .search-result:not([data-loading])`).first().waitFor();
        const rows = page.locator(`${scope} .search-filters`);
        await page.locator(`${scope} .pagefind-modular-filter-pill`).first().waitFor();
        const box = await rows.evaluate((row) => {
          const pills = [...row.querySelectorAll('.pagefind-modular-filter-pill')].map((pill) => pill.getBoundingClientRect());
          return {
            right: row.getBoundingClientRect().right,
            tops: new Set(pills.map((pill) => Math.round(pill.top))).size,
            scrolls: row.scrollWidth > row.clientWidth,
          };
        });
        expect(box.right, where).toBeLessThanOrEqual(width);
        expect(box.tops, `${where}: pills on one row`).toBe(1);
        expect(box.scrolls, where).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
      }
      await context.close();
    });
  }

  it('lists the sections that match best, titled by their heading alone', async () => {
    const { page, done } = await open('/search/?q=berlin');
    const brief = result(page, 'Khrushchev, Kennedy and the Cold War');
    await brief.waitFor();
    const sections = await brief.locator('.search-result-section').allTextContents();
    // "Berlin, 1961" is the brief's fourth heading to mention Berlin, and its best match.
    expect(sections[0]).toBe('Berlin, 1961');
    expect(sections.length).toBeLessThanOrEqual(3);
    const all = await page.locator('.search-result-section').allTextContents();
    expect(all.length).toBeGreaterThan(0);
    for (const title of all) expect(title).not.toMatch(/#|Link to/);
    await done();
  });

  it("shows a glossary term's definition once", async () => {
    const { page, done } = await open('/search/?q=virgin+lands');
    const term = result(page, 'Virgin Lands Campaign');
    await term.waitFor();
    expect(await term.locator('.search-result-excerpt').count()).toBe(1);
    expect(await term.locator('.search-result-sections').count()).toBe(0);
    await done();
  });

  it('offers "Did you mean Khrushchev?" when nothing is found, and searches for it', async () => {
    const { page, errors, done } = await open('/search/');
    const names: string[] = [];
    page.on('request', (request) => request.url().endsWith('/search-names.json') && names.push(request.url()));
    await page.locator('.search-input').fill('virgin lands');
    await result(page, 'Virgin Lands Campaign').waitFor();
    expect(names).toEqual([]);
    await page.locator('.search-input').fill('khruschev');
    const suggestion = page.locator('.search-suggestions .search-suggestion');
    await suggestion.first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.search-suggestions').textContent()).toBe('Did you mean Khrushchev?');
    expect(names).toHaveLength(1);
    await suggestion.first().click();
    await page.locator('.search-result:not([data-loading])').first().waitFor();
    expect(await page.locator('.search-input').inputValue()).toBe('Khrushchev');
    expect(await page.locator('.search-suggestions').isHidden()).toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Khrushchev');
    expect(errors).toEqual([]);
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
