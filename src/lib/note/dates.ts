/**
 * Historical dates at their own precision, written as EDTF strings (ISO 8601-2): `1962-10-24`,
 * `1962-07`, `1953`, `1956/1964`, `1894~` (circa), `1962?` (uncertain). Parsed with the `edtf`
 * library, which refuses impossible calendar dates (`1962-02-30`) instead of rolling them over, and
 * never turned into a JavaScript Date at midnight UTC: a year stays a year.
 */
import edtf from 'edtf';
import { translator } from '../site/i18n.ts';
import { fail, ok, type Result } from '../util/types.ts';

export type Precision = 'year' | 'month' | 'day';

export interface DatePoint {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
  approximate: boolean;
  uncertain: boolean;
}

export interface HistoricalDate {
  /** The EDTF string as normalised (numbers from YAML become strings). */
  edtf: string;
  start: DatePoint;
  /** Only for intervals; `undefined` end with `open` set means "and after". */
  end?: DatePoint;
  interval: boolean;
  /** Open-ended interval side: `1956/..` (open end) or `../1956` (open start). */
  openStart?: boolean;
  openEnd?: boolean;
  /** Milliseconds of the earliest instant the date can mean: the chronological sort key. */
  earliest: number;
  /** Milliseconds of the latest instant the date can mean. */
  latest: number;
}

// The subset of EDTF we promise to display: years (optionally negative), months and days, with
// a trailing qualifier, and intervals of those. Seasons, unspecified digits (`19XX`) and sets are refused.
const POINT = String.raw`-?\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?`;
const SUPPORTED = new RegExp(String.raw`^(?:${POINT}|(?:${POINT}|\.\.)\/(?:${POINT}|\.\.))$`);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Proleptic Gregorian month lengths; the edtf library accepts 29 February in any year, so we check. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealPoint(point: DatePoint): boolean {
  if (point.month === undefined) return true;
  if (point.month < 1 || point.month > 12) return false;
  return point.day === undefined || (point.day >= 1 && point.day <= daysInMonth(point.year, point.month));
}

function pointFrom(text: string): DatePoint {
  const qualifier = /[~?%]$/.exec(text)?.[0];
  const core = qualifier ? text.slice(0, -1) : text;
  const negative = core.startsWith('-');
  const [yearText, monthText, dayText] = (negative ? core.slice(1) : core).split('-');
  const year = Number(yearText) * (negative ? -1 : 1);
  const month = monthText ? Number(monthText) : undefined;
  const day = dayText ? Number(dayText) : undefined;
  return {
    year,
    month,
    day,
    precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year',
    approximate: qualifier === '~' || qualifier === '%',
    uncertain: qualifier === '?' || qualifier === '%',
  };
}

/** Reads a date as YAML gives it: a string, or a number when a bare year was not quoted. */
export function parseHistoricalDate(value: unknown): Result<HistoricalDate> {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return fail(`${value} is not a date; write a year such as 1953 or a date such as "1962-10-24"`);
    text = value < 0 ? `-${String(-value).padStart(4, '0')}` : String(value).padStart(4, '0');
  } else if (typeof value === 'string') {
    text = value.trim();
  } else if (value instanceof Date) {
    return fail('a date must be written as text such as "1962-10-24" (quote it)');
  } else {
    return fail(`expected a date such as "1962-10-24", "1962-07", "1953", "1894~" or "1956/1964", got ${JSON.stringify(value)}`);
  }
  if (!SUPPORTED.test(text)) {
    return fail(
      `"${text}" is not a supported date; write "1962-10-24", "1962-07", "1953", "1894~" (circa), "1962?" (uncertain) or "1956/1964" (interval)`,
    );
  }
  const points = text
    .split('/')
    .filter((part) => part !== '..')
    .map(pointFrom);
  if (!points.every(isRealPoint)) return fail(`"${text}" is not a real calendar date`);
  if (!text.includes('/')) {
    // A single date, already checked above, goes to the library as its parts: the same instants as
    // parsing its text (a qualifier does not move them), without building the EDTF grammar again for
    // every date of the vault (the parser's cost, most of the load of a large vault).
    const start = points[0] as DatePoint;
    const values = [start.year, ...(start.month ? [start.month - 1] : []), ...(start.day ? [start.day] : [])];
    const parsed = edtf({ type: 'Date', values });
    return ok({ edtf: text, start, interval: false, earliest: parsed.min, latest: parsed.max });
  }
  let parsed: { min: number; max: number };
  try {
    parsed = edtf(text);
  } catch {
    return fail(`"${text}" is not a real calendar date`);
  }
  const [from, to] = text.split('/') as [string, string];
  const start = from === '..' ? undefined : pointFrom(from);
  const end = to === '..' ? undefined : pointFrom(to);
  if (!start && !end) return fail(`"${text}" is open at both ends`);
  if (!Number.isFinite(parsed.min) && !Number.isFinite(parsed.max)) return fail(`"${text}" is not a real interval`);
  if (start && end && parsed.min > parsed.max) return fail(`"${text}" ends before it starts`);
  return ok({
    edtf: text,
    start: (start ?? end) as DatePoint,
    end,
    interval: true,
    openStart: !start,
    openEnd: !end,
    earliest: start ? parsed.min : Number.NEGATIVE_INFINITY,
    latest: end ? parsed.max : Number.POSITIVE_INFINITY,
  });
}

/** A year for readers: astronomical year 0 is 1 BC, -0044 is 45 BC. */
function formatYear(year: number, lang: string): string {
  return year > 0 ? String(year) : translator(lang).t('yearBC', { year: 1 - year });
}

