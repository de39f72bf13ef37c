// The study tools' pure rules: the line under a note's title, its "On this page", a course's tool
// links, flashcard ids and the flashcard queue, FAQ ids.
import { describe, expect, it } from 'vitest';
import { courseFlashcards, courseToolLinks, mergeTimelines } from '../../src/lib/site/course-tools.ts';
import { AGAIN_GAP, firstUnknown, parseMarks, requeue, studyQueue } from '../../src/lib/site/flashcard-deck.ts';
import { noteMeasure, tocEntries } from '../../src/lib/site/note-outline.ts';
import { translator } from '../../src/lib/site/i18n.ts';
import { readNote, reservedIds } from '../../src/lib/note/note.ts';
import type { CourseNote, NoteData, TermNote, TimelineNote } from '../../src/lib/note/note-data.ts';
import { vaultPath } from '../../src/lib/util/types.ts';

// The body's headings and words are the vault scan's: given here as it would find them.
function read<T extends NoteData>(path: string, frontmatter: string, body: Partial<NoteData> = {}): T {
  const outcome = readNote(vaultPath(path), `---\ndg-publish: true\n${frontmatter}\n---\n`);
  if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
  return { ...outcome.note, ...body } as T;
}

const h = (depth: number, text: string, id: string) => ({ depth, text, id });

const en = translator('en');
const t = en.t;

const QUIZ = [
  'type: quiz',
  'quiz:',
  '  - { q: "When did Stalin die?", choices: ["1953", "1956"], answer: "1953" }',
  '  - { q: "Why the Secret Speech?", answer: "To break with terror." }',
].join('\n');

const EVENTS = (dates: string[]) =>
  ['type: timeline', 'events:', ...dates.map((date, i) => `  - { date: "${date}", title: "Event ${i}" }`)].join('\n');

describe('the line under a note’s title', () => {
  it('counts a timeline’s events and a quiz’s questions, and gives other notes their reading time', () => {
    const timeline = read('C/T.md', EVENTS(['1953', '1956', '1962']));
    const quiz = read('C/Q.md', QUIZ);
    const brief = read('C/B.md', 'type: brief', { words: 500 });
    expect(en.n(noteMeasure(timeline).key, noteMeasure(timeline).count)).toBe('3 events');
    expect(en.n(noteMeasure(quiz).key, noteMeasure(quiz).count)).toBe('2 questions');
    expect(en.n(noteMeasure(brief).key, noteMeasure(brief).count)).toBe('2 min read');
    expect(translator('pt-BR').n('questionCount', 1)).toBe('1 pergunta');
  });

  it('says a course timeline’s events and timelines with spaces between the words', () => {
    expect(en.n('courseTimelineLede', 1, { events: en.n('eventCount', 54) })).toBe('54 events from 1 timeline, in date order.');
  });
});

describe('“On this page”', () => {
  it('lists a timeline’s eras that have events, by the ids their sections carry, then the events in none', () => {
    const timeline = read<TimelineNote>(
      'C/T.md',
      [
        'type: timeline',
        'eras:',
        '  - { title: Early, start: "1900", end: "1949" }',
        '  - { title: Empty, start: "1950", end: "1952" }',
        '  - { title: Late, start: "1953", end: "1970" }',
        'events:',
        '  - { date: "1910", title: A, era: Early }',
        '  - { date: "1960", title: B, era: Late }',
        '  - { date: "1990", title: C }',
      ].join('\n'),
      { headings: [h(2, 'Sources', 'sources')] },
    );
    expect(tocEntries(timeline, t)).toEqual([
      { id: 'sources', text: 'Sources', depth: 2 },
      { id: 'era-early', text: 'Early', depth: 2 },
      { id: 'era-late', text: 'Late', depth: 2 },
      { id: 'other-events', text: 'Other events', depth: 2 },
    ]);
  });

  it('lists a timeline without eras by decade, each linking its first event', () => {
    const timeline = read<TimelineNote>('C/T.md', EVENTS(['1953', '1956', '1962', '1964-10-14']));
    expect(tocEntries(timeline, t)).toEqual([
      { id: '1953-event-0', text: '1950s', depth: 2 },
      { id: '1962-event-2', text: '1960s', depth: 2 },
    ]);
    expect(tocEntries(timeline, translator('pt-BR').t).map((entry) => entry.text)).toEqual(['Anos 1950', 'Anos 1960']);
    expect(tocEntries(read('C/T.md', EVENTS(['1953', '1956'])), t)).toEqual([]);
  });

  it('lists a quiz by its sections and questions, and a brief by its headings and study sections', () => {
    const quiz = read('C/Q.md', QUIZ, { headings: [h(2, 'Before you start', 'before-you-start')] });
    expect(tocEntries(quiz, t)).toEqual([
      { id: 'before-you-start', text: 'Before you start', depth: 2 },
      { id: 'quiz', text: 'Quiz', depth: 2 },
      { id: 'quiz-when-did-stalin-die', text: '1. When did Stalin die?', depth: 3 },
      { id: 'quiz-why-the-secret-speech', text: '2. Why the Secret Speech?', depth: 3 },
    ]);
    const brief = read('C/B.md', 'type: brief\ntakeaways: [One]\nfaq: [{ q: "Why?", a: "Because." }]', {
      headings: [h(2, 'One', 'one'), h(4, 'Deep', 'deep')],
    });
    expect(tocEntries(brief, t).map((entry) => entry.id)).toEqual(['one', 'key-takeaways', 'frequently-asked-questions']);
  });
});

