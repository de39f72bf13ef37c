/** The study pages of the default course: course timeline, glossaries, flashcards, study sheets, quiz, JSON-LD. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, PROJECT_ROOT, listFiles, readPage } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';
import { openSearch, type SiteSearch } from '../helpers/search.ts';

const FOLDER =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const COURSE = `${FOLDER}/russian-history-iii/`;
const QUIZ = `${FOLDER}/russian-history-iii-quiz/`;
const TIMELINE = `${FOLDER}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/`;
const page = (url: string) => parsePage(readPage(DEFAULT_SITE, url));
const { notes } = JSON.parse(readFileSync(join(DEFAULT_SITE, 'notes.json'), 'utf8')) as {
  notes: { url: string; type: string; title: string; events?: { id: string; date: string; title: string }[] }[];
};
const termCount = notes.filter((note) => note.type === 'term').length;
const eventCount = page(TIMELINE).querySelectorAll('li.event').length;

describe('the course timeline', () => {
  it('merges every event of the course in date order, grouped by era, with an era filter', () => {
    const timeline = page(`${COURSE}timeline/`);
    const events = [...timeline.querySelectorAll('li.event')];
    expect(events.length).toBe(eventCount);
    const starts = events.map((event) =>
      [...(event.querySelector('time')?.getAttribute('datetime') ?? '').split('-'), '00', '00'].slice(0, 3).join('-'),
    );
    expect(starts).toEqual([...starts].sort());
    expect(timeline.querySelectorAll('section.era').length).toBe(4);
    expect([...timeline.querySelectorAll('era-filter .era-pill')].map(textOf)).toEqual([
      'All eras',
      'Early life and career',
      'The struggle for power',
      'Leadership',
      'Retirement',
    ]);
  });

  it('links the terms an event names', () => {
    const kgbEvent = [...page(TIMELINE).querySelectorAll('li.event')].find((event) =>
      textOf(event.querySelector('h3')).startsWith('KGB'),
    );
    expect(kgbEvent?.querySelector('.event-detail a.term-link')).not.toBeNull();
  });
});

describe('glossaries', () => {
  it.each([
    ['the course', `${COURSE}glossary/`],
    ['the site', '/glossary/'],
  ])('list every term of %s A–Z with stable ids', (_, url) => {
    const glossary = page(url);
    const entries = [...glossary.querySelectorAll('.glossary-entry')];
    expect(entries).toHaveLength(termCount);
    const names = entries.map((entry) => textOf(entry.querySelector('dt a')));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(glossary.getElementById('kgb')).not.toBeNull();
  });
});

describe('flashcards', () => {
  it('have a card per term and per event, readable without JavaScript', () => {
    const cards = page(`${COURSE}flashcards/`).querySelectorAll('.flashcard-list li');
    expect(cards).toHaveLength(termCount + eventCount);
    const kgb = [...cards].find((card) => textOf(card.querySelector('.flashcard-front')) === 'KGB');
    expect(textOf(kgb?.querySelector('.flashcard-back'))).toContain('security');
  });
});

describe('study sheets', () => {
  it('give the course its terms, timeline, takeaways, FAQ and quiz with the answers last', () => {
    const sheet = page(`${COURSE}study-sheet/`);
    expect(sheet.querySelectorAll('.sheet-terms dt')).toHaveLength(termCount);
    expect(sheet.querySelectorAll('.sheet-timeline tbody tr')).toHaveLength(eventCount);
    expect(sheet.querySelectorAll('#sheet-takeaways + ul li').length).toBeGreaterThanOrEqual(10);
    const questions = sheet.querySelectorAll('.sheet-quiz > li');
    expect(questions.length).toBeGreaterThanOrEqual(12);
    expect(sheet.querySelectorAll('.sheet-answers > li')).toHaveLength(questions.length);
    const headings = [...sheet.querySelectorAll('h2')].map((h) => h.id);
    expect(headings.at(-1)).toBe('sheet-answers');
    expect(sheet.querySelector('[data-print]')).not.toBeNull();
  });

  it('exist for each brief', () => {
    const briefs = notes.filter((note) => note.type === 'brief');
    for (const brief of briefs) expect(listFiles(DEFAULT_SITE)).toContain(`${brief.url.slice(1)}study-sheet/index.html`);
  });
});

describe('the quiz', () => {
  it('has at least 12 questions, each answer revealed by <details>, kept out of search', () => {
    const quiz = page(QUIZ).querySelector('section.quiz');
    expect(quiz?.hasAttribute('data-pagefind-ignore')).toBe(true);
    const questions = [...(quiz?.querySelectorAll('.quiz-question') ?? [])];
    expect(questions.length).toBeGreaterThanOrEqual(12);
    for (const question of questions) {
      expect(textOf(question.querySelector('details.quiz-answer summary'))).toBe('Show answer');
      expect(textOf(question.querySelector('.quiz-correct')).length).toBeGreaterThan(0);
      expect(question.id).toMatch(/^quiz-/);
    }
    const stalin = questions.find((question) => /Stalin die/i.test(textOf(question.querySelector('.quiz-q'))));
    expect(textOf(stalin?.querySelector('.quiz-correct'))).toContain('1953');
  });

  describe('answers in the search index', () => {
    let search: SiteSearch;
    beforeAll(async () => {
      search = await openSearch(DEFAULT_SITE);
    });
    afterAll(async () => {
      await search?.close();
    });

    it('are never found', async () => {
      const explanation = textOf(page(QUIZ).querySelector('.quiz-explanation'));
      const words = explanation.split(/\s+/).slice(0, 6).join(' ');
      const hits = await search.search(words);
      expect(hits.map((hit) => hit.url)).not.toContain(QUIZ);
    });
  });
});

/** The properties schema.org and search engines require of the types the site emits. */
function validate(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (object: Record<string, unknown>, keys: string[], where: string) => {
    for (const key of keys) if (object[key] === undefined || object[key] === '') problems.push(`${where} lacks ${key}`);
  };
  const term = (object: Record<string, unknown>, where: string) => {
    if (object['@type'] !== 'DefinedTerm') problems.push(`${where} is not a DefinedTerm`);
    need(object, ['name', 'description', 'url'], where);
    if (typeof object.url === 'string' && !/^https?:\/\//.test(object.url)) problems.push(`${where} url is not absolute`);
  };
  if (data['@context'] !== 'https://schema.org') problems.push('no schema.org context');
  if (data['@type'] === 'DefinedTerm') term(data, 'DefinedTerm');
  else if (data['@type'] === 'DefinedTermSet') {
    need(data, ['name', 'url', 'hasDefinedTerm'], 'DefinedTermSet');
    const terms = data.hasDefinedTerm as Record<string, unknown>[];
    if (!Array.isArray(terms) || terms.length === 0) problems.push('DefinedTermSet has no terms');
    else terms.forEach((entry, index) => term(entry, `hasDefinedTerm[${index}]`));
  } else if (data['@type'] === 'FAQPage') {
    const questions = data.mainEntity as Record<string, unknown>[];
    if (!Array.isArray(questions) || questions.length === 0) problems.push('FAQPage has no questions');
    else
      questions.forEach((question, index) => {
        if (question['@type'] !== 'Question') problems.push(`mainEntity[${index}] is not a Question`);
        need(question, ['name', 'acceptedAnswer'], `mainEntity[${index}]`);
        const answer = question.acceptedAnswer as Record<string, unknown> | undefined;
        if (answer?.['@type'] !== 'Answer' || !answer.text) problems.push(`mainEntity[${index}] has no Answer text`);
      });
  } else problems.push(`unexpected type ${String(data['@type'])}`);
  return problems;
}

describe('JSON-LD', () => {
  const blocks = listFiles(DEFAULT_SITE)
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) =>
      [...parsePage(readFileSync(join(DEFAULT_SITE, file), 'utf8')).querySelectorAll('script[type="application/ld+json"]')].map(
        (script) => ({
          file,
          data: JSON.parse(script.textContent ?? '') as Record<string, unknown>,
        }),
      ),
    );

  it('parses and validates against its schema.org type on every page', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const { file, data } of blocks) expect(validate(data), file).toEqual([]);
  });

  it('marks every term page, both glossaries and the briefs with an FAQ', () => {
    const types = (type: string) => blocks.filter((block) => block.data['@type'] === type).length;
    expect(types('DefinedTerm')).toBe(termCount);
    expect(types('DefinedTermSet')).toBe(2);
    expect(types('FAQPage')).toBeGreaterThanOrEqual(2);
  });

  it('catches a malformed block', () => {
    expect(
      validate({ '@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: 'Q?' }] }),
    ).toContain('mainEntity[0] lacks acceptedAnswer');
  });
});

