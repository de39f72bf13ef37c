/**
 * The shipped course's quiz as a lecturer would set it: enough questions, and no pattern a student could
 * score on without knowing the history — the right choice neither sits in one place nor gives itself
 * away by being the longest or the shortest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNoteSource } from '../../src/lib/note/frontmatter.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';

const QUIZ_FILE = join(
  PROJECT_ROOT,
  'content/Network School/Lectures, Quizzes and References/Briefs, Timelines and Study Guides/Russian History/Russian History III/Russian History III - Quiz.md',
);

interface Question {
  q: string;
  choices?: string[];
  answer: string;
  explanation?: string;
}

const note = parseNoteSource(readFileSync(QUIZ_FILE, 'utf8'));
const questions = note.data.quiz as Question[];
const multipleChoice = questions.filter((question) => question.choices);
const positions = multipleChoice.map((question) => question.choices!.indexOf(question.answer));

/** Choices of different lengths: only then can length give the answer away. */
function lengthsDiffer(question: Question): boolean {
  return new Set(question.choices!.map((choice) => choice.length)).size > 1;
}

/** The right choice is at least as long as every other choice (a tie counts against the quiz). */
function longestIsRight(question: Question): boolean {
  return lengthsDiffer(question) && question.choices!.every((choice) => choice.length <= question.answer.length);
}

/** The right choice is at most as long as every other choice. */
function shortestIsRight(question: Question): boolean {
  return lengthsDiffer(question) && question.choices!.every((choice) => choice.length >= question.answer.length);
}

describe('the Russian History III quiz', () => {
  it('has at least 30 questions, most of them multiple choice, each with four choices', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(multipleChoice.length).toBeGreaterThanOrEqual(20);
    for (const question of multipleChoice) expect(question.choices, question.q).toHaveLength(4);
  });

  it('spreads the right choice over every position, none holding more than 40 % of the answers', () => {
    for (let position = 0; position < 4; position++) {
      const count = positions.filter((p) => p === position).length;
      expect(count, `position ${position + 1}`).toBeGreaterThan(0);
      expect(count / positions.length, `position ${position + 1}`).toBeLessThanOrEqual(0.4);
    }
  });

  it('has no positional rhythm: no run of three in one place, no cycle a student could follow', () => {
    for (let i = 2; i < positions.length; i++) {
      expect(positions[i - 2] === positions[i - 1] && positions[i - 1] === positions[i], `questions ${i - 1}–${i + 1}`).toBe(
        false,
      );
    }
    // A period-p pattern (A B A B…, A B C D A B C D…) makes position i predict position i + p.
    for (let period = 1; period <= 4; period++) {
      const pairs = positions.slice(period).map((p, i) => p === positions[i]);
      expect(pairs.filter(Boolean).length / pairs.length, `period ${period}`).toBeLessThan(0.5);
    }
  });

  it('does not give the answer away by length: the right choice is the longest, or the shortest, in at most a third', () => {
    const longest = multipleChoice.filter(longestIsRight);
    const shortest = multipleChoice.filter(shortestIsRight);
    expect(longest.length / multipleChoice.length, longest.map((q) => q.q).join('\n')).toBeLessThanOrEqual(1 / 3);
    expect(shortest.length / multipleChoice.length, shortest.map((q) => q.q).join('\n')).toBeLessThanOrEqual(1 / 3);
    // Nor by the opposite rule: "never the longest" would be a pattern too.
    expect(longest.length / multipleChoice.length).toBeGreaterThanOrEqual(0.1);
    expect(shortest.length / multipleChoice.length).toBeGreaterThanOrEqual(0.1);
  });

  it('explains every answer', () => {
    for (const question of questions) expect(question.explanation?.trim(), question.q).toBeTruthy();
  });

  it('sets essay questions with marking guidance in its text', () => {
    const essays = note.body.split(/^## /m).find((section) => section.startsWith('Essay questions'));
    expect(essays).toBeDefined();
    expect(essays!.match(/^### /gm)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(essays!.match(/Marking guidance/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
  });
});
