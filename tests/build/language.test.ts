/**
 * A vault in Brazilian Portuguese (GARDEN_LANG=pt-BR) with one note in English (`lang: en`): each page
 * in its language — `<html lang>`, interface text, dates — and one search index per language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault, readPage, type BuildResult } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

let build: BuildResult;
const page = (url: string) => parsePage(readPage(build.outDir, url));

const BRIEF = '/guerra-fria/resumo-da-crise/';
const TIMELINE = '/guerra-fria/linha-do-tempo-da-crise/';
const ENGLISH = '/guerra-fria/english-note/';
const COURSE = '/guerra-fria/guerra-fria/';

beforeAll(async () => {
  build = await buildVault({
    contentDir: 'tests/fixtures/vault-lang',
    outDir: join(TMP, 'vault-lang'),
    env: { GARDEN_URL_LOCK: '', GARDEN_LANG: 'pt-BR' },
  });
  expect(build.code, build.output).toBe(0);
});

describe('the language of each page', () => {
  it.each([
    ['/', 'pt-BR'],
    ['/search/', 'pt-BR'],
    ['/glossary/', 'pt-BR'],
    ['/tags/', 'pt-BR'],
    ['/graph/', 'pt-BR'],
    ['404.html', 'pt-BR'],
    [BRIEF, 'pt-BR'],
    [TIMELINE, 'pt-BR'],
    [`${COURSE}timeline/`, 'pt-BR'],
    [`${COURSE}flashcards/`, 'pt-BR'],
    [`${BRIEF}study-sheet/`, 'pt-BR'],
    [ENGLISH, 'en'],
    [`${ENGLISH}study-sheet/`, 'en'],
  ])('%s is in %s', (url, lang) => {
    const document = url.endsWith('.html') ? parsePage(readFileSync(join(build.outDir, url), 'utf8')) : page(url);
    expect(document.documentElement.getAttribute('lang')).toBe(lang);
  });
});

describe('interface text', () => {
  it('is Portuguese on the Portuguese pages', () => {
    const brief = page(BRIEF);
    expect(textOf(brief.querySelector('.skip-link'))).toBe('Pular para o conteúdo');
    expect([...brief.querySelectorAll('.site-nav a')].map(textOf)).toEqual(['Glossário', 'Tags', 'Grafo']);
    expect(textOf(brief.querySelector('#on-this-page'))).toBe('Nesta página');
    expect(textOf(brief.querySelector('.note-kind'))).toBe('Resumo');
    expect(textOf(brief.querySelector('.note-dates'))).toBe('Escrito em 23 de novembro de 2026 · 1 min de leitura');
    expect(textOf(brief.querySelector('#backlinks'))).toBe('Citado em');
    expect(textOf(brief.querySelector('#quiz'))).toBe('Questionário');
    expect(textOf(brief.querySelector('.quiz-answer summary'))).toBe('Mostrar resposta');
    expect(textOf(brief.querySelector('[data-quiz-check]'))).toBe('Conferir respostas');
    expect(brief.querySelector('.breadcrumbs')?.getAttribute('aria-label')).toBe('Trilha de navegação');
    expect(textOf(brief.querySelector('.search-button span'))).toBe('Buscar');
    expect(textOf(brief.querySelector('.site-footer'))).toMatch(/^Notas de estudo escritas para estudantes/);
    expect(textOf(page('/search/').querySelector('h1'))).toBe('Buscar');
    const notFound = parsePage(readFileSync(join(build.outDir, '404.html'), 'utf8'));
    expect(textOf(notFound.querySelector('h1'))).toBe('Página não encontrada');
    const moved = page('/crise/');
    expect(moved.documentElement.getAttribute('lang')).toBe('pt-BR');
    expect(textOf(moved.querySelector('body p'))).toBe('Esta página mudou para Resumo da Crise dos Mísseis.');
  });

  it('hands the islands their text from the site script, in every language, and not from each page', () => {
    const siteScript = (url: string) => {
      const src = page(url).querySelector('script[type="module"][src^="/_astro/"]')?.getAttribute('src');
      expect(src, url).toBeTruthy();
      return readFileSync(join(build.outDir, src ?? ''), 'utf8');
    };
    const script = siteScript(BRIEF);
    for (const text of ['Link copiado', 'Você acertou {right} de {total}.', 'Vire o cartão', 'Link copied'])
      expect(script).toContain(text);
    // The islands' messages only, not the whole dictionaries the pages are written with.
    expect(script).not.toContain('Pular para o conteúdo');
    expect(script).not.toContain('Skip to content');
    // One script for every page, whatever its language; no page carries the text itself.
    for (const url of [`${COURSE}flashcards/`, ENGLISH, `${ENGLISH}study-sheet/`]) expect(siteScript(url)).toBe(script);
    for (const url of [BRIEF, `${COURSE}flashcards/`, ENGLISH, '/search/'])
      expect(page(url).querySelector('script[type="application/json"]'), url).toBeNull();
  });

  it('is English on the English note', () => {
    const english = page(ENGLISH);
    expect(textOf(english.querySelector('.skip-link'))).toBe('Skip to content');
    expect(textOf(english.querySelector('.note-dates'))).toBe('Written 23 November 2026 · 1 min read');
    expect(english.querySelector('.course-nav')?.getAttribute('aria-label')).toBe('Course contents');
  });
});

describe('dates', () => {
  it('are written in Portuguese on a timeline, at their own precision', () => {
    const timeline = page(TIMELINE);
    expect([...timeline.querySelectorAll('.event-date time')].map(textOf)).toEqual([
      'c. 1894',
      '17–20 de abril de 1961',
      'julho de 1962',
      '24 de outubro de 1962',
    ]);
    expect(textOf(timeline.querySelector('.note-dates'))).toBe('Atualizado em 24 de novembro de 2026 · 4 eventos');
    expect(textOf(timeline.querySelector('.event-significance strong'))).toBe('Por que importa:');
    expect(textOf(page(`${COURSE}timeline/`).querySelector('.lede'))).toBe(
      '4 eventos de 1 linha do tempo, em ordem cronológica.',
    );
  });

  it('are in Portuguese on the flashcards and in the search metadata', () => {
    const backs = [...page(`${COURSE}flashcards/`).querySelectorAll('.flashcard-back')].map(textOf);
    expect(backs).toContain('24 de outubro de 1962');
    expect(textOf(page(TIMELINE).querySelector('[data-pagefind-meta="dates"]'))).toBe('c. 1894 – 24 de outubro de 1962');
  });
});

describe('search', () => {
  it('indexes each language apart', () => {
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // Pagefind keys its indexes by the lower-cased `<html lang>`, which its search reads the same way.
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'pt-br']);
    expect(entry.languages.en?.page_count).toBe(1);
    expect(entry.languages['pt-br']?.page_count).toBe(4);
  });
});
