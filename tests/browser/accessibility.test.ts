/** Quality gate: axe-core finds no WCAG 2.2 AA violation on any kind of page, in light and in dark. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const FOLDER =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const COURSE = `${FOLDER}/russian-history-iii/`;
const PAGES: Record<string, string> = {
  home: '/',
  course: COURSE,
  brief: `${FOLDER}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`,
  timeline: `${FOLDER}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/`,
  term: `${FOLDER}/glossary/kgb/`,
  glossary: `${COURSE}glossary/`,
  'course timeline': `${COURSE}timeline/`,
  quiz: `${FOLDER}/russian-history-iii-quiz/`,
  flashcards: `${COURSE}flashcards/`,
  'study sheet': `${COURSE}study-sheet/`,
  search: '/search/?q=cuba',
  graph: '/graph/',
  tags: '/tags/',
  '404': '/no/such/page/',
};

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe.skipIf(!hasBrowser)('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const session = browserOnSite(DEFAULT_SITE);

  for (const scheme of ['light', 'dark'] as const) {
    it.each(Object.entries(PAGES))(`%s page in ${scheme}`, async (_, path) => {
      // The site's CSP would refuse axe's injected script; the audit bypasses it (the CSP has its own test).
      const context = await session.browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${session.origin}${path}`);
      if (path.startsWith('/search/')) await page.locator('.search-result:not([data-loading])').first().waitFor();
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }
        ).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return result.violations.map(
          (violation) =>
            `${violation.id}: ${violation.help} (${violation.nodes
              .map((node) => node.target.join(' '))
              .slice(0, 3)
              .join(' | ')})`,
        );
      });
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('would report a violation (the gate is live)', async () => {
    const page = await session.browser.newPage({ bypassCSP: true });
    await page.goto(`${session.origin}/`);
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = '/favicon.svg';
      document.querySelector('main')?.append(image);
    });
    await page.addScriptTag({ path: AXE });
    const ids = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a'] } })).violations.map(
        (violation) => violation.id,
      );
    });
    expect(ids).toContain('image-alt');
    await page.close();
  });

  it('keeps the reader’s theme across pages without a flash', async () => {
    const context = await session.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${session.origin}/`);
    const toggle = page.locator('[data-theme-button]');
    await toggle.click(); // system → light
    await toggle.click(); // light → dark
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // On the next page the theme is set before any script module runs.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${session.origin}${PAGES.brief}`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 22, 26)');
    await context.close();
  });
});
