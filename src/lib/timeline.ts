/** Timeline events: stable ids and chronological order. */
import { compareHistoricalDates, type HistoricalDate } from './dates.ts';
import { slugifySegment } from './url.ts';

/**
 * The stable id of an event, from its date and title unless the author gave one:
 * `1962-10-24` + "Naval blockade of Cuba" → `1962-10-24-naval-blockade-of-cuba`.
 */
export function eventId(date: HistoricalDate, title: string): string {
  return `${slugifySegment(date.edtf)}-${slugifySegment(title)}`;
}

/** Chronological, and stable: items with the same date keep the order the author wrote them in. */
export function sortChronologically<T>(items: readonly T[], dateOf: (item: T) => HistoricalDate): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareHistoricalDates(dateOf(a.item), dateOf(b.item)) || a.index - b.index)
    .map(({ item }) => item);
}
