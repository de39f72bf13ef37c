/** Reading the built default site in a real browser: readable on a phone, previews and copy links, a real 404. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const COURSE_URL =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const PAGES = [
  '/',
  `${COURSE_URL}/russian-history-iii/`,
  `${COURSE_URL}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`,
  `${COURSE_URL}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/`,
  `${COURSE_URL}/glossary/kgb/`,
];

describe.skipIf(!hasBrowser)('reading in Chromium', () => {
  const session = browserOnSite(DEFAULT_SITE);

  it.each(PAGES)('%s fits a 320 px phone without sideways scrolling, with no console error', async (path) => {
    const page = await session.browser.newPage({ viewport: { width: 320, height: 640 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.resourceType()));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const response = await page.goto(`${session.origin}${path}`);
    expect(response?.status()).toBe(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(requests.filter((type) => type === 'script').length).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a folded callout from the keyboard', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}${PAGES[2]}`);
    const callout = page.locator('details.callout').first();
    expect(await callout.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    await callout.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await callout.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });

  it('previews a term link on keyboard focus and hides it on Escape', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}${PAGES[2]}`);
    const link = page.locator('.prose a.term-link').first();
    const title = await link.getAttribute('data-preview-title');
    await link.focus();
    const preview = page.locator('#link-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.locator('strong').textContent()).toBe(title);
    expect(await preview.locator('.link-preview-kind').textContent()).toBe('Glossary');
    expect(await link.getAttribute('aria-describedby')).toBe('link-preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('previews a link on hover', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}${PAGES[2]}`);
    const link = page.locator('.prose a.term-link').nth(1);
    await link.hover();
    await page.locator('#link-preview').waitFor({ state: 'visible' });
    expect(await page.locator('#link-preview p').textContent()).toBe(await link.getAttribute('data-preview-text'));
    await page.mouse.move(0, 0);
    await page.locator('#link-preview').waitFor({ state: 'hidden' });
    await page.close();
  });

  it('follows a link like any link without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.origin}${PAGES[2]}`);
    const link = page.locator('.prose a.term-link').first();
    const href = await link.getAttribute('href');
    await link.click();
    expect(new URL(page.url()).pathname).toBe(href);
    await context.close();
  });

  it('copies the full link of a heading', async () => {
    const context = await session.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${session.origin}${PAGES[3]}`);
    const anchor = page.locator('li.event a.anchor-link').first();
    const href = (await anchor.getAttribute('href')) as string;
    await anchor.click();
    await page.locator('#copy-status').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${session.origin}${PAGES[3]}${href}`);
    expect(new URL(page.url()).hash).toBe(href);
    await context.close();
  });

  it('answers an unknown URL with the 404 page', async () => {
    const page = await session.browser.newPage();
    const response = await page.goto(`${session.origin}/no/such/note/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.close();
  });
});
