/**
 * Embeds in another site's page (issue 16): a host page on another origin frames a term card and a
 * timeline slice, follows their height messages, and cannot frame a note page; the share dialog copies
 * the snippets that host page uses; nothing breaks the Content Security Policy.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const FOLDER =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const TERM = `${FOLDER}/glossary/kgb/`;
const BRIEF = `${FOLDER}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`;
const TIMELINE = `${FOLDER}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/`;

/** A course page on another origin (`localhost`, the site being `127.0.0.1`): the snippets, and the README's four lines. */
function hostPage(snippets: string[], site: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head><body>
<h1>Week 3</h1>
${snippets.join('\n')}
<script>
window.heights = [];
addEventListener('message', (e) => {
  if (e.origin !== ${JSON.stringify(site)} || e.data?.type !== 'study-garden:embed-height') return;
  for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  window.heights.push(e.data);
});
</script></body></html>`;
}

describe.skipIf(!hasBrowser)('embeds and sharing', () => {
  const session = browserOnSite(DEFAULT_SITE, { headers: true });
  let host: Server;
  let hostOrigin = '';
  let hostHtml = '';

  beforeAll(async () => {
    host = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostHtml);
    });
    await new Promise<void>((listening) => host.listen(0, 'localhost', listening));
    const address = host.address();
    hostOrigin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((closed) => host.close(() => closed())));

  async function context(): Promise<{ context: BrowserContext; page: Page; violations: () => Promise<string[]> }> {
    const context = await session.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin });
    const seen: string[] = [];
    await context.exposeBinding('reportViolation', ({ frame }, text: string) => void seen.push(`${frame.url()}: ${text}`));
    // In every frame, the embeds' too.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    );
    return { context, page: await context.newPage(), violations: async () => seen };
  }

  /** Opens the share dialog with `opener` and copies one of its fields; returns the clipboard's text. */
  async function copyFrom(page: Page, opener: string, field: 'link' | 'embed' | 'html'): Promise<string> {
    // The share controls load when the reader first points, touches or moves focus: here, focus.
    await page.locator('main a').first().focus();
    await page.locator(opener).first().waitFor();
    await page.locator(opener).first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.share-dialog');
    await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open)).toBe(true);
    await dialog.locator(`[data-share-copy="${field}"]`).click();
    await expect.poll(() => dialog.locator('[data-share-status]').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await dialog.locator(`[data-share-field="${field}"]`).inputValue());
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open)).toBe(false);
    return copied;
  }

  it('copies a page’s, a heading’s and a term’s link and snippets from the share dialog, by keyboard', async () => {
    const { context: browser, page, violations } = await context();
    await page.goto(`${session.origin}${BRIEF}`);
    // Without JavaScript the fallback links show; with it, the button.
    await expect.poll(() => page.locator('.share-fallback').isVisible()).toBe(false);
    const link = await copyFrom(page, 'h2#the-cuban-missile-crisis .share-button', 'link');
    expect(link).toBe(`${session.origin}${BRIEF}#the-cuban-missile-crisis`);
    // Focus returns to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('share-button');
    const section = await copyFrom(page, 'h2#the-cuban-missile-crisis .share-button', 'embed');
    expect(section).toBe(
      `<iframe src="${session.origin}/embed/section/the-cuban-missile-crisis${BRIEF}" title="The Cuban Missile Crisis" width="100%" height="480" style="border:0" loading="lazy"></iframe>`,
    );
    const html = await copyFrom(page, 'h2#the-cuban-missile-crisis .share-button', 'html');
    expect(html).toBe(`<a href="${session.origin}${BRIEF}#the-cuban-missile-crisis">The Cuban Missile Crisis</a>`);
    // An event's embed is its timeline's, at the event.
    await page.goto(`${session.origin}${TIMELINE}`);
    const event = await copyFrom(page, 'li.event .share-button', 'embed');
    expect(event).toMatch(new RegExp(`src="${session.origin}/embed/timeline${TIMELINE}#\\d{4}[^"]*"`));
    // A glossary's term: its page's link, its card's embed.
    await page.goto(`${session.origin}${FOLDER}/russian-history-iii/glossary/`);
    const term = await copyFrom(page, '.glossary-entry .share-button', 'embed');
    expect(term).toMatch(new RegExp(`src="${session.origin}/embed/term${FOLDER}/glossary/[a-z-]+/"`));
    expect(await violations()).toEqual([]);
    await browser.close();
  });

  it('lets a course page on another origin frame a term card and a timeline slice, and follow their height', async () => {
    const { context: browser, page, violations } = await context();
    // The snippets as the share dialog gives them: the term page's Share button, and an era of the timeline.
    await page.goto(`${session.origin}${TERM}`);
    const card = await copyFrom(page, '[data-share-open]', 'embed');
    expect(card).toContain(`src="${session.origin}/embed/term${TERM}"`);
    const slice = card
      .replace(`/embed/term${TERM}`, `/embed/timeline${TIMELINE}?from=1956&to=1957-06&theme=dark`)
      .replace('title="KGB"', 'title="Timeline 1956–1957"');
    const notePage = `<iframe src="${session.origin}${TERM}" title="A note page" width="100%" height="200"></iframe>`;
    hostHtml = hostPage([card, slice, notePage], session.origin);
    await page.goto(`${hostOrigin}/`);

    const frameAt = (path: string) => page.frames().find((frame) => frame.url().startsWith(`${session.origin}${path}`));
    await expect.poll(() => frameAt(`/embed/term${TERM}`) !== undefined).toBe(true);
    const cardFrame = frameAt(`/embed/term${TERM}`)!;
    await expect.poll(() => cardFrame.locator('dfn').textContent()).toBe('KGB');
    // Each embed posts its height and the host page follows it.
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { heights: { url: string }[] }).heights.map((h) => new URL(h.url).pathname)),
      )
      .toEqual(expect.arrayContaining([`/embed/term${TERM}`, `/embed/timeline${TIMELINE}`]));
    const [cardHeight, frameHeight] = await Promise.all([
      cardFrame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
      page
        .locator('iframe')
        .first()
        .evaluate((frame) => frame.getBoundingClientRect().height),
    ]);
    expect(frameHeight).toBe(cardHeight);

    // The slice: dark, and only the events of 1956 to June 1957.
    const sliceFrame = frameAt(`/embed/timeline${TIMELINE}`)!;
    expect(await sliceFrame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dates = await sliceFrame
      .locator('li.event:not([hidden]) .event-date time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => date >= '1956' && date < '1957-07')).toBe(true);
    expect(await sliceFrame.locator('[data-range-text]').textContent()).toBe('Events from 1956 to 1957-06');
    // Its links open the full site in a new tab.
    expect(await sliceFrame.evaluate(() => document.querySelector('base')?.target)).toBe('_blank');

    // A note page refuses to be framed (clickjacking): the browser shows no page of the site there.
    const refused = page.frames().find((frame) => frame !== page.mainFrame() && !frame.url().includes('/embed/'));
    expect(refused?.url() ?? '').not.toContain(TERM);

    expect(await violations()).toEqual([]);
    await browser.close();
  });

  /** One embed of each view, from notes.json. */
  const embedOfEachView = (): [string, string][] => {
    const { notes } = JSON.parse(readFileSync(join(DEFAULT_SITE, 'notes.json'), 'utf8')) as {
      notes: { embeds: { view: string; url: string }[] }[];
    };
    const byView = new Map<string, string>();
    for (const embed of notes.flatMap((note) => note.embeds)) if (!byView.has(embed.view)) byView.set(embed.view, embed.url);
    return [...byView];
  };

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map(
        (violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(' | ')})`,
      );
    });
  }

  it('finds no accessibility violation (axe, WCAG 2.2 AA) on an embed of each view, light and dark, nor in the open share dialog', async () => {
    const views = embedOfEachView();
    expect(views.map(([view]) => view).sort()).toEqual(['era', 'flashcards', 'quiz', 'section', 'term', 'timeline']);
    for (const scheme of ['light', 'dark'] as const) {
      // The CSP would refuse axe's injected script; the CSP has its own checks above.
      const browser = await session.browser.newContext({ bypassCSP: true });
      const page = await browser.newPage();
      for (const [view, url] of views) {
        await page.goto(`${session.origin}${encodeURI(url)}?theme=${scheme}`);
        expect(await axeViolations(page), `${view} ${scheme}`).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${session.origin}${BRIEF}`);
      await page.locator('[data-share-open]').click();
      expect(await axeViolations(page), `share dialog ${scheme}`).toEqual([]);
      await browser.close();
    }
  });
});
