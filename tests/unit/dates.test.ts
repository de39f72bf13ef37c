import { describe, expect, it } from 'vitest';
import edtf from 'edtf';
import {
  compareHistoricalDates,
  datetimeAttributes,
  formatCalendarDate,
  formatHistoricalDate,
  parseCalendarDate,
  parseHistoricalDate,
  type HistoricalDate,
} from '../../src/lib/note/dates.ts';

const parse = (value: unknown): HistoricalDate => {
  const result = parseHistoricalDate(value);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const show = (value: unknown) => formatHistoricalDate(parse(value));

describe('dates at their own precision', () => {
  it.each([
    ['1962-10-24', '24 October 1962'],
    ['1962-07', 'July 1962'],
    ['1953', '1953'],
    [1953, '1953'],
    ['1894~', 'c. 1894'],
    ['1962?', '1962?'],
    ['1960-10-12?', '12 October 1960?'],
    ['1962-07~', 'c. July 1962'],
    ['1894%', 'c. 1894?'],
    ['1956/1964', '1956–1964'],
    ['1961-04-17/1961-04-20', '17–20 April 1961'],
    ['1956-10-23/1956-11-10', '23 October – 10 November 1956'],
    ['1960-09/1960-10', 'September–October 1960'],
    ['1956-10-23/1957-01', '23 October 1956 – January 1957'],
    ['1956/..', '1956 onwards'],
    ['../1956', 'until 1956'],
    ['-0044-03-15', '15 March 45 BC'],
  ])('%j is shown as "%s"', (value, expected) => {
    expect(show(value)).toBe(expected);
  });

  it('keeps a year a year: no midnight UTC on 1 January', () => {
    const year = parse(1953);
    expect(year.start).toMatchObject({ year: 1953, precision: 'year' });
    expect(year.start.month).toBeUndefined();
    expect(datetimeAttributes(year)).toEqual({ start: '1953', end: undefined });
    // The whole year is covered, not one instant.
    expect(year.latest - year.earliest).toBeGreaterThan(364 * 24 * 3600 * 1000);
  });

  it('refuses impossible dates instead of rolling them over', () => {
    for (const bad of ['1962-02-30', '1961-02-29', '1962-13', '1962-00', '1962-04-31']) {
      const result = parseHistoricalDate(bad);
      expect(result.ok, bad).toBe(false);
    }
    expect(parseHistoricalDate('1960-02-29').ok).toBe(true);
    expect(parseHistoricalDate('2000-02-29').ok).toBe(true);
    expect(parseHistoricalDate('1900-02-29').ok).toBe(false);
    expect(parseHistoricalDate('1961-02-29/1961-03-01').ok).toBe(false);
  });

  it('refuses what it cannot display', () => {
    for (const bad of ['October 1962', '24/10/1962', '1962-21', '19XX', '', null, true, 1953.5, '1964/1956', '../..']) {
      expect(parseHistoricalDate(bad).ok, String(bad)).toBe(false);
    }
    expect(parseHistoricalDate(new Date('1962-10-24')).ok).toBe(false);
  });

  it('gives <time datetime> values at the same precision', () => {
    expect(datetimeAttributes(parse('1962-10-24')).start).toBe('1962-10-24');
    expect(datetimeAttributes(parse('1962-07')).start).toBe('1962-07');
    expect(datetimeAttributes(parse('1961-04-17/1961-04-20'))).toEqual({ start: '1961-04-17', end: '1961-04-20' });
    expect(datetimeAttributes(parse('-0044-03-15')).start).toBeUndefined();
  });

  it('orders chronologically by the earliest instant, the wider date first on a tie', () => {
    const values = ['1962', '1962-10-24', '1962-10', '1961-04-17/1961-04-20', '1962-07', '1953', '1894~'];
    const sorted = values
      .map(parse)
      .sort(compareHistoricalDates)
      .map((d) => d.edtf);
    expect(sorted).toEqual(['1894~', '1953', '1961-04-17/1961-04-20', '1962', '1962-07', '1962-10', '1962-10-24']);
  });
});

describe('created/updated dates', () => {
  it('accepts dates and date-times as written, without time-zone shifts', () => {
    expect(parseCalendarDate('2024-05-01')).toEqual({ ok: true, value: '2024-05-01' });
    expect(parseCalendarDate('2023-02-14T23:38:08.616+01:00')).toEqual({ ok: true, value: '2023-02-14' });
    expect(formatCalendarDate('2026-11-23')).toBe('23 November 2026');
  });

  it('refuses impossible or unreadable dates', () => {
    expect(parseCalendarDate('2024-02-30').ok).toBe(false);
    expect(parseCalendarDate('yesterday').ok).toBe(false);
    expect(parseCalendarDate(20240501).ok).toBe(false);
  });
});

describe('a single date’s instants', () => {
  it('are the edtf parser’s for every precision and qualifier', () => {
    for (const year of ['-0044', '0001', '1894', '1962', '2000']) {
      for (const rest of ['', '-02', '-12', '-02-28', '-10-24', '-12-31']) {
        for (const qualifier of ['', '~', '?', '%']) {
          const text = `${year}${rest}${qualifier}`;
          const parsed = parseHistoricalDate(text);
          const expected = edtf(text);
          expect(parsed.ok && [parsed.value.earliest, parsed.value.latest], text).toEqual([expected.min, expected.max]);
        }
      }
    }
  });
});