describe('a course’s study tools', () => {
  const course = read<CourseNote>('C/C.md', 'type: course');
  it('are its glossary, timeline, quiz, flashcards and study sheet, in that order', () => {
    const quiz = read('C/Q.md', QUIZ);
    const hiddenQuiz = read('C/H.md', `${QUIZ}\ndg-hide: true`);
    expect(courseToolLinks(course, [course, quiz, hiddenQuiz, read('C/B.md', 'type: brief')])).toEqual([
      { url: '/c/c/glossary/', label: 'glossaryAZ' },
      { url: '/c/c/timeline/', label: 'courseTimeline' },
      { url: '/c/q/', label: 'quiz' },
      { url: '/c/c/flashcards/', label: 'flashcards' },
      { url: '/c/c/study-sheet/', label: 'studySheet' },
    ]);
  });

  it('name each quiz by its title when there are several', () => {
    const links = courseToolLinks(course, [read('C/Q1.md', `${QUIZ}\ntitle: First`), read('C/Q2.md', `${QUIZ}\ntitle: Second`)]);
    expect(links.filter((link) => link.label === 'quiz').map((link) => link.title)).toEqual(['First', 'Second']);
  });
});

describe('flashcard ids', () => {
  it('stay the same when a note moves, and stay unique', () => {
    const at = (folder: string) => {
      const term = read<TermNote>(`${folder}/KGB.md`, 'type: term\ndefinition: The agency.');
      const timeline = read<TimelineNote>(`${folder}/T.md`, EVENTS(['1954', '1954']));
      return courseFlashcards([term], mergeTimelines([timeline]), (url) => url).map((card) => card.id);
    };
    expect(at('Old/Place')).toEqual(at('New Folder'));
    expect(at('X')).toEqual(['term-kgb', 'event-1954-event-0', 'event-1954-event-1']);
    const twice = read<TimelineNote>('A.md', EVENTS(['1954']));
    const ids = courseFlashcards([], mergeTimelines([twice, twice]), (url) => url).map((card) => card.id);
    expect(ids).toEqual(['event-1954-event-0', 'event-1954-event-0-2']);
  });
});

describe('the flashcard queue', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  it('brings a card marked “again” back a few cards later, the next card in its place', () => {
    expect(requeue(ids, 1)).toEqual(['a', 'c', 'd', 'e', 'f', 'b', 'g']);
    expect(requeue(ids, 1).indexOf('b') - 1).toBe(AGAIN_GAP);
    expect(requeue(ids, 5)).toEqual(['a', 'b', 'c', 'd', 'e', 'g', 'f']);
    expect(requeue(['a'], 0)).toEqual(['a']);
  });

  it('leaves out the known cards in “only cards I don’t know”, and starts at the first unknown', () => {
    const marks = parseMarks(JSON.stringify({ a: 'know', c: 'again', d: 'know', x: 'bogus' }));
    expect(marks).toEqual({ a: 'know', c: 'again', d: 'know' });
    expect(studyQueue(ids, marks, true)).toEqual(['b', 'c', 'e', 'f', 'g']);
    expect(studyQueue(ids, marks, false)).toEqual(ids);
    expect(firstUnknown(ids, marks)).toBe(1);
    expect(parseMarks('not json')).toEqual({});
    expect(parseMarks('[1]')).toEqual({});
  });
});

describe('FAQ entries', () => {
  it('have ids from their questions, unique in the note and kept from its headings', () => {
    const brief = read('C/B.md', 'type: brief\nfaq: [{ q: "Why?", a: "A." }, { q: "Why?", a: "B." }]');
    if (brief.type !== 'brief') throw new Error('not a brief');
    expect(brief.faq.map((item) => item.id)).toEqual(['faq-why', 'faq-why-1']);
    expect(reservedIds(brief)).toEqual(['faq-why', 'faq-why-1']);
  });
});
