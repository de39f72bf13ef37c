/**
 * What an author writes can never attack a reader. A vault with markup in every field that reaches a
 * page (tests/fixtures/vault-hostile, plus a folder and a file named with markup, made here because
 * not every file system takes such names) is built, and every page of it is opened in Chromium — with
 * the site's Content Security Policy and with it removed, as on a host that drops it — searched, and
 * its study tools used: no script runs, no dialog opens, the page never navigates or loads anything
 * from elsewhere, and the DOM holds nothing the site did not write (no handler attribute, no
 * `javascript:` URL, no `<meta>`, `<script>` or `<img>` of the author's outside the note's text, no
 * forged link preview or site data, no author id clashing with the site's).
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault, listFiles } from '../helpers/build.ts';
import { hasBrowser, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticSite } from '../helpers/serve.ts';

const FIXTURE = 'tests/fixtures/vault-hostile';
const VAULT = join(TMP, 'vault-hostile');
const OUT = join(TMP, 'site-hostile');
/** The site's own redirect page (an alias that is an old URL): its meta refresh is the site's. */
const REDIRECT = '/old-hostile-brief/';
const BRIEF = '/hostile-course/hostile-brief/';
const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;

const payload = (n: number) =>
  `<img src=x onerror=window.__pwned=${n}>"><script>window.__pwned=${n}</script><meta http-equiv="refresh" content="0;url=https://elsewhere.invalid/${n}">{{7*7}}\${7*7}<a href="javascript:window.__pwned=${n}">j${n}</a>`;

/** Everything in the page the site did not write, as readable findings (run in the page). */
function foreignMarkup(): string[] {
  const found: string[] = [];
  const where = (element: Element) => `${element.localName}${element.id ? `#${element.id}` : ''}`;
  const prose = (element: Element) => element.closest('.prose') !== null;
  if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined)
    found.push(`window.__pwned = ${String((window as unknown as { __pwned?: unknown }).__pwned)}`);
  const ids = new Map<string, number>();
  for (const element of document.querySelectorAll('*')) {
    if (element.id) ids.set(element.id, (ids.get(element.id) ?? 0) + 1);
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) ?? '';
      if (name.startsWith('on')) found.push(`${where(element)} has the handler ${name}="${value}"`);
      if (/^\s*(javascript|vbscript|data):/i.test(value.replace(/\s/g, '')))
        found.push(`${where(element)} has ${name}="${value}"`);
      if (/FAKE/.test(value)) found.push(`${where(element)} has the forged ${name}="${value}"`);
    }
  }
  for (const [id, count] of ids) if (count > 1) found.push(`the id "${id}" is on ${count} elements`);
  if (document.getElementById('main')?.localName !== 'main') found.push('#main is not the page’s <main>');
  // The islands' text is in the site script, not the page: an author's `garden-text` (as the page's
  // was once called) is only an id, prefixed as every raw id is, and the search box below still speaks the site's.
  if (document.getElementById('garden-text')) found.push('an element #garden-text, which the site does not write');
  for (const id of ['copy-status', 'link-preview', 'raw-anchor']) {
    const element = document.getElementById(id);
    if (element && element.closest('main')) found.push(`the author's id "${id}" is in the page`);
  }
  // An embed's own <base target="_blank"> is in its head; an author's would be in the body.
  for (const element of document.querySelectorAll('iframe, frame, object, embed, body base, form:not(.search-form), body meta'))
    found.push(`an element <${element.localName}> of the author's`);
  for (const script of document.querySelectorAll('script')) {
    const src = script.getAttribute('src') ?? '';
    const data = ['application/json', 'application/ld+json'].includes(script.type);
    const site = src ? /^\/(_astro|pagefind)\//.test(src) : data || script.closest('head') !== null;
    if (!site || (!data && /__pwned/.test(script.textContent ?? '')))
      found.push(`a script of the author's: ${script.outerHTML.slice(0, 120)}`);
  }
  for (const image of document.querySelectorAll('img[src="x"]'))
    if (!prose(image))
      found.push(`an <img> of the author's outside the note's text, in ${where(image.parentElement as Element)}`);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-preview-title]'))
    if (!(link.getAttribute('href') ?? '').startsWith('/')) found.push(`a link preview on ${link.getAttribute('href')}`);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('main a[href^="#"]')) {
    const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
    if (id && !document.getElementById(id)) found.push(`a link to #${id}, which the page does not have`);
  }
  if (/>49|\b4949\b/.test(document.body.innerText)) found.push('a template expression was evaluated');
  return found;
}

