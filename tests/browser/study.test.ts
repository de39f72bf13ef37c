/** Study tools in Chromium: flashcards by keyboard with remembered progress, the quiz with and without JavaScript, print. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const FOLDER =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const COURSE = `${FOLDER}/russian-history-iii/`;
const QUIZ = `${FOLDER}/russian-history-iii-quiz/`;

describe.skipIf(!hasBrowser)('study tools in Chromium', () => {
  const session = browserOnSite(DEFAULT_SITE);

  it('flips flashcards with Space, moves with the arrows, and remembers progress after a reload', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}flashcards/`);
    const card = page.locator('[data-card]');
    const face = page.locator('[data-face]');
    const progress = page.locator('[data-progress]');
    expect(await page.locator('[data-list]').isHidden()).toBe(true);
    const front = await face.textContent();
    await card.focus();
    await page.keyboard.press('Space');
    expect(await card.getAttribute('aria-pressed')).toBe('true');
    expect(await face.textContent()).not.toBe(front);
    await page.keyboard.press('ArrowRight');
    expect(await progress.textContent()).toMatch(/^Card 2 of \d+ · 0 known$/);
    expect(await card.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('ArrowLeft');
    expect(await progress.textContent()).toMatch(/^Card 1 of/);
    await page.locator('[data-know]').click();
    expect(await progress.textContent()).toMatch(/· 1 known$/);
    await page.reload();
    expect(await progress.textContent()).toMatch(/^Card 2 of \d+ · 1 known$/);
    await page.locator('[data-shuffle]').click();
    expect(await progress.textContent()).toMatch(/^Card 1 of \d+ · 1 known$/);
    await context.close();
  });

  it('reveals quiz answers with <details> when JavaScript is off', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.origin}${QUIZ}`);
    const first = page.locator('.quiz-question').first();
    expect(await first.locator('.quiz-correct').isVisible()).toBe(false);
    await first.locator('summary').click();
    expect(await first.locator('.quiz-correct').isVisible()).toBe(true);
    expect(await page.locator('.quiz-controls').isHidden()).toBe(true);
    await context.close();
  });

  it('scores picked answers when JavaScript is on, and lets the reader try again', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${QUIZ}`);
    const questions = page.locator('.quiz-question[data-correct]');
    const total = await questions.count();
    expect(total).toBeGreaterThanOrEqual(8);
    // Pick the right answer for the first question and a wrong one for the second.
    const correctFirst = Number(await questions.nth(0).getAttribute('data-correct'));
    await questions.nth(0).locator('input').nth(correctFirst).check();
    const correctSecond = Number(await questions.nth(1).getAttribute('data-correct'));
    await questions
      .nth(1)
      .locator('input')
      .nth((correctSecond + 1) % 4)
      .check();
    await page.locator('[data-quiz-check]').click();
    expect(await page.locator('[data-quiz-score]').textContent()).toBe(`You scored 1 out of ${total}.`);
    expect(await questions.nth(0).getAttribute('data-result')).toBe('right');
    expect(await questions.nth(1).getAttribute('data-result')).toBe('wrong');
    await page.locator('[data-quiz-retry]').click();
    expect(await page.locator('[data-quiz-score]').textContent()).toBe('');
    expect(await questions.nth(0).locator('input:checked').count()).toBe(0);
    await context.close();
  });

  it('prints the study sheet without the site navigation', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}study-sheet/`);
    expect(await page.locator('[data-print]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['site-search', '.breadcrumbs', '[data-print]']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.sheet-answers').isVisible()).toBe(true);
    await context.close();
  });

  it('filters the course timeline by era', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}timeline/`);
    const all = await page.locator('li.event:visible').count();
    await page.locator('era-filter select').selectOption({ label: 'Retirement' });
    const retirement = await page.locator('li.event:visible').count();
    expect(retirement).toBeGreaterThan(0);
    expect(retirement).toBeLessThan(all);
    await context.close();
  });
});
