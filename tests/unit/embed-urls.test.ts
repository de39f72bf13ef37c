/** The embed rule (src/lib/site/embed-urls.ts), its routes, its oEmbed files and its framing headers. */
import { describe, expect, it } from 'vitest';
import {
  EMBED_VIEWS,
  embedUrl,
  iframeSnippet,
  linkSnippet,
  mainEmbed,
  oembedJson,
  oembedUrl,
  parseEmbedUrl,
  rangeBound,
  sectionIds,
  shareUrl,
} from '../../src/lib/site/embed-urls.ts';
import { embedsOf, eraEmbeds } from '../../src/lib/site/note-embeds.ts';
import { indexedUrls, routeTable, servedUrls } from '../../src/lib/site/routes.ts';
import { EMBED_PATHS, frameAncestors, headersFile, parsePolicy } from '../../src/lib/output/security-headers.ts';
import { reservedUrlProblem } from '../../src/lib/site/reserved-urls.ts';
import { gardenOf, note } from '../helpers/vault.ts';
import { resolveGardenOptions } from '../../src/config/options.ts';
import { siteUrl } from '../../src/lib/util/types.ts';

const sections = Array.from({ length: 15 }, (_, index) => `## Part ${index + 1}\n\nText.\n\n### Detail ${index + 1}\n`).join(
  '\n',
);
const garden = gardenOf(
  note('History/History.md', 'type: course\ntitle: History', '## How to use this course\n\nRead.'),
  note('History/KGB.md', 'type: term\ndefinition: The Soviet security agency.', '## Origins\n\nText.'),
  note(
    'History/Timeline.md',
    'type: timeline\neras: [{ title: Leadership, start: "1953", end: "1964" }, { title: Empty, start: "1970", end: "1971" }]\nevents: [{ date: "1956-02-25", title: Secret Speech, era: Leadership }, { date: "1894", title: Born }]',
  ),
  note('History/Quiz.md', 'type: quiz\nquiz: [{ q: Who?, answer: Khrushchev }]', '## Before you start\n\nThink.'),
  note('History/Long brief.md', 'type: brief', sections),
  note('History/Sectioned.mdx', 'type: brief', '## In MDX\n\nText.'),
  note('History/Plain.md', '', 'No headings.'),
);
const byTitle = (title: string) => garden.notes.find((candidate) => candidate.title === title)!;