describe.skipIf(!hasBrowser)('a vault of hostile markup in Chromium', () => {
  let browser: Browser;
  let site: StaticSite;
  let paths: string[];

  beforeAll(async () => {
    rmSync(VAULT, { recursive: true, force: true });
    cpSync(FIXTURE, VAULT, { recursive: true });
    const folder = join(VAULT, 'Hostile Course', `${payload(40).replace(/\//g, '')} folder`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `${payload(41).replace(/\//g, '')}.md`),
      '---\ndg-publish: true\n---\nA hostile note named by its file.\n',
    );
    const build = await buildVault({ contentDir: VAULT, outDir: OUT, env: { GARDEN_URL_LOCK: '' } });
    expect(build.code, build.output).toBe(0);
    paths = listFiles(OUT)
      .filter((file) => file.endsWith('.html'))
      .map((file) => (file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`))
      .filter((path) => path !== REDIRECT);
    site = await serveStatic(OUT);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A context that records every dialog, every request elsewhere and every page error; optionally without the CSP. */
  async function watchedContext(withCsp: boolean): Promise<{ context: BrowserContext; page: Page; seen: string[] }> {
    const context = await browser.newContext();
    const seen: string[] = [];
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (new URL(request.url()).origin !== site.origin) {
        seen.push(`a request to ${request.url()}`);
        return route.abort();
      }
      if (withCsp || request.resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const html = await response.text();
      if (!CSP_META.test(html) && response.status() === 200) seen.push(`no CSP to remove from ${request.url()}`);
      return route.fulfill({ response, body: html.replace(CSP_META, '') });
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      seen.push(`a ${dialog.type()} dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => seen.push(`a page error: ${error.message}`));
    return { context, page, seen };
  }

  /** Opens a page, lets it settle, and records any navigation away from it and anything foreign in it. */
  async function visit(page: Page, seen: string[], path: string, use?: () => Promise<void>): Promise<void> {
    const url = `${site.origin}${path}`;
    await page.goto(url);
    const onNavigate = (frame: { url(): string }) => {
      if (frame !== page.mainFrame()) return;
      // The search page keeps its query in its own address (history.replaceState): not a navigation away.
      const to = new URL(frame.url());
      if (to.origin === site.origin && to.pathname === new URL(url).pathname && path.startsWith('/search/')) return;
      seen.push(`${path}: navigated to ${frame.url()}`);
    };
    page.on('framenavigated', onNavigate);
    const preview = page.locator('a[data-preview-title]').first();
    if ((await preview.count()) > 0) await preview.focus();
    // A step that cannot finish (the page went elsewhere) is a finding too, listed with the others.
    await use?.().catch((error: Error) => seen.push(`${path}: ${error.message.split('\n')[0]}`));
    await page.waitForTimeout(300);
    const findings = await page.evaluate(foreignMarkup).catch((error: Error) => [error.message.split('\n')[0] as string]);
    seen.push(...findings.map((finding) => `${path}: ${finding}`));
    page.off('framenavigated', onNavigate);
  }

  for (const withCsp of [true, false]) {
    it(`keeps every page, search and study tool the site's own ${withCsp ? 'under the CSP' : 'without the CSP'}`, async () => {
      const { context, page, seen } = await watchedContext(withCsp);
      expect(paths.length).toBeGreaterThanOrEqual(20);
      for (const path of paths) await visit(page, seen, path);

      // The search page: results and filter pills by kind, course and tag, whose values are the
      // authors' course titles and tags; a pill pressed re-renders them all.
      await visit(page, seen, '/search/?q=hostile', async () => {
        await page.locator('.search-result:not([data-loading])').first().waitFor();
        const pills = page.locator('.search-filter .pagefind-modular-filter-pill');
        await expect.poll(() => pills.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
        const labels = await pills.evaluateAll((buttons) => buttons.map((button) => button.textContent ?? ''));
        expect(labels.some((label) => label.includes('Hostile course <img src=x onerror=window.__pwned=4>'))).toBe(true);
        expect(labels.some((label) => label.startsWith('<img src=x onerror=window.__pwned=9>'))).toBe(true);
        await page.locator('.search-filter .pagefind-modular-filter-pill', { hasText: 'Hostile course' }).click();
        await page.locator('.search-result:not([data-loading])').first().waitFor();
        const titles = await page.locator('.search-result-title .search-result-link').allTextContents();
        expect(titles.some((title) => title.includes('<img src=x onerror=window.__pwned='))).toBe(true);
      });
      // The search dialog, on the page whose raw HTML poses as the site's text.
      await visit(page, seen, BRIEF, async () => {
        await page.keyboard.press('Control+k');
        await page.locator('.search-input').waitFor();
        await page.keyboard.type('hostile');
        await page.locator('dialog .search-result:not([data-loading])').first().waitFor();
        const placeholder = await page.locator('.search-input').getAttribute('placeholder');
        if (placeholder !== 'Search the notes') seen.push(`the search box says "${placeholder}"`);
        await page.keyboard.press('Escape');
      });
      await visit(page, seen, '/hostile-course/hostile-course/flashcards/', async () => {
        await page.locator('[data-card]').click();
        await page.locator('[data-next]').click();
      });
      await visit(page, seen, '/hostile-course/hostile-quiz/', async () => {
        await page.locator('.quiz-question input').first().check();
        await page.locator('[data-quiz-check]').click();
      });
      expect(seen).toEqual([]);
      await context.close();
    });
  }
});
