// A course's IMS Common Cartridge and its "course links" fragment (src/lib/site/course-cartridge.ts):
// what they list, in which order and groups, that the manifest and web links validate against the
// schemas of tests/fixtures/imscc, and that the zip is the same bytes in any time zone.
import { describe, expect, it } from 'vitest';
import {
  CARTRIDGE_FILE,
  cartridgeCollision,
  cartridgeFiles,
  cartridgeSite,
  cartridgeUrl,
  cartridgeZip,
  courseLinks,
  courseLinksHtml,
  type CartridgeFiles,
} from '../../src/lib/site/course-cartridge.ts';
import { buildGarden, type Course } from '../../src/lib/site/garden.ts';
import { translator } from '../../src/lib/site/i18n.ts';
import { RESERVED_URLS } from '../../src/lib/site/reserved-urls.ts';
import { siteUrl } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { cartridgeErrors, unzipCartridge } from '../helpers/cartridge.ts';
import { draft, note } from '../helpers/vault.ts';

const SITE = 'https://history.example.edu';
const t = translator('en').t;

function course(): Course {
  const vault = loadVault([
    note('C/C.md', 'type: course\ntitle: "Cold War & After"\ndescription: War & peace.\norder: ["[[Second]]", "[[First]]"]'),
    note('C/First.md', 'type: brief'),
    note('C/Second.md', 'type: brief'),
    note('C/Timeline.md', 'type: timeline\nevents:\n  - { date: "1962", title: Crisis }'),
    note('C/Glossary/KGB.md', 'type: term\ndefinition: The security service.'),
    note('C/Quiz.md', 'type: quiz\nquiz:\n  - { q: "Why?", answer: Because. }'),
    note('C/Hidden.md', 'type: brief\ndg-hide: true'),
    draft('C/Unpublished.md'),
  ]);
  if (vault.problems.length > 0) throw new Error(formatProblems(vault.problems));
  const garden = buildGarden(vault.notes.map((entry) => entry.note));
  return garden.courses[0] as Course;
}

const titles = (xml: string) => [...xml.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]);

describe('the course links', () => {
  it('lists the listed notes by kind in reading order, then the study pages, with absolute URLs', () => {
    const links = courseLinks(course(), SITE, t);
    expect(links.href).toBe(`${SITE}/c/c/`);
    expect(links.groups.map((group) => [group.title, group.links.map((link) => link.title)])).toEqual([
      ['Briefs', ['Second', 'First']],
      ['Timelines', ['Timeline']],
      ['Quizzes', ['Quiz']],
      ['Glossary', ['KGB']],
      ['Study tools', ['Glossary A–Z', 'Course timeline', 'Quiz', 'Flashcards', 'Study sheet']],
    ]);
    expect(links.groups[0]?.links[0]?.href).toBe(`${SITE}/c/second/`);
    expect(links.groups.at(-1)?.links.map((link) => link.href)).toEqual([
      `${SITE}/c/c/glossary/`,
      `${SITE}/c/c/timeline/`,
      `${SITE}/c/quiz/`,
      `${SITE}/c/c/flashcards/`,
      `${SITE}/c/c/study-sheet/`,
    ]);
    const everything = JSON.stringify(links);
    expect(everything).not.toMatch(/hidden|unpublished/i);
  });

  it('is a fragment of plain HTML, escaped', () => {
    const html = courseLinksHtml(courseLinks(course(), SITE, t));
    expect(html.split('\n').slice(0, 4)).toEqual([
      `<p><a href="${SITE}/c/c/">Cold War &amp; After</a></p>`,
      '<h3>Briefs</h3>',
      '<ul>',
      `  <li><a href="${SITE}/c/second/">Second</a></li>`,
    ]);
    expect(html).not.toMatch(/class=|style=|<script|hidden|unpublished/i);
  });
});