/** English keeps the site's own day-month-year wording; other languages ask Intl. */
const isEnglish = (lang: string) => lang.toLowerCase().split('-')[0] === 'en';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A point in the page's language: the parts it shows, from Intl.DateTimeFormat in UTC (never shifted a day). */
function intlPoint(point: DatePoint, lang: string, showYear: boolean, showMonth: boolean): string {
  const day = point.day !== undefined;
  const month = point.month !== undefined && showMonth;
  if (!day && !month) return showYear ? formatYear(point.year, lang) : '';
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'UTC',
    ...(day ? { day: 'numeric' } : {}),
    ...(month ? { month: 'long' } : {}),
    ...(showYear ? { year: 'numeric' } : {}),
  };
  const key = `${lang}|${day}|${month}|${showYear}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  const date = new Date(Date.UTC(2000, (point.month ?? 1) - 1, point.day ?? 1));
  date.setUTCFullYear(point.year);
  // The year part is ours, so years BC read the same in every language ("45 a.C.").
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'year' ? formatYear(point.year, lang) : part.value))
    .join('');
}

function formatPoint(point: DatePoint, lang: string, showYear = true, showMonth = true): string {
  if (!isEnglish(lang)) return intlPoint(point, lang, showYear, showMonth);
  const parts: string[] = [];
  if (point.day !== undefined) parts.push(String(point.day));
  if (point.month !== undefined && showMonth) parts.push(MONTHS[point.month - 1] as string);
  if (showYear) parts.push(formatYear(point.year, lang));
  return parts.join(' ');
}

function qualify(text: string, point: DatePoint, lang: string): string {
  const { t } = translator(lang);
  const circa = point.approximate ? t('circa', { date: text }) : text;
  return point.uncertain ? t('uncertain', { date: circa }) : circa;
}

const plain = (point: DatePoint) => !point.approximate && !point.uncertain;

/**
 * The date as a reader sees it, at its own precision, in the page's language: "24 October 1962",
 * "July 1962", "1953", "c. 1894", "1962?", "1956–1964", "17–20 April 1961", "23 October – 10 November
 * 1956"; in `pt-BR` "24 de outubro de 1962", "julho de 1962", "17–20 de abril de 1961".
 */
export function formatHistoricalDate(date: HistoricalDate, lang = 'en'): string {
  const { t } = translator(lang);
  const point = (p: DatePoint, showYear = true, showMonth = true) => formatPoint(p, lang, showYear, showMonth);
  if (!date.interval) return qualify(point(date.start), date.start, lang);
  if (date.openEnd) return t('dateOnwards', { date: qualify(point(date.start), date.start, lang) });
  if (date.openStart) return t('dateUntil', { date: qualify(point(date.start), date.start, lang) });
  const start = date.start;
  const end = date.end as DatePoint;
  const sameYear = start.year === end.year && plain(start) && plain(end) && start.precision === end.precision;
  if (sameYear && start.precision === 'day' && start.month === end.month) {
    return `${start.day}–${point(end)}`;
  }
  if (sameYear && start.precision !== 'year') {
    const separator = start.precision === 'day' ? ' – ' : '–';
    return `${point(start, false)}${separator}${point(end)}`;
  }
  const separator = start.precision === 'year' && end.precision === 'year' ? '–' : ' – ';
  return `${qualify(point(start), start, lang)}${separator}${qualify(point(end), end, lang)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function pointDatetime(point: DatePoint): string | undefined {
  if (point.year < 1) return undefined; // HTML has no syntax for years BC
  const year = pad(point.year, 4);
  if (point.precision === 'year') return year;
  if (point.precision === 'month') return `${year}-${pad(point.month as number)}`;
  return `${year}-${pad(point.month as number)}-${pad(point.day as number)}`;
}

/** The machine-readable `datetime` of a `<time>` for the date's start (and end), at its precision. */
export function datetimeAttributes(date: HistoricalDate): { start?: string; end?: string } {
  return { start: pointDatetime(date.start), end: date.end ? pointDatetime(date.end) : undefined };
}

/**
 * Chronological order by the earliest instant a date can mean, so "1962" opens 1962 and "October 1962"
 * comes before "24 October 1962"; from the same instant, the wider date (the general) comes first.
 */
export function compareHistoricalDates(a: HistoricalDate, b: HistoricalDate): number {
  return a.earliest - b.earliest || b.latest - a.latest;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A note's `created`/`updated` value: an ISO date or date-time, as YAML or the Digital Garden plugin
 * writes it. Returns the calendar date `YYYY-MM-DD` as written (no time-zone shift), refusing impossible days.
 */
export function parseCalendarDate(value: unknown): Result<string> {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : undefined;
  const match = text ? ISO_DATE.exec(text) : null;
  if (!text || !match) return fail(`expected a date such as 2024-05-01 (or 2024-05-01T10:30:00Z), got ${JSON.stringify(value)}`);
  const [, y, m, d] = match;
  if (!isRealPoint(pointFrom(`${y}-${m}-${d}`))) return fail(`"${text}" is not a real calendar date`);
  return ok(`${y}-${m}-${d}`);
}

/** "23 November 2026" for a calendar date `2026-11-23`; "23 de novembro de 2026" in `pt-BR`. */
export function formatCalendarDate(isoDate: string, lang = 'en'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return formatPoint({ year: y, month: m, day: d, precision: 'day', approximate: false, uncertain: false }, lang);
}
