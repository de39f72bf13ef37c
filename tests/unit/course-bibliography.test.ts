/**
 * The shipped course's bibliography: a real one (at least twelve works, each with what a reader needs to
 * find it) and a used one (every work cited somewhere in the course, every citation a work it lists).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build.ts';

const COURSE_DIR = join(
  PROJECT_ROOT,
  'content/Network School/Lectures, Quizzes and References/Briefs, Timelines and Study Guides/Russian History/Russian History III',
);

interface CslEntry {
  id: string;
  type: string;
  title?: string;
  issued?: unknown;
  publisher?: string;
  'container-title'?: string;
  volume?: string | number;
  issue?: string | number;
  page?: string;
}

const entries = new Cite(readFileSync(join(COURSE_DIR, 'Russian History III.bib'), 'utf8')).data as CslEntry[];

/** Every note of the course, published or not, as text. */
function courseNotes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? courseNotes(join(dir, entry.name))
      : entry.name.endsWith('.md')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

/** The keys of the Pandoc citations in a text: `[@a]`, `[@a, p. 3]`, `[see @a; @b]`. */
function citedKeys(text: string): string[] {
  return [...text.matchAll(/\[[^\]]*@[\w-]+[^\]]*\]/g)].flatMap((match) =>
    [...match[0].matchAll(/@([\w-]+)/g)].map((key) => key[1]!),
  );
}

describe('the Russian History III bibliography', () => {
  it('lists at least twelve works, each with a title and a year, books with a publisher, articles with volume, issue and pages', () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const entry of entries) {
      expect(entry.title, entry.id).toBeTruthy();
      expect(entry.issued, entry.id).toBeDefined();
      expect(entry.id, 'keys are author and year in lower case').toMatch(/^[a-z]+\d{4}$/);
      if (entry.type === 'book') expect(entry.publisher, entry.id).toBeTruthy();
      if (entry.type === 'article-journal') {
        expect([entry['container-title'], entry.volume, entry.issue, entry.page], entry.id).not.toContain(undefined);
      }
    }
  });

  it('is all cited in the course, and the course cites nothing it lacks', () => {
    const cited = new Set(courseNotes(COURSE_DIR).flatMap(citedKeys));
    const listed = new Set(entries.map((entry) => entry.id));
    expect([...listed].filter((key) => !cited.has(key))).toEqual([]);
    expect([...cited].filter((key) => !listed.has(key))).toEqual([]);
  });
});
