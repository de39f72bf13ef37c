/** The site's own page ids have one home (src/lib/site/page-ids.ts), and no heading of a note takes one. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_PAGE_IDS, createHeadingSlugger } from '../../src/lib/syntax/headings.ts';
import { COURSE_GROUP_IDS, PAGE_IDS, glossaryLetterId } from '../../src/lib/site/page-ids.ts';
import { scanNote } from '../../src/lib/syntax/scan.ts';
import { NOTE_TYPES } from '../../src/lib/note/schema.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';

function filesUnder(dir: string, ending: RegExp): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => ending.test(file))
    .map((file) => join(dir, file));
}

/** Attributes whose value is an id of the page. */
const ID_ATTRIBUTE = /(?<![\w-])(id|aria-labelledby|aria-describedby|aria-controls|for|href)=("[^"]*"|'[^']*'|\{`[^`]*`\})/g;

/** Ids written as text in markup: `id="x"`, `href="#x"`, `` id={`x-${y}`} `` (an id given by an expression is fine). */
function literalIds(markup: string): string[] {
  const found: string[] = [];
  for (const match of markup.matchAll(ID_ATTRIBUTE)) {
    const [written, name, value] = match as unknown as [string, string, string];
    const text = value.startsWith('{') ? value.slice(2, -2).replace(/\$\{[^}]*\}/g, '') : value.slice(1, -1);
    const id = name === 'href' ? (text.startsWith('#') ? text.slice(1) : '') : text;
    if (id !== '') found.push(written);
  }
  return found;
}

/** Ids a script writes or looks up as text. */
const SCRIPT_ID =
  /getElementById\(\s*['"`]|\.id\s*=\s*['"`]|querySelector(All)?\(\s*['"`][^'"`]*#[\w-]|setAttribute\(\s*['"](id|aria-labelledby|aria-describedby)['"],\s*['"`]/g;

describe('the page ids', () => {
  it('are written by no component, layout or page as text: each comes from src/lib/site/page-ids.ts', () => {
    const offenders = filesUnder('src', /\.astro$/).flatMap((file) =>
      literalIds(readFileSync(join(PROJECT_ROOT, file), 'utf8')).map((written) => `${file}: ${written}`),
    );
    expect(offenders).toEqual([]);
  });

  it('are looked up or set by no script as text', () => {
    const offenders = [...filesUnder('src/scripts', /\.ts$/), ...filesUnder('src/components', /\.ts$/)].flatMap((file) =>
      [...readFileSync(join(PROJECT_ROOT, file), 'utf8').matchAll(SCRIPT_ID)].map(
        (match) => `${relative(PROJECT_ROOT, join(PROJECT_ROOT, file))}: ${match[0]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the scans above see literal ids (they are not vacuous)', () => {
    expect(literalIds('<h2 id="connections">x</h2><a href="#main">y</a><h2 id={`course-${type}`}>z</h2>')).toHaveLength(3);
    expect(literalIds('<h2 id={PAGE_IDS.connections}>x</h2><a href={`#${PAGE_IDS.main}`}>y</a><a href="/graph/">z</a>')).toEqual(
      [],
    );
    expect("document.getElementById('copy-status'); card.id = 'x';".match(SCRIPT_ID)).toHaveLength(2);
  });

  it('are all reserved from headings, with a group id for every kind of note', () => {
    expect(Object.keys(COURSE_GROUP_IDS).sort()).toEqual([...NOTE_TYPES].sort());
    expect(RESERVED_PAGE_IDS).toEqual(expect.arrayContaining([...Object.values(PAGE_IDS), ...Object.values(COURSE_GROUP_IDS)]));
    for (const id of RESERVED_PAGE_IDS) expect(createHeadingSlugger().slug(id), id).toBe(`${id}-1`);
    expect(new Set(RESERVED_PAGE_IDS).size).toBe(RESERVED_PAGE_IDS.length);
  });

  it('give glossary letters stable ids', () => {
    expect([glossaryLetterId('A'), glossaryLetterId('Ж'), glossaryLetterId('#')]).toEqual([
      'letter-a',
      'letter-ж',
      'letter-other',
    ]);
  });
});

describe('a note whose headings are named like the sections of its page', () => {
  it('gets heading ids of its own: no id of the page twice', () => {
    const headings = [
      'On this page',
      'Connections',
      'Backlinks',
      'Key takeaways',
      'Frequently asked questions',
      'Main',
      'Course brief',
    ];
    const scanned = scanNote(headings.map((text) => `## ${text}\n\nText.\n`).join('\n'));
    expect(scanned.headings.map((heading) => heading.id)).toEqual([
      'on-this-page-1',
      'connections-1',
      'backlinks-1',
      'key-takeaways-1',
      'frequently-asked-questions-1',
      'main-1',
      'course-brief-1',
    ]);
  });

  it('never takes an id of the course tree (its folders are numbered below course-folder)', () => {
    const scanned = scanNote(
      ['Course folder', 'Course folder 1', 'Course folder 2-1'].map((text) => `## ${text}\n\nText.\n`).join('\n'),
    );
    const ids = scanned.headings.map((heading) => heading.id);
    expect(ids.filter((id) => /^course-folder(-\d+)+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
