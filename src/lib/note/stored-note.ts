/**
 * A note as the content store keeps it. Astro builds its whole store into one module, and a large
 * vault's store sets the build's peak memory; a timeline's parsed dates were half of it (each event's
 * date written out: its EDTF text, start and end points, sort keys). The store keeps each date as its
 * EDTF text, which parses back to the same date (parseHistoricalDate is the one home of that rule),
 * and the garden model reads the note back whole.
 */
import { parseHistoricalDate, type HistoricalDate } from './dates.ts';
import type { Era, NoteData, TimelineEvent, TimelineNote } from './note-data.ts';

export type StoredEvent = Omit<TimelineEvent, 'date'> & { date: string };
export type StoredEra = Omit<Era, 'start' | 'end'> & { start: string; end: string };
export type StoredTimeline = Omit<TimelineNote, 'events' | 'eras'> & { events: StoredEvent[]; eras: StoredEra[] };
export type StoredNote = Exclude<NoteData, TimelineNote> | StoredTimeline;

export function storedNote(note: NoteData): StoredNote {
  if (note.type !== 'timeline') return note;
  return {
    ...note,
    events: note.events.map((event) => ({ ...event, date: event.date.edtf })),
    eras: note.eras.map((era) => ({ ...era, start: era.start.edtf, end: era.end.edtf })),
  };
}

/** The note a stored one was made from. A date that does not parse is a store this code did not write. */
export function noteFromStore(stored: StoredNote): NoteData {
  if (stored.type !== 'timeline') return stored;
  const date = (edtf: string): HistoricalDate => {
    const parsed = parseHistoricalDate(edtf);
    if (!parsed.ok) throw new Error(`${stored.vaultPath}: the content store holds a date that does not parse (${parsed.reason})`);
    return parsed.value;
  };
  return {
    ...stored,
    events: stored.events.map((event) => ({ ...event, date: date(event.date) })),
    eras: stored.eras.map((era) => ({ ...era, start: date(era.start), end: date(era.end) })),
  };
}
