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
    await expect.poll(() => progress.textContent()).toMatch(/^Card 2 of \d+ · 1 known$/);
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

  it('scores picked answers, marks the right choice, locks the answers until "Try again", and puts the score at the top', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${QUIZ}`);
    // The quiz's island shows its controls when it runs.
    await page.locator('.quiz-controls').waitFor();
    const all = page.locator('.quiz-question');
    const total = await all.count();
    const questions = page.locator('.quiz-question[data-correct]');
    expect(await questions.count()).toBeGreaterThanOrEqual(8);
    const free = await page.locator('.quiz-question[data-free]').count();
    expect(free).toBeGreaterThan(0);
    // Pick the right answer for the first question and a wrong one for the second.
    const correctFirst = Number(await questions.nth(0).getAttribute('data-correct'));
    await questions.nth(0).locator('input').nth(correctFirst).check();
    const correctSecond = Number(await questions.nth(1).getAttribute('data-correct'));
    const wrongSecond = (correctSecond + 1) % 4;
    await questions.nth(1).locator('input').nth(wrongSecond).check();
    await page.locator('[data-quiz-check]').click();
    const score = page.locator('[data-quiz-score]');
    expect(await score.textContent()).toBe(`You scored 1 out of ${total}. ${free} answers are yours to mark.`);
    // The score is above the first question.
    const scoreTop = (await score.boundingBox())?.y ?? Infinity;
    expect(scoreTop).toBeLessThan((await all.first().boundingBox())?.y ?? 0);
    expect(await questions.nth(0).getAttribute('data-result')).toBe('right');
    expect(await questions.nth(1).getAttribute('data-result')).toBe('wrong');
    expect(await questions.nth(1).locator('[data-result-text]').textContent()).toBe('Not quite');
    // The right choice is marked, and the wrong pick too.
    const labels = questions.nth(1).locator('label');
    expect(await labels.nth(correctSecond).getAttribute('data-choice')).toBe('right');
    expect(await labels.nth(correctSecond).textContent()).toContain('(the right answer)');
    expect(await labels.nth(wrongSecond).getAttribute('data-choice')).toBe('wrong');
    // Locked: a checked quiz takes no new answer.
    expect(await questions.nth(1).locator('input').nth(correctSecond).isDisabled()).toBe(true);
    await questions.nth(1).locator('input').nth(correctSecond).click({ force: true });
    expect(await questions.nth(1).locator('input').nth(wrongSecond).isChecked()).toBe(true);
    // A free answer is marked by the reader, and counts.
    const open = page.locator('.quiz-question[data-free]').first();
    await open.locator('[data-self-mark="right"]').click();
    expect(await open.getAttribute('data-result')).toBe('right');
    expect(await score.textContent()).toBe(`You scored 2 out of ${total}. ${free - 1} answers are yours to mark.`);
    await page.locator('[data-quiz-retry]').click();
    expect(await score.textContent()).toBe('');
    expect(await questions.nth(0).locator('input:checked').count()).toBe(0);
    expect(await questions.nth(1).locator('input').nth(correctSecond).isDisabled()).toBe(false);
    expect(await page.locator('label[data-choice]').count()).toBe(0);
    await context.close();
  });

  it('lets a free answer be marked once it is shown, before checking', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${QUIZ}`);
    // The quiz's island shows its controls when it runs.
    await page.locator('.quiz-controls').waitFor();
    const open = page.locator('.quiz-question[data-free]').first();
    expect(await open.locator('.quiz-self-mark').isHidden()).toBe(true);
    await open.locator('summary').click();
    await open.locator('[data-self-mark="wrong"]').click();
    expect(await open.getAttribute('data-result')).toBe('wrong');
    expect(await open.locator('[data-self-mark="wrong"]').getAttribute('aria-pressed')).toBe('true');
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

  it('filters the course timeline by era, kept in the URL both ways', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}timeline/`);
    const all = await page.locator('li.event:visible').count();
    const pill = (name: string) => page.locator('era-filter button', { hasText: name });
    expect(await pill('All eras').getAttribute('aria-pressed')).toBe('true');
    await pill('Retirement').click();
    const retirement = await page.locator('li.event:visible').count();
    expect(retirement).toBeGreaterThan(0);
    expect(retirement).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('era')).toBe('era-retirement');
    expect(await pill('Retirement').getAttribute('aria-pressed')).toBe('true');
    // The URL opens the page on its era…
    await page.goto(`${session.origin}${COURSE}timeline/?era=era-leadership`);
    expect(await pill('Leadership').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('section.era:visible').count()).toBe(1);
    expect(await page.locator('#era-leadership').isVisible()).toBe(true);
    // …and "All eras" takes the era out of it.
    await pill('All eras').click();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('li.event:visible').count()).toBe(all);
    await context.close();
  });

  it('shows every era without JavaScript, even with an era in the URL', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}timeline/?era=era-retirement`);
    expect(await page.locator('section.era:visible').count()).toBe(4);
    expect(await page.locator('li.event:visible').count()).toBe(await page.locator('li.event').count());
    expect(await page.locator('.era-filter').isHidden()).toBe(true);
    await context.close();
  });

  it('takes flashcard keys as soon as the page has focus, without a click', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}flashcards/`);
    const card = page.locator('[data-card]');
    const progress = page.locator('[data-progress]');
    // The island is running once the card shows; nothing on the page has been clicked or focused.
    await card.waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Space');
    expect(await card.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await progress.textContent()).toMatch(/^Card 2 of \d+ · 0 known$/);
    await page.keyboard.press('k');
    expect(await progress.textContent()).toMatch(/^Card 3 of \d+ · 1 known$/);
    await context.close();
  });

  it('brings a card marked "Again" back a few cards later', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}flashcards/`);
    const face = page.locator('[data-face]');
    await page.locator('[data-card]').waitFor();
    const first = await face.textContent();
    await page.locator('[data-again]').click();
    expect(await face.textContent()).not.toBe(first);
    expect(await page.locator('[data-progress]').textContent()).toMatch(/^Card 1 of/);
    const seen: (string | null)[] = [];
    for (let step = 0; step < 6; step++) {
      await page.keyboard.press('ArrowRight');
      seen.push(await face.textContent());
    }
    expect(seen).toContain(first);
    await context.close();
  });

  it('studies only the cards not yet known, when asked, and remembers the choice', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}flashcards/`);
    const face = page.locator('[data-face]');
    await page.locator('[data-card]').waitFor();
    const progress = page.locator('[data-progress]');
    const total = Number((await progress.textContent())?.match(/of (\d+)/)?.[1]);
    const known = await face.textContent();
    await page.locator('[data-know]').click();
    await page.locator('[data-unknown-only]').check();
    expect(await progress.textContent()).toBe(`Card 1 of ${total - 1} · 1 known`);
    const faces: (string | null)[] = [];
    for (let step = 0; step < total - 1; step++) {
      faces.push(await face.textContent());
      await page.keyboard.press('ArrowRight');
    }
    expect(faces).not.toContain(known);
    await page.reload();
    // The island starts after the page has loaded: wait for it to restore the choice.
    await expect.poll(() => page.locator('[data-unknown-only]').isChecked()).toBe(true);
    await expect.poll(() => progress.textContent()).toBe(`Card 1 of ${total - 1} · 1 known`);
    await context.close();
  });

  it('prints flashcards as a two-column list of every card, without the card controls', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}flashcards/`);
    await page.locator('[data-card]').waitFor();
    await page.emulateMedia({ media: 'print' });
    const items = page.locator('.flashcard-list li');
    expect(await items.count()).toBeGreaterThan(50);
    expect(await page.locator('.flashcard-list li:visible').count()).toBe(await items.count());
    expect(await page.locator('.flashcard-list').evaluate((list) => getComputedStyle(list).columnCount)).toBe('2');
    expect(await page.locator('flash-cards button:visible').count()).toBe(0);
    await context.close();
  });

  it('prints the course study sheet on at most five A4 pages', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.origin}${COURSE}study-sheet/`);
    const pdf = await page.pdf({ format: 'A4' });
    // Each page of the PDF is one "/Type /Page" object ("/Pages" is their parent).
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(5);
    await context.close();
  });
});
