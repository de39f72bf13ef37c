import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatHistoricalDate, parseHistoricalDate, type HistoricalDate } from '../../src/lib/note/dates.ts';
import {
  canonicalLang,
  clientTextByDictionary,
  completeMessages,
  DICTIONARIES,
  dictionaryLang,
  translator,
  type Messages,
} from '../../src/lib/site/i18n.ts';
import { fill, plural, splitTemplate } from '../../src/lib/site/i18n-format.ts';
import { FALLBACK_DICTIONARY, nearestDictionary } from '../../src/lib/site/dictionary-lang.ts';
import { readNote } from '../../src/lib/note/note.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { resolveGardenOptions } from '../../src/config/options.ts';

const en = DICTIONARIES.en as Messages;
const placeholders = (message: string | object) => [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();

describe('the dictionaries', () => {
  it('has every English key in pt-BR, with the same placeholders and plural forms', () => {
    const pt = DICTIONARIES['pt-BR'] as Partial<Messages>;
    for (const key of Object.keys(en) as (keyof Messages)[]) {
      expect(pt[key], key).toBeDefined();
      expect(typeof pt[key], key).toBe(typeof en[key]);
      expect(placeholders(pt[key] as string), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(pt).sort()).toEqual(Object.keys(en).sort());
  });

  it('is really translated: no pt-BR interface sentence is left in English', () => {
    const pt = DICTIONARIES['pt-BR'] as Messages;
    const same = (Object.keys(en) as (keyof Messages)[]).filter(
      (key) => JSON.stringify(pt[key]) === JSON.stringify(en[key]) && JSON.stringify(en[key]).includes(' '),
    );
    // Only messages that are nothing but placeholders and punctuation, or loanwords, may read the same.
    const loanwords = ['linkCount'];
    expect(
      same.filter((key) => !loanwords.includes(key) && /[a-z]{3}/i.test(JSON.stringify(en[key]).replace(/\{\w+\}/g, ''))),
    ).toEqual([]);
  });

  it('chooses the nearest dictionary: exact, same language, else English', () => {
    expect(dictionaryLang('pt-BR')).toBe('pt-BR');
    expect(dictionaryLang('pt-br')).toBe('pt-BR');
    expect(dictionaryLang('pt')).toBe('pt-BR');
    expect(dictionaryLang('pt-PT')).toBe('pt-BR');
    expect(dictionaryLang('en-GB')).toBe('en');
    expect(dictionaryLang('de')).toBe('en');
    expect(dictionaryLang('zh-Hant-TW')).toBe('en');
  });

  it('speaks the page language, and English where it has no dictionary', () => {
    expect(translator('pt-BR').t('skipToContent')).toBe('Pular para o conteúdo');
    expect(translator('pt-PT').t('onThisPage')).toBe('Nesta página');
    expect(translator('pt-PT').lang).toBe('pt-PT');
    expect(translator('de').t('skipToContent')).toBe('Skip to content');
    expect(translator('en').n('minutesRead', 4)).toBe('4 min read');
  });

  it('falls back to English for a key a dictionary lacks', () => {
    const partial = completeMessages({ skipToContent: 'Zum Inhalt springen' });
    expect(partial.skipToContent).toBe('Zum Inhalt springen');
    expect(partial.onThisPage).toBe('On this page');
  });

  it('picks plural forms by the language', () => {
    expect(translator('en').n('noteCount', 1)).toBe('1 note');
    expect(translator('en').n('noteCount', 2)).toBe('2 notes');
    expect(translator('pt-BR').n('noteCount', 1)).toBe('1 nota');
    expect(translator('pt-BR').n('noteCount', 0)).toBe('0 notas');
    expect(translator('pt-BR').n('noteCount', 2)).toBe('2 notas');
    expect(translator('pt-BR').n('searchResults', 3, { term: 'degelo' })).toBe('3 resultados para degelo');
  });

  it('chooses among any list of tags, as the site script does with the tags of the text it carries', () => {
    const tags = ['en', 'pt-BR', 'zh-Hant', 'es-419'];
    expect(nearestDictionary('PT-br', tags)).toBe('pt-BR');
    expect(nearestDictionary('pt-AO', tags)).toBe('pt-BR');
    expect(nearestDictionary('zh-Hant-TW', tags)).toBe('zh-Hant');
    expect(nearestDictionary('es', tags)).toBe('es-419');
    expect(nearestDictionary('de', tags)).toBe('en');
    expect(nearestDictionary('pt-BR', ['en'])).toBe('en');
    expect(nearestDictionary('es', ['es', 'es-419'])).toBe('es');
    // English is where every language without a dictionary goes, so the site must have it.
    expect(FALLBACK_DICTIONARY).toBe('en');
    expect(Object.keys(DICTIONARIES)).toContain(FALLBACK_DICTIONARY);
  });

  it('hands the islands only the messages they use, in every dictionary, completed over English', () => {
    const text = clientTextByDictionary();
    expect(Object.keys(text).sort()).toEqual(Object.keys(DICTIONARIES).sort());
    const pt = text['pt-BR'];
    expect(pt?.linkCopied).toBe('Link copiado');
    expect(pt?.searchResults).toEqual({ one: '{count} resultado para {term}', other: '{count} resultados para {term}' });
    expect(text.en?.linkCopied).toBe('Link copied');
    expect(text.en?.quizScore).toBe(en.quizScore);
    // The same keys in every dictionary, and nothing the islands do not use.
    expect(Object.keys(pt ?? {}).sort()).toEqual(Object.keys(text.en ?? {}).sort());
    expect(Object.keys(text.en ?? {})).not.toContain('footer');
    expect(Object.keys(text.en ?? {}).length).toBeLessThan(Object.keys(en).length / 2);
  });

  it('fills a key a dictionary lacks with English in the islands’ text too', () => {
    const text = clientTextByDictionary({ en, de: { linkCopied: 'Link kopiert' } });
    expect(Object.keys(text)).toEqual(['en', 'de']);
    expect(text.de?.linkCopied).toBe('Link kopiert');
    expect(text.de?.shareThis).toBe(en.shareThis);
  });
});

describe('filling in messages', () => {
  it('fills placeholders and keeps unknown ones', () => {
    expect(fill('Card {n} of {total}', { n: 1, total: 9 })).toBe('Card 1 of 9');
    expect(fill('{missing} stays', {})).toBe('{missing} stays');
    expect(plural({ one: '{count} card', other: '{count} cards' }, 1, 'en')).toBe('1 card');
  });

  it('cuts a template at its placeholders for markup', () => {
    expect(splitTemplate('Run {start} to build')).toEqual(['Run ', { name: 'start' }, ' to build']);
    expect(splitTemplate('{link}.')).toEqual([{ name: 'link' }, '.']);
  });
});

describe('language tags (BCP 47)', () => {
  it('canonicalises valid tags', () => {
    expect(canonicalLang('pt-br')).toEqual({ ok: true, value: 'pt-BR' });
    expect(canonicalLang('EN')).toEqual({ ok: true, value: 'en' });
    expect(canonicalLang(' zh-hant-tw ')).toEqual({ ok: true, value: 'zh-Hant-TW' });
  });

  it('refuses what is not a tag, saying what to write', () => {
    for (const bad of ['en_US', 'english!', 'pt--BR', '', 42, null, ['en']]) {
      const result = canonicalLang(bad);
      expect(result.ok, String(bad)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/"pt-BR"/);
    }
  });

  it('is a site option, overridden by GARDEN_LANG, checked like the others', () => {
    expect(resolveGardenOptions({}, {}).lang).toBe('en');
    expect(resolveGardenOptions({ lang: 'pt-br' }, {}).lang).toBe('pt-BR');
    expect(resolveGardenOptions({ lang: 'en' }, { GARDEN_LANG: 'pt-BR' }).lang).toBe('pt-BR');
    expect(() => resolveGardenOptions({}, { GARDEN_LANG: 'en_US' })).toThrow(
      /lang \(from GARDEN_LANG\): "en_US" is not a BCP 47 language tag/,
    );
  });

  it('is a note property: canonicalised, refused with its line, absent when empty', () => {
    const read = (frontmatter: string) =>
      readNote(vaultPath('Curso/Nota.md'), `---\ndg-publish: true\n${frontmatter}\n---\nTexto`);
    const good = read('lang: pt-br');
    expect(good.status === 'published' && good.note.lang).toBe('pt-BR');
    for (const empty of ['lang:', 'lang: ""', 'title: Nota']) {
      const outcome = read(empty);
      expect(outcome.status, empty).toBe('published');
      if (outcome.status === 'published') expect(outcome.note.lang, empty).toBeUndefined();
    }
    const bad = read('title: Nota\nlang: portuguese_BR');
    expect(bad.status).toBe('invalid');
    if (bad.status === 'invalid') {
      expect(bad.problems).toHaveLength(1);
      expect(bad.problems[0]).toMatchObject({ line: 4 });
      expect(bad.problems[0]?.message).toContain('"portuguese_BR" is not a BCP 47 language tag');
    }
  });
});

describe('dates in the page language', () => {
  const parse = (value: unknown): HistoricalDate => {
    const result = parseHistoricalDate(value);
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  };

  it.each([
    ['1962-10-24', '24 de outubro de 1962'],
    ['1962-07', 'julho de 1962'],
    ['1953', '1953'],
    ['1894~', 'c. 1894'],
    ['1962?', '1962?'],
    ['1962-07~', 'c. julho de 1962'],
    ['1894%', 'c. 1894?'],
    ['1956/1964', '1956–1964'],
    ['1961-04-17/1961-04-20', '17–20 de abril de 1961'],
    ['1956-10-23/1956-11-10', '23 de outubro – 10 de novembro de 1956'],
    ['1960-09/1960-10', 'setembro–outubro de 1960'],
    ['1956-10-23/1957-01', '23 de outubro de 1956 – janeiro de 1957'],
    ['1956/..', 'a partir de 1956'],
    ['../1956', 'até 1956'],
    ['-0044-03-15', '15 de março de 45 a.C.'],
    ['1962-01-01', '1 de janeiro de 1962'],
  ])('%j in pt-BR is "%s"', (value, expected) => {
    expect(formatHistoricalDate(parse(value), 'pt-BR')).toBe(expected);
  });

  it('keeps English as it was, for every English tag', () => {
    expect(formatHistoricalDate(parse('1962-10-24'))).toBe('24 October 1962');
    expect(formatHistoricalDate(parse('1962-10-24'), 'en-US')).toBe('24 October 1962');
    expect(formatHistoricalDate(parse('-0044-03-15'), 'en')).toBe('15 March 45 BC');
  });

  it('uses Intl for a language without a dictionary, with English words around it', () => {
    expect(formatHistoricalDate(parse('1962-10-24'), 'de')).toBe('24. Oktober 1962');
    expect(formatHistoricalDate(parse('1956/..'), 'de')).toBe('1956 onwards');
  });

  it('writes created/updated dates in the page language, never shifted a day', () => {
    expect(formatCalendarDate('2026-11-23', 'pt-BR')).toBe('23 de novembro de 2026');
    expect(formatCalendarDate('2026-01-01', 'pt-BR')).toBe('1 de janeiro de 2026');
    expect(formatCalendarDate('2026-11-23')).toBe('23 November 2026');
  });
});
