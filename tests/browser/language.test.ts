/**
 * The islands speak each page's language in Chromium: a vault in Brazilian Portuguese with one note in
 * English (tests/fixtures/vault-lang), whose pages share one site script carrying the islands' text of
 * every dictionary; each page's islands pick theirs by its `<html lang>`.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault } from '../helpers/build.ts';
import { BUNDLE_FOLDERS, bundleOf } from '../../src/lib/site/search-bundles.ts';
import { siteUrl } from '../../src/lib/util/types.ts';
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

  /** Types a search on the page at `path`; the paths of the index's files it fetched. */
  async function search(page: Page, path: string, query: string): Promise<string[]> {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${session.origin}${path}`);
    await page.keyboard.press('Control+k');
    await page.locator('.search-input').waitFor();
    await page.keyboard.type(query);
    await page.waitForLoadState('networkidle');
    return fetched.filter((file) => file.startsWith('/pagefind'));
  }

  const resultPaths = (page: Page) =>
    page
      .locator('.search-result > .search-result-title > .search-result-link')
      .evaluateAll((links) => links.map((link) => decodeURI(new URL((link as HTMLAnchorElement).href).pathname)));

  // Each bundle of the index has an index per language of its own pages; the English note is in one
  // bundle only, and the other, without an English index, would answer from its Portuguese one.
  it('search in the page language only, across the bundles of the index', async () => {
    const portuguese = await session.browser.newPage();
    await search(portuguese, BRIEF, 'Cuba');
    await expect
      .poll(() => resultPaths(portuguese), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['/guerra-fria/resumo-da-crise/', '/guerra-fria/linha-do-tempo-da-crise/']));
    expect(await resultPaths(portuguese)).not.toContain(ENGLISH);
    // Those two pages are in different bundles: both were read.
    expect(bundleOf(siteUrl('/guerra-fria/resumo-da-crise/'))).not.toBe(
      bundleOf(siteUrl('/guerra-fria/linha-do-tempo-da-crise/')),
    );
    await portuguese.close();

    const english = await session.browser.newPage();
    const fetched = await search(english, ENGLISH, 'Cuba');
    const other = `/${BUNDLE_FOLDERS[1 - bundleOf(siteUrl(ENGLISH))]}`;
    // Only the other bundle's list of languages, none of its Portuguese index.
    expect(fetched.filter((file) => file.startsWith(other))).toEqual([`${other}pagefind-entry.json`]);
    await english.close();
  });
});