describe('the cartridge', () => {
  const files = (): CartridgeFiles => cartridgeFiles(courseLinks(course(), SITE, t), 'en');

  it('has a manifest and web links that validate against the CC 1.1 schemas', async () => {
    expect(await cartridgeErrors(files())).toEqual([]);
  });

  it('fails validation when the manifest breaks the schema or names what is not there (the check is real)', async () => {
    const { manifest, links } = files();
    const broken = manifest.replace('<schemaversion>1.1.0</schemaversion>', '<schemaversion>1.9</schemaversion>');
    expect(await cartridgeErrors({ manifest: broken, links })).toEqual([expect.stringContaining("The value '1.9'")]);
    const misplaced = manifest.replace('<title>Briefs</title>', '<title>Briefs</title><title>Again</title>');
    expect(await cartridgeErrors({ manifest: misplaced, links })).toHaveLength(1);
    const dangling = manifest.replace(/identifierref="R_[0-9a-f]+"/, 'identifierref="R_nowhere"');
    expect(await cartridgeErrors({ manifest: dangling, links })).toEqual(['no resource R_nowhere']);
    expect(await cartridgeErrors({ manifest, links: [...links].slice(1) })).toEqual([expect.stringMatching(/^no file links\//)]);
    const badLink = [...links].map(([path, text]): [string, string] => [path, text.replace('<url ', '<link ')]);
    expect((await cartridgeErrors({ manifest, links: badLink })).length).toBe(links.size);
  });

  it('has an item per link under an item per group, and one web link file per distinct URL', () => {
    const { manifest, links } = files();
    expect(titles(manifest)).toEqual([
      'Briefs',
      'Second',
      'First',
      'Timelines',
      'Timeline',
      'Quizzes',
      'Quiz',
      'Glossary',
      'KGB',
      'Study tools',
      'Glossary A–Z',
      'Course timeline',
      'Quiz',
      'Flashcards',
      'Study sheet',
    ]);
    // The quiz is listed twice, as the course page lists it, with one resource.
    expect(links.size).toBe(9);
    expect(manifest).toContain('<lomimscc:string language="en">Cold War &amp; After</lomimscc:string>');
    expect(manifest).toContain('>War &amp; peace.</lomimscc:string>');
    const first = [...links.values()][0] as string;
    expect(first).toContain(`<url href="${SITE}/c/second/" target="_blank"/>`);
  });

  it('unzips to the manifest and its web links, and is the same bytes in any time zone', () => {
    const zip = cartridgeZip(files());
    const { names, text } = unzipCartridge(zip);
    expect(names).toEqual(['imsmanifest.xml', ...files().links.keys()]);
    expect(text.manifest).toBe(files().manifest);
    expect(new Map(text.links)).toEqual(files().links);
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = cartridgeZip(files());
      process.env.TZ = 'America/Adak';
      const west = cartridgeZip(files());
      expect(Buffer.from(east).equals(Buffer.from(zip))).toBe(true);
      expect(Buffer.from(west).equals(Buffer.from(zip))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('drops characters XML cannot hold from a title', () => {
    const links = courseLinks(course(), SITE, t);
    const odd = { ...links, title: 'A\u0001B' };
    expect(cartridgeFiles(odd, 'en').manifest).toContain('>AB</lomimscc:string>');
  });
});

describe('where the cartridge is and when there is one', () => {
  it('is a file below the course URL, which no note may need as a folder', () => {
    const url = cartridgeUrl(course().note);
    expect(url).toBe('/c/c/course.imscc');
    const courses = new Set(['/c/c/']);
    expect(cartridgeCollision(siteUrl('/c/c/course.imscc/'), courses)).toBe('/c/c/course.imscc');
    expect(cartridgeCollision(siteUrl('/C/c/Course.IMSCC/more/'), courses)).toBe('/c/c/course.imscc');
    expect(cartridgeCollision(siteUrl('/c/course.imscc/'), courses)).toBeUndefined();
    expect(cartridgeCollision(siteUrl('/c/c/course-imscc/'), courses)).toBeUndefined();
  });

  it('is a problem for a note whose page or old URL would need it as a folder', () => {
    const vault = loadVault([
      note('C/C.md', 'type: course'),
      note('C/Inside.md', 'permalink: /c/c/course.imscc/'),
      note('C/Below.md', 'permalink: /c/c/Course.imscc/deeper/\naliases: [/c/c/course.imscc/old/]'),
      note('C/Fine.md', 'permalink: /c/course.imscc/'),
    ]);
    expect(formatProblems(vault.problems).split('\n')).toEqual([
      "C/Below.md:3: its URL /c/c/Course.imscc/deeper/ is below /c/c/course.imscc, the file of a course's cartridge; give it another permalink or name",
      "C/Below.md:4: its alias /c/c/course.imscc/old/ cannot be served: it is below /c/c/course.imscc, the file of a course's cartridge; remove it",
      "C/Inside.md:3: its URL /c/c/course.imscc/ is below /c/c/course.imscc, the file of a course's cartridge; give it another permalink or name",
    ]);
    const entry = RESERVED_URLS.find((reserved) => reserved.kind === 'course-file');
    expect(entry?.kind === 'course-file' && entry.name).toBe(CARTRIDGE_FILE);
  });

  it('is not made while `site` is the placeholder default', () => {
    expect(cartridgeSite('https://notes.example.org')).toBeUndefined();
    expect(cartridgeSite('https://notes.example.org/')).toBeUndefined();
    expect(cartridgeSite(SITE)).toBe(SITE);
  });
});
