/**
 * Quality gate: the Content Security Policy holds — no violation while browsing, searching and studying,
 * with the pages' own policies and the `_headers` a static host sends.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const FOLDER =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const COURSE = `${FOLDER}/russian-history-iii/`;

describe.skipIf(!hasBrowser)('Content Security Policy', () => {
  // Served with the site's `_headers` (header and meta policies both apply): neither may block the site.
  const session = browserOnSite(DEFAULT_SITE, { headers: true });

  async function watched(): Promise<{ page: Page; violations: () => Promise<string[]>; done: () => Promise<void> }> {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    return {
      page,
      violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      done: () => context.close(),
    };
  }

  it('is in every page', async () => {
    const { page, done } = await watched();
    const response = await page.goto(`${session.origin}/`);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self' blob:");
    await done();
  });

  it('sees no violation while browsing, searching, and using the study tools', async () => {
    const { page, violations, done } = await watched();
    const paths = [
      '/',
      COURSE,
      `${FOLDER}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`,
      `${FOLDER}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/`,
      `${FOLDER}/glossary/kgb/`,
      `${COURSE}glossary/`,
      `${COURSE}timeline/`,
      `${COURSE}study-sheet/`,
      '/tags/',
    ];
    const seen: string[] = [];
    for (const path of paths) {
      await page.goto(`${session.origin}${path}`);
      await page
        .locator('a.term-link, a[data-preview-title]')
        .first()
        .hover()
        .catch(() => undefined);
      seen.push(...(await violations()).map((violation) => `${path}: ${violation}`));
    }
    await page.goto(`${session.origin}${paths[2]}`);
    await page.keyboard.press('Control+k');
    await page.locator('.search-input').waitFor();
    await page.keyboard.type('virgin lands');
    await page.locator('.search-result:not([data-loading])').first().waitFor();
    seen.push(...(await violations()).map((violation) => `search: ${violation}`));
    await page.goto(`${session.origin}/search/?q=cuba&type=term`);
    await page.locator('.search-result:not([data-loading])').first().waitFor();
    seen.push(...(await violations()).map((violation) => `/search/: ${violation}`));
    await page.goto(`${session.origin}${COURSE}flashcards/`);
    await page.locator('[data-card]').click();
    await page.goto(`${session.origin}${FOLDER}/russian-history-iii-quiz/`);
    await page.locator('[data-quiz-check]').click();
    seen.push(...(await violations()).map((violation) => `study: ${violation}`));
    expect(seen).toEqual([]);
    await done();
  });

  it('would report a violation (the gate is live)', async () => {
    const { page, violations, done } = await watched();
    await page.goto(`${session.origin}/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect.poll(violations, { timeout: 15_000 }).toEqual([expect.stringContaining('script-src')]);
    await done();
  });
});
