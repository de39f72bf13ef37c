/**
 * The islands speak each page's language in Chromium: a vault in Brazilian Portuguese with one note in
 * English (tests/fixtures/vault-lang), whose pages share one site script carrying the islands' text of
 * every dictionary; each page's islands pick theirs by its `<html lang>`.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault } from '../helpers/build.ts';
import { browserOnSite, hasBrowser } from '../helpers/browser.ts';

const OUT = join(TMP, 'site-lang');
const BRIEF = '/guerra-fria/resumo-da-crise/';
const ENGLISH = '/guerra-fria/english-note/';

describe.skipIf(!hasBrowser)('the islands in the page language, in Chromium', () => {
  beforeAll(async () => {
    const build = await buildVault({
      contentDir: 'tests/fixtures/vault-lang',
      outDir: OUT,
      env: { GARDEN_URL_LOCK: '', GARDEN_LANG: 'pt-BR' },
    });
    expect(build.code, build.output).toBe(0);
  });
  const session = browserOnSite(OUT);

  /** The search box's placeholder, which the search island writes when the dialog first opens. */
  async function searchPlaceholder(page: Page, path: string): Promise<string | null> {
    await page.goto(`${session.origin}${path}`);
    await page.keyboard.press('Control+k');
    await page.locator('.search-input').waitFor();
    return page.locator('.search-input').getAttribute('placeholder');
  }

  it('speak Portuguese on a Portuguese page: the quiz and the search', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}${BRIEF}`);
    await page.locator('.quiz-controls').waitFor();
    await page.locator('[data-quiz-check]').click();
    await expect.poll(() => page.locator('[data-quiz-score]').textContent()).toBe('Você acertou 0 de 1.');
    expect(await searchPlaceholder(page, BRIEF)).toBe('Buscar nas notas');
    await page.close();
  });

  it('speak English on the English note of the same site', async () => {
    const page = await session.browser.newPage();
    expect(await searchPlaceholder(page, ENGLISH)).toBe('Search the notes');
    await page.close();
  });
});