describe('counts, "On this page" and links of the study tools', () => {
  it('says how many events a timeline has and how many questions a quiz has, instead of a reading time', () => {
    expect(textOf(page(TIMELINE).querySelector('.note-dates'))).toMatch(/· 65 events$/);
    expect(textOf(page(QUIZ).querySelector('.note-dates'))).toMatch(/· 35 questions$/);
    expect(textOf(page('/').querySelector('.course-counts'))).toBe('2 briefs · 1 timeline · 1 quiz · 25 glossary terms');
  });

  it('gives the timeline an "On this page" by era and the quiz one by question, each entry landing on the page', () => {
    const timeline = page(TIMELINE);
    const eras = [...timeline.querySelectorAll('nav.toc a')];
    expect(eras.map(textOf)).toEqual(['Early life and career', 'The struggle for power', 'Leadership', 'Retirement']);
    for (const link of eras) expect(timeline.getElementById(link.getAttribute('href')!.slice(1))?.tagName).toBe('H2');
    const quiz = page(QUIZ);
    const entries = [...quiz.querySelectorAll('nav.toc a')];
    const questions = [...quiz.querySelectorAll('.quiz-question')];
    expect(entries.length).toBeGreaterThanOrEqual(questions.length);
    for (const question of questions) expect(entries.map((a) => a.getAttribute('href'))).toContain(`#${question.id}`);
  });

  it('links the course’s glossary, timeline, quiz, flashcards and study sheet on the course page and in the sidebar of every page of the course', () => {
    const tools = [`${COURSE}glossary/`, `${COURSE}timeline/`, QUIZ, `${COURSE}flashcards/`, `${COURSE}study-sheet/`];
    expect([...page(COURSE).querySelectorAll('main .study-links a')].map((a) => a.getAttribute('href'))).toEqual(tools);
    for (const url of [COURSE, TIMELINE, QUIZ, `${FOLDER}/glossary/kgb/`, `${COURSE}flashcards/`]) {
      const aside = page(url).querySelector('#site-menu .course-tools');
      expect(
        [...(aside?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')),
        url,
      ).toEqual(tools);
    }
  });

  it('puts a copy-link on every quiz question and FAQ entry, to its own id', () => {
    for (const question of page(QUIZ).querySelectorAll('.quiz-question')) {
      expect(question.querySelector('.quiz-q a[data-copy-link]')?.getAttribute('href')).toBe(`#${question.id}`);
    }
    const brief = notes.find((note) => note.type === 'brief')!;
    const entries = [...page(brief.url).querySelectorAll('.faq dt')];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^faq-/);
      expect(entry.querySelector('a[data-copy-link]')?.getAttribute('href')).toBe(`#${entry.id}`);
    }
  });
});

