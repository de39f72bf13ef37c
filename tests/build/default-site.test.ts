/** The shipped Russian History III course, built as `npm run build` builds it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, OBSIDIAN_SITE, PROJECT_ROOT, listFiles, readPage, recordedBuild } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';
import { THEME_SCRIPT, EMBED_THEME_SCRIPT } from '../../src/lib/site/theme.ts';

const COURSE_DIR =
  'content/Network School/Lectures, Quizzes and References/Briefs, Timelines and Study Guides/Russian History/Russian History III';
const COURSE_URL =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii';
const BRIEF_URL = `${COURSE_URL}/russian-history-iii-khrushchev-s-rise-to-power-and-leadership-brief/`;
const TIMELINE_URL = `${COURSE_URL}/russian-history-iii-timeline-of-khrushchev-s-life-and-leadership-1894-1971/`;
const DRAFT_FILE = `${COURSE_DIR}/Russian History III - Draft - Brezhnev and the Era of Stagnation.md`;

const htmlFiles = () => listFiles(DEFAULT_SITE).filter((file) => file.endsWith('.html'));

describe('the default site', () => {
  it('makes no course cartridge or course links while `site` is the placeholder, and says so', () => {
    expect(listFiles(DEFAULT_SITE).filter((file) => file.endsWith('.imscc'))).toEqual([]);
    expect(parsePage(readPage(DEFAULT_SITE, `${COURSE_URL}/russian-history-iii/`)).querySelector('.lms-links')).toBeNull();
    // The Obsidian fixture's build, recorded with its log, is on the placeholder too.
    expect(recordedBuild(OBSIDIAN_SITE).output).toContain(
      'No course cartridges (.imscc) or course links are made: `site` is the placeholder https://notes.example.org.',
    );
  });

  it('publishes the brief at the URL course pages already link to', () => {
    const page = parsePage(readPage(DEFAULT_SITE, BRIEF_URL));
    expect(textOf(page.querySelector('h1'))).toBe("Russian History III - Khrushchev's Rise to Power and Leadership (Brief)");
    const headings = [...page.querySelectorAll('.prose h2')].map(textOf);
    for (const topic of [
      'De-Stalinisation and the Secret Speech',
      'The Virgin Lands and maize campaigns',
      'The Cuban Missile Crisis',
      'Legacy',
    ]) {
      expect(headings.join('|')).toContain(topic);
    }
    expect(page.querySelectorAll('.takeaways li').length).toBeGreaterThanOrEqual(5);
    expect(page.querySelectorAll('.faq dt').length).toBeGreaterThanOrEqual(4);
  });

  it('lists the sections of a long note under "On this page", each landing on its heading', () => {
    const page = parsePage(readPage(DEFAULT_SITE, BRIEF_URL));
    const links = [...page.querySelectorAll('.toc a')];
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const link of links)
      expect(page.getElementById((link.getAttribute('href') ?? '').slice(1)), link.getAttribute('href') ?? '').not.toBeNull();
  });

  it('renders the Obsidian Markdown of the brief as Obsidian shows it', () => {
    const page = parsePage(readPage(DEFAULT_SITE, BRIEF_URL));
    expect(page.querySelector('.prose table')).not.toBeNull();
    expect(page.querySelector('.prose .callout .callout-title')).not.toBeNull();
    expect(page.querySelector('.prose details.callout > summary')).not.toBeNull();
    expect(page.querySelector('.prose mark')).not.toBeNull();
    expect(page.querySelector('.prose [data-footnotes], .prose .footnotes')).not.toBeNull();
    const source = readFileSync(
      join(PROJECT_ROOT, COURSE_DIR, "Russian History III - Khrushchev's Rise to Power and Leadership (Brief).md"),
      'utf8',
    );
    const comment = /%%([\s\S]*?)%%/.exec(source)?.[1]?.trim();
    expect(comment, 'the brief has an author comment').toBeTruthy();
    expect(textOf(page.body)).not.toContain((comment as string).slice(0, 40));
  });

  it('shows a timeline of at least 25 events in chronological order at their precision', () => {
    const page = parsePage(readPage(DEFAULT_SITE, TIMELINE_URL));
    const events = [...page.querySelectorAll('li.event')];
    expect(events.length).toBeGreaterThanOrEqual(25);
    const starts = events.map((event) => event.querySelector('time')?.getAttribute('datetime') ?? '');
    // 1953 → 1953-00-00, 1962-07 → 1962-07-00: string order is then chronological order.
    const padded = starts.map((value) => [...value.split('-'), '00', '00'].slice(0, 3).join('-'));
    expect(padded).toEqual([...padded].sort());
    const shown = events.map((event) => textOf(event.querySelector('.event-date')));
    expect(shown).toContain('5 March 1953');
    expect(shown).toContain('24 October 1962');
    expect(shown).toContain('July 1962');
    expect(shown.some((text) => /^\d+–\d+ \w+ \d{4}$/.test(text))).toBe(true);
    // Every event is deep-linkable by a stable id.
    const ids = events.map((event) => event.querySelector('.event-title')?.id);
    expect(new Set(ids).size).toBe(events.length);
    expect(ids).toContain('1962-10-24-naval-blockade-of-cuba');
  });

  it('has a glossary of at least 18 terms, including every key definition of the study page', () => {
    const terms = listFiles(DEFAULT_SITE).filter(
      (file) => file.startsWith(`${COURSE_URL.slice(1)}/glossary/`) && file.endsWith('index.html'),
    );
    expect(terms.length).toBeGreaterThanOrEqual(18);
    for (const slug of ['cpsu', 'central-committee', 'politburo', 'secretariat', 'presidium', 'nkvd', 'kgb']) {
      const page = parsePage(readPage(DEFAULT_SITE, `${COURSE_URL}/glossary/${slug}/`));
      expect(textOf(page.querySelector('.definition')).length, slug).toBeGreaterThan(30);
    }
    const kgb = parsePage(readPage(DEFAULT_SITE, `${COURSE_URL}/glossary/kgb/`));
    expect(textOf(kgb.querySelector('.also-called'))).toContain('Committee for State Security');
  });

  it('lists the course on the home page and its notes on the course page, in reading order', () => {
    const home = parsePage(readFileSync(join(DEFAULT_SITE, 'index.html'), 'utf8'));
    expect(textOf(home.querySelector('.course-card h3'))).toBe('Russian History III');
    const course = parsePage(readPage(DEFAULT_SITE, `${COURSE_URL}/russian-history-iii/`));
    const groups = [...course.querySelectorAll('.course-group h2')].map(textOf);
    expect(groups).toEqual(['Briefs', 'Timelines', 'Quizzes', 'Glossary']);
    const briefs = [...course.querySelectorAll('#course-brief + ol a')].map(textOf);
    expect(briefs[0]).toContain("Khrushchev's Rise to Power");
  });

  it('leaves no trace of the unpublished draft', () => {
    const draft = readFileSync(join(PROJECT_ROOT, DRAFT_FILE), 'utf8');
    expect(draft).toMatch(/dg-publish: false/);
    const title = /^title: "?(.+?)"?$/m.exec(draft)?.[1] as string;
    const body = draft.split(/^---$/m).slice(2).join('---');
    const sentences = body
      .split(/(?<=[.!?])\s+/)
      .map((sentence) => sentence.replace(/[#*_>`]/g, '').trim())
      .filter((sentence) => sentence.length > 40);
    expect(sentences.length).toBeGreaterThan(2);
    const needles = [title, 'brezhnev-and-the-era-of-stagnation', ...sentences.map((s) => s.slice(0, 60))];
    for (const file of listFiles(DEFAULT_SITE)) {
      const text = readFileSync(join(DEFAULT_SITE, file), 'utf8');
      for (const needle of needles) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
    }
  });

  it('runs only small external script modules (one on note pages), and has a 404 page', () => {
    for (const file of htmlFiles()) {
      const scripts = [...parsePage(readFileSync(join(DEFAULT_SITE, file), 'utf8')).querySelectorAll('script')].filter(
        // JSON-LD and the islands' text are data, not code; the theme script must run inline before paint.
        (script) =>
          !['application/ld+json', 'application/json'].includes(script.getAttribute('type') ?? '') &&
          script.textContent !== THEME_SCRIPT &&
          // An embed's theme comes from its address (`?theme=`), before paint too.
          script.textContent !== EMBED_THEME_SCRIPT,
      );
      const sources = scripts.map((script) => script.getAttribute('src'));
      expect(sources.every(Boolean), `inline script in ${file}`).toBe(true);
      // The site's module everywhere; a study page (search, flashcards, timeline, sheet) may add its own.
      expect(sources.length, file).toBeLessThanOrEqual(
        /(^|\/)(search|flashcards|timeline|study-sheet)\/index\.html$/.test(file) ? 2 : 1,
      );
      const bytes = sources.reduce((total, src) => total + readFileSync(join(DEFAULT_SITE, src as string)).length, 0);
      // 10 kB, and 3 kB for the islands' text in every dictionary (about 1.6 kB each, carried once in
      // the cached script instead of in every page).
      expect(bytes, file).toBeLessThan(13_000);
    }
    const notFound = parsePage(readFileSync(join(DEFAULT_SITE, '404.html'), 'utf8'));
    expect(textOf(notFound.querySelector('h1'))).toBe('Page not found');
    expect(notFound.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it("keeps the notes' rendered HTML out of Astro's content store, in a pack the pages read", () => {
    // Astro builds its whole data store into one module: with every body in it, a module the size of the site.
    const store = readFileSync(`${DEFAULT_SITE}.cache/data-store.json`, 'utf8');
    expect(store).toContain('Khrushchev');
    // devalue writes `<` as `\u003C`.
    expect(store).not.toMatch(/(<|\\u003C)(p|h2|li)[ >]/);
    // The bodies are appended to pack files, each at the place the index gives (src/loaders/rendered-bodies.ts).
    const bodiesDir = `${DEFAULT_SITE}.cache/garden-bodies`;
    const index = JSON.parse(readFileSync(join(bodiesDir, 'index.json'), 'utf8')) as {
      bodies: Record<string, [string, number, number]>;
    };
    const bodies = Object.values(index.bodies).map(([pack, offset, length]) =>
      readFileSync(join(bodiesDir, pack))
        .subarray(offset, offset + length)
        .toString('utf8'),
    );
    expect(readdirSync(bodiesDir).length).toBeLessThan(bodies.length);
    const brief = bodies.find((html) => html.includes('>De-Stalinisation and the Secret Speech<'));
    expect(brief).toBeDefined();
    expect(readPage(DEFAULT_SITE, BRIEF_URL)).toContain(brief);
  });
});