describe('the embed URL rule', () => {
  it('puts the view, then the note URL below /embed/, and a part in the fragment', () => {
    const url = siteUrl('/history/kgb/');
    expect(embedUrl(url, 'term')).toBe('/embed/term/history/kgb/');
    expect(embedUrl(url, 'section')).toBe('/embed/section/history/kgb/');
    expect(shareUrl(embedUrl(url, 'section'), 'origins')).toBe('/embed/section/history/kgb/#origins');
    expect(parseEmbedUrl('/embed/timeline/history/t/#era-leadership')).toEqual({ view: 'timeline', noteUrl: '/history/t/' });
    expect(embedUrl(siteUrl('/'), 'quiz')).toBe('/embed/quiz/');
    expect(oembedUrl(embedUrl(url, 'term'))).toBe('/embed/term/history/kgb/oembed.json');
    expect(shareUrl(url, 'origins')).toBe('/history/kgb/#origins');
    expect(shareUrl(url)).toBe('/history/kgb/');
  });

  it('reads back what it writes, so no two embeds share a URL', () => {
    const notes = ['/a/', '/a/quiz/', '/section/x/a/', '/term/'].map(siteUrl);
    const urls = new Set<string>();
    let count = 0;
    for (const url of notes)
      for (const view of EMBED_VIEWS) {
        const embed = embedUrl(url, view);
        expect(parseEmbedUrl(embed)).toEqual({ view, noteUrl: url });
        urls.add(embed);
        count += 1;
      }
    expect(urls.size).toBe(count);
    expect(parseEmbedUrl('/history/kgb/')).toBeUndefined();
    expect(parseEmbedUrl('/embed/poster/a/')).toBeUndefined();
    expect(parseEmbedUrl('/embed/era/era-x/a/')).toBeUndefined();
  });

  it('keeps /embed/ for the site: no note or old URL may be below it', () => {
    expect(reservedUrlProblem(siteUrl('/embed/term/a/'), 'page')).toMatch(/below \/embed\//);
    expect(reservedUrlProblem(siteUrl('/Embed/'), 'redirect')).toMatch(/below \/embed\//);
  });
});

describe('the embeds of a note', () => {
  const views = (title: string) => embedsOf(garden, byTitle(title)).map((embed) => embed.view);

  it('gives a term its card, a timeline its events, a quiz its questions, a course its deck, a Markdown note its body', () => {
    expect(views('KGB')).toEqual(['term']);
    expect(views('Timeline')).toEqual(['timeline']);
    expect(views('Quiz')).toEqual(['quiz', 'section']);
    // The course's deck: one card for the term, two for the events.
    expect(views('History')).toEqual(['flashcards', 'section']);
    expect(views('Plain')).toEqual(['section']);
    expect(views('Sectioned')).toEqual([]);
  });

  it('has one page per view whatever a note holds: its sections and eras are fragments', () => {
    const long = embedsOf(garden, byTitle('Long brief'));
    expect(long).toEqual([{ view: 'section', url: '/embed/section/history/long-brief/' }]);
    expect(mainEmbed(long)).toBeUndefined();
    expect(sectionIds(byTitle('Long brief'))).toEqual(Array.from({ length: 15 }, (_, index) => `part-${index + 1}`));
    // Only the eras with events: the timeline embed shows no empty era.
    expect(eraEmbeds(byTitle('Timeline'))).toEqual([
      { id: 'era-leadership', title: 'Leadership', embed: '/embed/timeline/history/timeline/#era-leadership' },
    ]);
    expect(eraEmbeds(byTitle('KGB'))).toEqual([]);
    // However long its ids, a note's embeds are its view's pages.
    const long120 = 'Ж'.repeat(120);
    const wide = gardenOf(
      note(
        'T.md',
        `type: timeline\neras: [{ title: ${long120}, start: "1953", end: "1964" }]\nevents: [{ date: "1956", title: A, era: ${long120} }]`,
      ),
      note('B.md', 'type: brief', `## ${long120}\n\nText.`),
    );
    expect(
      wide.notes
        .flatMap((candidate) => embedsOf(wide, candidate))
        .map((embed) => embed.url)
        .sort(),
    ).toEqual(['/embed/section/b/', '/embed/timeline/t/']);
  });

  it('are pages of the route table: not indexed, not listed, not locked, each with its parameter', () => {
    const routes = routeTable(garden, []);
    const embeds = routes.filter((route) => route.kind === 'embed');
    expect(embeds).toHaveLength(garden.notes.reduce((count, candidate) => count + embedsOf(garden, candidate).length, 0));
    // At most one page per view of a note.
    for (const candidate of garden.notes) {
      const own = embeds.filter((route) => route.kind === 'embed' && route.note === candidate);
      expect(new Set(own.map((route) => route.kind === 'embed' && route.embed.view)).size).toBe(own.length);
    }
    const indexed = indexedUrls(routes);
    const served = new Set(servedUrls(routes).pages);
    for (const route of embeds) {
      expect(route.url.startsWith('/embed/')).toBe(true);
      expect(indexed(route.url)).toBe(false);
      expect(served.has(route.url)).toBe(false);
      expect(`/embed/${route.param}/`).toBe(route.url);
    }
    expect(
      embeds
        .filter((route) => route.kind === 'embed' && route.main)
        .map((route) => route.url)
        .sort(),
    ).toEqual([
      '/embed/flashcards/history/history/',
      '/embed/quiz/history/quiz/',
      '/embed/term/history/kgb/',
      '/embed/timeline/history/timeline/',
    ]);
  });
});

describe('oEmbed', () => {
  it('describes an embed as a rich oEmbed response with its iframe', () => {
    const json = oembedJson({
      src: 'https://notes.example.org/embed/term/history/kgb/',
      title: 'KGB & "NKVD"',
      view: 'term',
      providerName: 'Study Notes Garden',
      providerUrl: 'https://notes.example.org/',
    });
    expect(json).toEqual({
      version: '1.0',
      type: 'rich',
      title: 'KGB & "NKVD"',
      provider_name: 'Study Notes Garden',
      provider_url: 'https://notes.example.org/',
      html: '<iframe src="https://notes.example.org/embed/term/history/kgb/" title="KGB &amp; &quot;NKVD&quot;" width="100%" height="240" style="border:0" loading="lazy"></iframe>',
      width: 640,
      height: 240,
    });
  });

  it('writes snippets with their text escaped', () => {
    expect(linkSnippet('https://x.org/a/#b', 'A <b> & "c"')).toBe('<a href="https://x.org/a/#b">A &lt;b&gt; &amp; "c"</a>');
    expect(iframeSnippet('https://x.org/"', 't', 10)).toContain('src="https://x.org/&quot;"');
  });
});

describe('framing headers', () => {
  const PAGE = "default-src 'self'; script-src 'self' 'sha256-abc='";

  it('lets only the embeds be framed: by any site by default, by the listed origins, or by none', () => {
    const file = headersFile([PAGE], { embedPolicies: [PAGE] });
    const rules = file.split('\n\n');
    const all = rules.find((rule) => rule.includes('\n/*\n') || rule.startsWith('/*'))!;
    expect(all).toContain('X-Frame-Options: DENY');
    expect(all).not.toContain('frame-ancestors');
    const embeds = rules.find((rule) => rule.includes(`${EMBED_PATHS}\n`))!;
    const policy = parsePolicy(/Content-Security-Policy: (.*)/.exec(embeds)![1]!);
    expect(policy.get('frame-ancestors')).toEqual(['*']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(frameAncestors(['https://moodle.example.edu', 'https://*.example.edu'])).toBe(
      'frame-ancestors https://moodle.example.edu https://*.example.edu',
    );
    expect(frameAncestors([])).toBe("frame-ancestors 'none'");
    expect(headersFile([PAGE], { embedOrigins: ['https://moodle.example.edu'] })).toContain(
      `${EMBED_PATHS}\n  Content-Security-Policy: frame-ancestors https://moodle.example.edu\n`,
    );
  });

  it('takes the framing origins from embedOrigins or GARDEN_EMBED_ORIGINS, and refuses a URL with a path', () => {
    expect(resolveGardenOptions({}, {}).embedOrigins).toEqual(['*']);
    expect(resolveGardenOptions({}, { GARDEN_EMBED_ORIGINS: 'https://a.example https://b.example:8443' }).embedOrigins).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
    expect(resolveGardenOptions({}, { GARDEN_EMBED_ORIGINS: 'none' }).embedOrigins).toEqual([]);
    expect(() => resolveGardenOptions({ embedOrigins: ['https://moodle.example.edu/course/'] }, {})).toThrow(
      /embedOrigins\.?.*must be '\*' or an origin|embedOrigins: must be/,
    );
  });
});

describe('a timeline embed’s date range', () => {
  it('reads a year, a month or a day as its first or last instant', () => {
    expect(rangeBound('1953', false)).toBe(Date.UTC(1953, 0, 1));
    expect(rangeBound('1953', true)).toBe(Date.UTC(1954, 0, 1) - 1);
    expect(rangeBound('1962-10', true)).toBe(Date.UTC(1962, 10, 1) - 1);
    expect(rangeBound('1962-10-24', false)).toBe(Date.UTC(1962, 9, 24));
    expect(rangeBound('0050', false)).toBe(new Date(0).setUTCFullYear(50, 0, 1));
    expect(rangeBound('soon', false)).toBeUndefined();
    expect(rangeBound(null, true)).toBeUndefined();
  });
});
