/** The content store's form of a note (src/lib/note/stored-note.ts): smaller, and read back to the same note. */
import { describe, expect, it } from 'vitest';
import type { NoteData } from '../../src/lib/note/note-data.ts';
import { noteFromStore, storedNote } from '../../src/lib/note/stored-note.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { note } from '../helpers/vault.ts';

// Every form of date a timeline may hold: days, months, years (a bare YAML number too), qualifiers,
// negative years, open and closed intervals.
const DATES = [
  '"1962-10-24"',
  '"1962-07"',
  '1953',
  '"1894~"',
  '"1962?"',
  '"1956%"',
  '"-0044-03-15"',
  '"1956/1964"',
  '"1956/.."',
  '"../1956"',
];

function notes(): NoteData[] {
  const events = DATES.map((date, i) => `  - date: ${date}\n    title: Event ${i}`).join('\n');
  const vault = loadVault(
    [
      note('Timeline.md', `type: timeline\neras:\n  - title: Thaw\n    start: "1953"\n    end: "1964-10"\nevents:\n${events}`),
      note('Plain.md', 'tags: [a]'),
    ],
    { brokenLinks: 'warn' },
  );
  expect(vault.problems).toEqual([]);
  return vault.notes.map((entry) => entry.note);
}

const timelineOf = (all: NoteData[]) => all.find((each) => each.type === 'timeline')!;

describe('a note in the content store', () => {
  it('keeps a timeline’s dates as their EDTF text and reads back the same note, after the store’s round trip', () => {
    const original = timelineOf(notes());
    const stored = storedNote(original);
    expect(stored.type === 'timeline' && stored.events.map((event) => event.date)).toEqual(
      original.type === 'timeline' && original.events.map((event) => event.date.edtf),
    );
    expect(stored.type === 'timeline' && stored.eras[0]).toMatchObject({ start: '1953', end: '1964-10' });
    // Astro's store keeps undefined and -Infinity (devalue), as structuredClone does.
    expect(noteFromStore(structuredClone(stored))).toStrictEqual(original);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(original).length * 0.7);
  });

  it('keeps other notes as they are', () => {
    const plain = notes().find((each) => each.type !== 'timeline')!;
    expect(storedNote(plain)).toBe(plain);
    expect(noteFromStore(plain)).toBe(plain);
  });

  it('refuses a stored date that does not parse, naming the note', () => {
    const stored = storedNote(timelineOf(notes()));
    if (stored.type !== 'timeline') throw new Error('not a timeline');
    stored.events[0]!.date = '19XX';
    expect(() => noteFromStore(stored)).toThrow(/Timeline\.md: the content store holds a date that does not parse/);
  });
});
