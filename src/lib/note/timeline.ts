/** Timeline events: stable ids and chronological order. */
import { compareHistoricalDates, type HistoricalDate } from './dates.ts';
import { headingKey } from '../syntax/headings.ts';

/**
 * The stable id of an event, from its date and title unless the author gave one, slugged as headings
 * are: `1962-10-24` + "Naval blockade of Cuba" → `1962-10-24-naval-blockade-of-cuba`,
 * `1961-04-17/1961-04-20` + "Bay of Pigs" → `1961-04-17-1961-04-20-bay-of-pigs`.
 */
export function eventId(date: HistoricalDate, title: string): string {
  const when = date.edtf.replace(/[^0-9a-z]+/gi, '-').replace(/^-+|-+$/g, '');
  return `${when}-${headingKey(title)}`;
}

/** Chronological, and stable: items with the same date keep the order the author wrote them in. */
export function sortChronologically<T>(items: readonly T[], dateOf: (item: T) => HistoricalDate): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareHistoricalDates(dateOf(a.item), dateOf(b.item)) || a.index - b.index)
    .map(({ item }) => item);
}
