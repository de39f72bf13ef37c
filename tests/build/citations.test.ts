/**
 * Citations built into pages: every form in a note's body, a timeline's `sources`, a term's definition and
 * a quiz explanation, each work linked to the note's References section (Chicago author-date), whose
 * entries come from the vault's BibTeX and CSL-JSON files.
 */
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { TMP, buildVault, readPage, type BuildResult } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

let build: BuildResult;

beforeAll(async () => {
  build = await buildVault({
    contentDir: 'tests/fixtures/vault-citations',
    outDir: join(TMP, 'vault-citations'),
    env: { GARDEN_URL_LOCK: '' },
  });
  expect(build.code, build.output).toBe(0);
});

const page = (url: string) => parsePage(readPage(build.outDir, url));
const references = (document: Document) =>
  [...document.querySelectorAll('section.references li')].map((entry) => `${entry.id}: ${textOf(entry)}`);
/** Every citation link of a page, and whether the id it names is on the page it links to. */
const citations = (document: Document, selector: string) =>
  [...document.querySelectorAll(`${selector} a.citation`)].map((link) => {
    const [path, id] = (link.getAttribute('href') ?? '').split('#') as [string, string];
    const target = path ? page(path) : document;
    return `${textOf(link)} → ${path}#${id}${target.getElementById(id) ? '' : ' (missing)'}`;
  });

it('lists the works a note cites at its end, from BibTeX and CSL-JSON, in the style’s order', () => {
  const brief = page('/cold-war/cited-brief/');
  expect(textOf(brief.querySelector('section.references h2'))).toBe('References');
  expect(references(brief)).toEqual([
    'ref-fursenkonaftali1997: Fursenko, Aleksandr, and Timothy Naftali. 1997. “One Hell of a Gamble”: Khrushchev, Castro, and Kennedy, 1958–1964. New York: W. W. Norton.',
    'ref-gaddis2005: Gaddis, John Lewis. 2005. The Cold War: A New History. New York: Penguin Press.',
    'ref-kramer1996: Kramer, Mark. 1996. “The ‘Lessons’ of the Cuban Missile Crisis for Warsaw Pact Nuclear Operations.” Cold War International History Project Bulletin 8: 110–60.',
    'ref-taubman2003: Taubman, William. 2003. Khrushchev: The Man and His Era. New York: W. W. Norton.',
    'ref-zubok2007: Zubok, Vladislav M. 2007. A Failed Empire: The Soviet Union in the Cold War from Stalin to Gorbachev. Chapel Hill: University of North Carolina Press.',
  ]);
  expect(brief.querySelector('#ref-taubman2003 i')?.textContent).toBe('Khrushchev: The Man and His Era');
});

it('links every work of every citation form in the body to its entry', () => {
  const brief = page('/cold-war/cited-brief/');
  expect(citations(brief, '.prose')).toEqual([
    'Taubman 2003 → #ref-taubman2003',
    'Taubman 2003, 250 → #ref-taubman2003',
    'Zubok 2007, 12 → #ref-zubok2007',
    'see Fursenko and Naftali 1997, 3–5 → #ref-fursenkonaftali1997',
    'Taubman 2003 → #ref-taubman2003',
    'Gaddis 2005 → #ref-gaddis2005',
    '2005 → #ref-gaddis2005',
    'Kramer 1996, chap. 2, emphasis added → #ref-kramer1996',
    'see Zubok 2007, 45 → #ref-zubok2007',
    'Kramer 1996, 112 → /cold-war/embedded-source/#ref-kramer1996',
  ]);
  const prose = textOf(brief.querySelector('.prose'));
  expect(prose).toContain('Two works at once: (Taubman 2003; Gaddis 2005).');
  expect(prose).toContain(
    'Write to me@example.org or @taubman2003 on the forum, [in brackets at someone@example.org] or [@taubman2003].',
  );
});

it('formats and links a quiz explanation, a timeline’s sources and a term’s definition', () => {
  const brief = page('/cold-war/cited-brief/');
  expect(textOf(brief.querySelector('.quiz-explanation'))).toBe('Operation Anadyr, as (Fursenko and Naftali 1997, 180) tell it.');
  expect(citations(brief, '.quiz-explanation')).toEqual(['Fursenko and Naftali 1997, 180 → #ref-fursenkonaftali1997']);

  const timeline = page('/cold-war/cited-timeline/');
  expect([...timeline.querySelectorAll('.event-sources')].map(textOf)).toEqual([
    'Sources: (Taubman 2003, 270–289)',
    'Sources: (Fursenko and Naftali 1997, 250), (Zubok 2007)',
  ]);
  expect(citations(timeline, '.event-sources')).toEqual([
    'Taubman 2003, 270–289 → #ref-taubman2003',
    'Fursenko and Naftali 1997, 250 → #ref-fursenkonaftali1997',
    'Zubok 2007 → #ref-zubok2007',
  ]);
  expect(references(timeline).map((entry) => entry.split(':')[0])).toEqual([
    'ref-fursenkonaftali1997',
    'ref-taubman2003',
    'ref-zubok2007',
  ]);

  const term = page('/cold-war/glossary/thaw/');
  expect(citations(term, '.definition, section')).toContain('Taubman 2003, 300 → #ref-taubman2003');
  expect(references(term).map((entry) => entry.split(':')[0])).toEqual(['ref-taubman2003']);
});

it('shows a cited definition with its citation elsewhere: glossary, previews', () => {
  const glossary = page('/glossary/');
  expect(citations(glossary, '.glossary')).toEqual(['Taubman 2003, 300 → /cold-war/glossary/thaw/#ref-taubman2003']);
  const term = page('/cold-war/glossary/thaw/');
  expect(term.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
    "The easing of censorship and terror after Stalin's death (Taubman 2003, 300).",
  );
});

it('has one References section per page, and no citation the vault cannot resolve', () => {
  expect(page('/cold-war/cited-timeline/').querySelectorAll('section.references')).toHaveLength(1);
  expect(build.output).not.toMatch(/which no bibliography/);
});