describe('what the pages publish of the vault', () => {
  it('lists each timeline’s event ids in notes.json, as its page carries them', () => {
    const timeline = notes.find((note) => note.type === 'timeline')!;
    const ids = [...page(timeline.url).querySelectorAll('li.event h3')].map((h3) => h3.id);
    expect(ids).toHaveLength(65);
    expect(timeline.events?.map((event) => event.id)).toEqual(ids);
    expect(timeline.events?.[0]).toEqual({
      id: ids[0],
      date: '1894-04-15',
      title: 'Khrushchev is born in Kalinovka',
      share: `${timeline.url}#${ids[0]}`,
    });
  });

  it('names no vault folder or file in any id or data attribute', () => {
    // The vault's folder names that are no note's title (those may be shown), and file extensions.
    const folders = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
        folders.add(entry.name);
        walk(join(dir, entry.name));
      }
    };
    walk(join(PROJECT_ROOT, 'content'));
    const titles = notes.map((note) => note.title);
    const forbidden = [...folders].filter((folder) => !titles.some((title) => title.includes(folder)));
    expect(forbidden).toContain('Briefs, Timelines and Study Guides');
    const found: string[] = [];
    for (const file of listFiles(DEFAULT_SITE).filter((name) => name.endsWith('.html'))) {
      for (const element of parsePage(readFileSync(join(DEFAULT_SITE, file), 'utf8')).querySelectorAll('*')) {
        for (const { name, value } of element.attributes) {
          if (name !== 'id' && !name.startsWith('data-')) continue;
          if (/\.mdx?\b/.test(value) || forbidden.some((folder) => value.includes(folder))) {
            found.push(`${relative(DEFAULT_SITE, join(DEFAULT_SITE, file))}: ${name}="${value.slice(0, 80)}"`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});
