/**
 * Embeds in another site's page (issue 16): a host page on another origin frames a term card, a
 * timeline slice, a note's section and a timeline's era (each by its URL's fragment: only that part
 * shows), follows their height messages, and cannot frame a note page; the share dialog copies
 * the snippets that host page uses; nothing breaks the Content Security Policy.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../helpers/build.ts';
import { axeViolations } from '../helpers/axe.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const FOLDER =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const TERM = `${FOLDER}/glossary/kgb/`;
const BRIEF = `${FOLDER}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`;
const TIMELINE = `${FOLDER}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/`;

const notesJson = () =>
  JSON.parse(readFileSync(join(DEFAULT_SITE, 'notes.json'), 'utf8')) as {
    notes: {
      url: string;
      headings: { id: string; depth: number; embed?: string }[];
      eras?: { id: string; title: string; embed: string }[];
      embeds: { view: string; url: string }[];
    }[];
  };

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
      `<iframe src="${session.origin}/embed/section${BRIEF}#the-cuban-missile-crisis" title="The Cuban Missile Crisis" width="100%" height="480" style="border:0" loading="lazy"></iframe>`,
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

  it('lets a course page on another origin frame a term card, a timeline slice, a section and an era, and follow their height', async () => {
    const { context: browser, page, violations } = await context();
    // The snippets as the share dialog gives them: the term page's Share button, a heading's, and the
    // timeline's and an era's as notes.json names them.
    await page.goto(`${session.origin}${TERM}`);
    const card = await copyFrom(page, '[data-share-open]', 'embed');
    expect(card).toContain(`src="${session.origin}/embed/term${TERM}"`);
    const slice = card
      .replace(`/embed/term${TERM}`, `/embed/timeline${TIMELINE}?from=1956&to=1957-06&theme=dark`)
      .replace('title="KGB"', 'title="Timeline 1956–1957"');
    await page.goto(`${session.origin}${BRIEF}`);
    const section = await copyFrom(page, 'h2#the-cuban-missile-crisis .share-button', 'embed');
    const { notes } = notesJson();
    const brief = notes.find((note) => note.url === BRIEF)!;
    const others = brief.headings.filter((heading) => heading.depth === 2 && heading.id !== 'the-cuban-missile-crisis');
    expect(others.length).toBeGreaterThan(1);
    const eras = notes.find((note) => note.url === TIMELINE)?.eras ?? [];
    expect(eras.length).toBeGreaterThan(2);
    const era = eras[1]!;
    const eraFrame = `<iframe src="${session.origin}${encodeURI(era.embed)}" title="${era.title}" width="100%" height="600" style="border:0"></iframe>`;
    const notePage = `<iframe src="${session.origin}${TERM}" title="A note page" width="100%" height="200"></iframe>`;
    hostHtml = hostPage([card, slice, section, eraFrame, notePage], session.origin);
    await page.goto(`${hostOrigin}/`);

    const frameAt = (path: string, fragment?: string) =>
      page
        .frames()
        .find(
          (frame) => frame.url().startsWith(`${session.origin}${path}`) && (!fragment || frame.url().endsWith(`#${fragment}`)),
        );

    // The slice: dark, and only the events of 1956 to June 1957.
    const sliceFrame = frameAt(`/embed/timeline${TIMELINE}?`)!;
    expect(await sliceFrame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Narrowed once its script has run (the era's frame has the same path: its height message is no sign).
    await expect.poll(() => sliceFrame.locator('[data-range-text]').textContent()).toBe('Events from 1956 to 1957-06');
    const dates = await sliceFrame
      .locator('li.event:not([hidden]) .event-date time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => date >= '1956' && date < '1957-07')).toBe(true);
    // Its links open the full site in a new tab.
    expect(await sliceFrame.evaluate(() => document.querySelector('base')?.target)).toBe('_blank');

    // The section: its heading and text, no other ## section of the note; its height is what shows.
    await expect.poll(() => frameAt(`/embed/section${BRIEF}`) !== undefined).toBe(true);
    const sectionFrame = frameAt(`/embed/section${BRIEF}`)!;
    const visible = (frame: Frame, selector: string) => frame.locator(selector).first().isVisible();
    await expect.poll(() => visible(sectionFrame, 'h2#the-cuban-missile-crisis')).toBe(true);
    expect(await visible(sectionFrame, 'h2#the-cuban-missile-crisis + *')).toBe(true);
    for (const other of others) expect(await visible(sectionFrame, `h2[id="${other.id}"]`), other.id).toBe(false);
    // The note's footnotes stay (GFM puts them all at its end).
    expect(await visible(sectionFrame, 'section[data-footnotes] li')).toBe(true);
    const sectionIframe = page.locator('iframe').nth(2);
    const fits = async (frame: Frame, iframe: Locator) => {
      const [inner, outer] = await Promise.all([
        frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
        iframe.evaluate((element) => element.getBoundingClientRect().height),
      ]);
      return inner === outer;
    };
    await expect.poll(() => fits(sectionFrame, sectionIframe)).toBe(true);
    const sectionHeight = await sectionIframe.evaluate((element) => element.getBoundingClientRect().height);
    // Another fragment shows another section, and the host follows its height.
    const next = others.at(-1)!;
    await sectionFrame.evaluate((id) => (window.location.hash = id), next.id);
    await expect.poll(() => visible(sectionFrame, `h2[id="${next.id}"]`)).toBe(true);
    expect(await visible(sectionFrame, 'h2#the-cuban-missile-crisis')).toBe(false);
    await expect.poll(() => fits(sectionFrame, sectionIframe)).toBe(true);
    // Without a fragment the embed is the whole note: taller than one section.
    await sectionFrame.evaluate(() => (window.location.hash = ''));
    await expect.poll(() => visible(sectionFrame, 'h2#the-cuban-missile-crisis')).toBe(true);
    expect(await visible(sectionFrame, `h2[id="${next.id}"]`)).toBe(true);
    await expect
      .poll(() => sectionIframe.evaluate((element) => element.getBoundingClientRect().height))
      .toBeGreaterThan(sectionHeight);
    // Its "Read more" link follows the fragment.
    await sectionFrame.evaluate((id) => (window.location.hash = id), next.id);
    expect(await sectionFrame.locator('.embed-footer a').getAttribute('href')).toBe(`${BRIEF}#${next.id}`);

    // The era: its events only, no other era.
    await expect.poll(() => frameAt(`/embed/timeline${TIMELINE}`, era.id) !== undefined).toBe(true);
    const eraOnly = frameAt(`/embed/timeline${TIMELINE}`, era.id)!;
    await expect.poll(() => visible(eraOnly, `h2[id="${era.id}"]`)).toBe(true);
    for (const other of eras.filter((candidate) => candidate.id !== era.id))
      expect(await visible(eraOnly, `h2[id="${other.id}"]`), other.id).toBe(false);
    const shown = await eraOnly
      .locator('li.event')
      .evaluateAll((items) =>
        items.filter((item) => item.checkVisibility()).map((item) => item.closest('section.era')?.querySelector('h2')?.id),
      );
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([era.id]));
    await expect.poll(() => fits(eraOnly, page.locator('iframe').nth(3))).toBe(true);

    // A note page refuses to be framed (clickjacking): the browser shows no page of the site there.
    const refused = page.frames().find((frame) => frame !== page.mainFrame() && !frame.url().includes('/embed/'));
    expect(refused?.url() ?? '').not.toContain(TERM);

    expect(await violations()).toEqual([]);
    await browser.close();
  });

  /** One embed of each view, from notes.json. */
  const embedOfEachView = (): [string, string][] => {
    const { notes } = notesJson();
    const byView = new Map<string, string>();
    for (const embed of notes.flatMap((note) => note.embeds)) if (!byView.has(embed.view)) byView.set(embed.view, embed.url);
    return [...byView];
  };

  /** A section and an era by their fragments. */
  const embedsOfParts = (): [string, string][] => {
    const { notes } = notesJson();
    const heading = notes.flatMap((note) => note.headings).find((candidate) => candidate.embed);
    const era = notes.flatMap((note) => note.eras ?? [])[0];
    return [
      ['section#', heading?.embed ?? ''],
      ['timeline#', era?.embed ?? ''],
    ];
  };

  it('finds no accessibility violation (axe, WCAG 2.2 AA) on an embed of each view, light and dark, nor in the open share dialog', async () => {
    const views = [...embedOfEachView(), ...embedsOfParts()];
    expect(views.map(([view]) => view).sort()).toEqual([
      'flashcards',
      'quiz',
      'section',
      'section#',
      'term',
      'timeline',
      'timeline#',
    ]);
    for (const scheme of ['light', 'dark'] as const) {
      // The CSP would refuse axe's injected script; the CSP has its own checks above.
      const browser = await session.browser.newContext({ bypassCSP: true });
      const page = await browser.newPage();
      for (const [view, url] of views) {
        const [path = '', fragment] = url.split('#');
        await page.goto(`${session.origin}${encodeURI(path)}?theme=${scheme}${fragment ? `#${fragment}` : ''}`);
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
