/** A small vault with every content-contract feature, built for real and inspected. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, buildVault, listFiles, readPage, type BuildResult } from '../helpers/build.ts';
import { cartridgeErrors, unzipCartridge } from '../helpers/cartridge.ts';
import { parsePage, textOf } from '../helpers/html.ts';

let build: BuildResult;
const page = (url: string) => parsePage(readPage(build.outDir, url));

beforeAll(async () => {
  build = await buildVault({
    contentDir: 'tests/fixtures/vault-good',
    outDir: join(TMP, 'vault-good'),
    // The site's own address: course cartridges are made only with one.
    env: { GARDEN_URL_LOCK: '', GARDEN_SITE: SITE },
  });
  expect(build.code, build.output).toBe(0);
});

const SITE = 'https://garden.example.edu';

describe('URLs', () => {
  it('serves one page per published note at the URL its rules give', () => {
    const pages = listFiles(build.outDir).filter((file) => file.endsWith('.html'));
    const notePages = pages.filter(
      (page) =>
        // Embeds are the notes' views for other sites (tests/build/embeds.test.ts), not their pages.
        !page.startsWith('embed/') &&
        ((!/(^|\/)(study-sheet|glossary|timeline|flashcards)\/index\.html$/.test(page) && !page.startsWith('tags/')) ||
          page.includes('/glossary/kgb/') ||
          page.includes('/glossary/nkvd/')),
    );
    expect(notePages).toEqual([
      '404.html',
      'elsewhere/new-place/index.html', // dg-path
      'exported/note/index.html', // permalink in JSON frontmatter
      'graph/index.html',
      'index.html', // dg-home
      'loose/no-frontmatter-title/index.html',
      'modern-europe/index/index.html', // a course note named index.md
      'search/index.html',
      'world-history/cold-war/brief-one/index.html',
      'world-history/cold-war/cold-war/index.html',
      'world-history/cold-war/component-note/index.html', // MDX
      'world-history/cold-war/crisis-timeline/index.html',
      'world-history/cold-war/glossary/kgb/index.html',
      'world-history/cold-war/glossary/nkvd/index.html',
      'world-history/cold-war/hidden-note/index.html', // dg-hide: published, not listed
      'история/my notes/index.html', // permalink in another script, with a space
    ]);
  });

  it('puts the dg-home note at / with the course list', () => {
    const home = parsePage(readFileSync(join(build.outDir, 'index.html'), 'utf8'));
    expect(textOf(home.querySelector('h1'))).toBe('Fixture Garden Home');
    expect(textOf(home.body)).toContain('HOMENOTEMARKER');
    expect([...home.querySelectorAll('.course-card h3')].map(textOf)).toEqual(['Modern Europe', 'The Cold War']);
  });

  it('links to a permalink with a space and another script percent-encoded', () => {
    const course = page('/modern-europe/index/');
    const hrefs = [...course.querySelectorAll('.course-group a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/%D0%B8%D1%81%D1%82%D0%BE%D1%80%D0%B8%D1%8F/my%20notes/');
  });
});

describe('publishing', () => {
  it('leaves no trace of unpublished notes or the .obsidian folder', () => {
    const markers = [
      'DRAFTMARKER',
      'Unpublished Draft Title',
      'unpublished-draft',
      'draftonlytag',
      'OFFMARKER',
      '/off/limits',
      'OBSIDIANTEMPLATEMARKER',
      'zebra quartz',
    ];
    for (const file of listFiles(build.outDir)) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      for (const marker of markers) expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
    }
    // A course cartridge is a zip: its entries are read unpacked.
    const cartridges = listFiles(build.outDir).filter((file) => file.endsWith('.imscc'));
    expect(cartridges).toHaveLength(2);
    for (const file of cartridges) {
      const { text } = unzipCartridge(readFileSync(join(build.outDir, file)));
      for (const [name, entry] of [['imsmanifest.xml', text.manifest], ...text.links])
        for (const marker of [...markers, 'HIDDENNOTEMARKER', 'hidden-note', 'Hidden Note'])
          expect(entry?.includes(marker), `${marker} in ${file}: ${name}`).toBe(false);
    }
  });

  it('warns, naming both files, when frontmatter links to an unpublished note', () => {
    expect(build.output).toContain('vault-good/World History/Cold War/Cold War.md:9: [[Unpublished Draft]] links to');
    expect(build.output).toContain('Unpublished Draft.md, which is not published');
  });

  it('builds its MDX note without a bundler warning', () => {
    expect(listFiles(build.outDir)).toContain('world-history/cold-war/component-note/index.html');
    expect(build.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(build.output.split('\n').filter((line) => line.includes('[WARN] [vite]'))).toEqual([]);
  });

  it('publishes a dg-hide note without listing it', () => {
    expect(textOf(page('/world-history/cold-war/hidden-note/').body)).toContain('HIDDENNOTEMARKER');
    expect(textOf(page('/world-history/cold-war/cold-war/').body)).not.toContain('Hidden Note');
  });
});

describe('Obsidian Markdown', () => {
  it('renders GFM tables, task lists, footnotes, highlights and inline tags, and drops %%comments%%', () => {
    const brief = page('/world-history/cold-war/brief-one/');
    const prose = brief.querySelector('.prose') as Element;
    expect([...prose.querySelectorAll('table th')].map(textOf)).toEqual(['Leader', 'Country']);
    expect(prose.querySelectorAll('input[type="checkbox"]').length).toBe(2);
    expect(prose.querySelector('input[type="checkbox"][checked]')).not.toBeNull();
    expect(textOf(prose.querySelector('.footnotes, [data-footnotes]'))).toContain('The footnote text.');
    expect(textOf(prose.querySelector('mark'))).toBe('a highlighted phrase');
    expect(textOf(prose.querySelector('.tag'))).toBe('#berlin-crisis');
    expect(textOf(prose)).toContain('Line before');
    expect(textOf(prose)).toContain('line after');
    expect(brief.documentElement.outerHTML).not.toContain('COMMENTMARKER');
    expect(textOf(prose.querySelector('pre'))).toContain('%% this stays, it is code %%');
  });

  it('renders callouts of every form, foldable ones as <details>', () => {
    const prose = page('/world-history/cold-war/brief-one/').querySelector('.prose') as Element;
    const callouts = [...prose.querySelectorAll('.callout')];
    expect(
      callouts.map((c) => [c.tagName.toLowerCase(), c.getAttribute('data-callout'), textOf(c.querySelector('.callout-title'))]),
    ).toEqual([
      ['div', 'note', 'Note'],
      ['div', 'warning', 'Mind the dates'],
      ['details', 'question', 'Folded question'],
      ['details', 'tip', 'Open foldable'],
    ]);
    expect(callouts[2]?.hasAttribute('open')).toBe(false);
    expect(callouts[3]?.hasAttribute('open')).toBe(true);
  });

  it('merges frontmatter and inline tags, lower-cased', () => {
    const tags = [...page('/world-history/cold-war/brief-one/').querySelectorAll('.note-tags li')].map(textOf);
    expect(tags).toEqual(['#berlin-crisis', '#cold-war', '#diplomacy']);
  });

  it('renders MDX notes with the same Markdown features', () => {
    const mdx = page('/world-history/cold-war/component-note/');
    expect(textOf(mdx.querySelector('.prose'))).toContain('MDX body rendered in 1961. MDXMARKER');
    expect(textOf(mdx.querySelector('.prose .callout-title'))).toBe('MDX callout');
    // The study components, without an import.
    expect(textOf(mdx.querySelector('.prose .takeaways li'))).toBe('An MDX takeaway.');
    expect(textOf(mdx.querySelector('.prose .quiz .quiz-q-text'))).toBe('An MDX question?');
    expect(mdx.querySelector('.prose .quiz-question')?.getAttribute('data-correct')).toBe('0');
  });

  it('loads Digital Garden exports (JSON frontmatter) unchanged', () => {
    const exported = page('/exported/note/');
    expect(textOf(exported.body)).toContain('EXPORTEDNOTEMARKER');
    expect(exported.querySelector('.note-dates time')?.getAttribute('datetime')).toBe('2023-03-01');
  });
});

describe('note kinds', () => {
  it('shows a brief with its takeaways and FAQ', () => {
    const brief = page('/world-history/cold-war/brief-one/');
    expect([...brief.querySelectorAll('.takeaways li')].map(textOf)).toEqual(['Takeaway alpha.', 'Takeaway beta.']);
    // The question, then its copy-link.
    expect(brief.querySelector('.faq dt')?.firstChild?.textContent?.trim()).toBe('Question one?');
    expect(textOf(brief.querySelector('.faq dd'))).toBe('Answer one.');
  });

  it('shows timeline events by era, chronologically, each date at its precision', () => {
    const timeline = page('/world-history/cold-war/crisis-timeline/');
    const events = [...timeline.querySelectorAll('li.event')].map((event) => [
      event.querySelector('.event-title')?.id,
      textOf(event.querySelector('.event-date')),
    ]);
    expect(events).toEqual([
      ['1894-birth', 'c. 1894'],
      ['1953-stalin-dies', '1953'],
      ['1960-10-12-shoe-incident', '12 October 1960?'],
      ['1961-04-17-1961-04-20-bay-of-pigs', '17–20 April 1961'],
      ['1962-07-missiles-shipped', 'July 1962'],
      ['1962-10-24-naval-blockade-of-cuba', '24 October 1962'],
      ['the-agreement', '28 October 1962'],
      ['1956-1964-a-long-span', '1956–1964'],
    ]);
    expect([...timeline.querySelectorAll('.era > h2')].map((h) => textOf(h))).toEqual([
      'Before 1890–1952',
      'Crisis years 1953–1964',
      'Other events',
    ]);
    expect(timeline.getElementById('1953-stalin-dies')?.closest('li')?.querySelector('time')?.getAttribute('datetime')).toBe(
      '1953',
    );
  });

  it('shows a term with its other names, definition and related terms', () => {
    const term = page('/world-history/cold-war/glossary/kgb/');
    expect(textOf(term.querySelector('h1'))).toBe('KGB');
    expect(textOf(term.querySelector('.definition dfn'))).toBe('KGB');
    expect(textOf(term.querySelector('.definition'))).toContain('formed in March 1954');
    expect(textOf(term.querySelector('.also-called'))).toBe('Also called: Committee for State Security');
    expect([...term.querySelectorAll('.related a')].map(textOf)).toEqual(['NKVD']);
    // A related link written as an alias resolves to its note.
    expect(
      [...page('/world-history/cold-war/glossary/nkvd/').querySelectorAll('.related a')].map((a) => a.getAttribute('href')),
    ).toEqual(['/world-history/cold-war/glossary/kgb/']);
  });

  it('shows a course with its notes grouped by kind, in its order', () => {
    const course = page('/world-history/cold-war/cold-war/');
    const groups = [...course.querySelectorAll('.course-group')].map((group) => [
      textOf(group.querySelector('h2')),
      [...group.querySelectorAll('li > a')].map(textOf),
    ]);
    expect(groups).toEqual([
      ['Briefs', ['Brief One']],
      // Notes without a type are plain notes, labelled and grouped as such.
      ['Notes', ['Component Note', 'Exported Note']],
      ['Timelines', ['Crisis Timeline']],
      ['Glossary', ['KGB', 'NKVD']],
    ]);
    expect(textOf(course.querySelector('.breadcrumbs'))).toBe('');
  });
});

describe('navigation', () => {
  it('shows the course tree: the way to the page and its folder’s notes, other folders as links, the current page marked, pinned first, hidden notes left out', () => {
    const courseNav = (url: string) => page(url).querySelector('nav[aria-label="Course contents"]') as Element;
    const nav = courseNav('/world-history/cold-war/brief-one/');
    const top = [...nav.querySelectorAll(':scope > ul:not(.course-tools) > li > a')].map(textOf);
    expect(top).toEqual(['Crisis Timeline', 'Brief One', 'Component Note', 'Glossary (2 notes)', 'Sources (1 note)']);
    expect(textOf(nav.querySelector('a[aria-current="page"]'))).toBe('Brief One');
    // Folders away from the page are links to them on the course page, not their notes.
    const folderLinks = [...nav.querySelectorAll('.course-folder-link > a')];
    expect(folderLinks.map((link) => link.getAttribute('href'))).toEqual([
      '/world-history/cold-war/cold-war/#course-folder-1',
      '/world-history/cold-war/cold-war/#course-folder-2',
    ]);
    expect(textOf(nav)).not.toContain('KGB');
    expect(textOf(nav)).not.toContain('Hidden Note');
    // The folder holding the current page is open, its pinned note first.
    const glossaryPage = courseNav('/world-history/cold-war/glossary/kgb/').querySelector('details');
    expect(glossaryPage?.hasAttribute('open')).toBe(true);
    expect([...glossaryPage!.querySelectorAll('a')].map(textOf)).toEqual(['NKVD', 'KGB']);
    // The course page holds the whole tree.
    const full = courseNav('/world-history/cold-war/cold-war/');
    expect([...full.querySelectorAll('details > summary')].map(textOf)).toEqual(['Glossary', 'Sources']);
    expect(full.querySelector('#course-folder-1')?.textContent).toContain('KGB');
  });

  it('gives breadcrumbs along the course path', () => {
    const crumbs = [...page('/exported/note/').querySelectorAll('.breadcrumbs li')].map(textOf);
    expect(crumbs).toEqual(['Home', 'The Cold War', 'Sources']);
  });

  it('links previous and next in the course order', () => {
    const links = [...page('/world-history/cold-war/brief-one/').querySelectorAll('.prev-next a')].map(textOf);
    expect(links).toEqual(['Crisis Timeline', 'Component Note']);
  });

  it('has tag pages and a tag index, linked from notes and inline tags', () => {
    const brief = page('/world-history/cold-war/brief-one/');
    expect(brief.querySelector('.prose a.tag')?.getAttribute('href')).toBe('/tags/berlin-crisis/');
    expect([...brief.querySelectorAll('.note-tags a')].map((a) => a.getAttribute('href'))).toEqual([
      '/tags/berlin-crisis/',
      '/tags/cold-war/',
      '/tags/diplomacy/',
    ]);
    expect([...page('/tags/cold-war/').querySelectorAll('.note-list a')].map(textOf)).toEqual(['Brief One']);
    expect([...page('/tags/').querySelectorAll('.tag-index a')].map(textOf)).toEqual([
      '#berlin-crisis',
      '#cold-war',
      '#diplomacy',
    ]);
  });

  it('shows the reading time, and an "On this page" list only for notes with several sections', () => {
    expect(textOf(page('/world-history/cold-war/brief-one/').querySelector('.note-dates'))).toMatch(/1 min read$/);
    expect(page('/world-history/cold-war/brief-one/').querySelector('.toc')).toBeNull();
  });
});

describe('graphs', () => {
  it('draw the whole site at build time: every note a link, dg-hide and dg-hide-in-graph left out, with a list alternative', () => {
    const graph = page('/graph/');
    const nodes = [...graph.querySelectorAll('svg a.graph-node')];
    const titles = nodes.map((node) => textOf(node.querySelector('title')));
    expect(titles).toContain('Brief One');
    expect(titles).not.toContain('Hidden Note');
    expect(titles).not.toContain('Exported Note');
    for (const node of nodes) expect(node.getAttribute('href')).toMatch(/^\//);
    expect(graph.querySelectorAll('svg line').length).toBeGreaterThan(0);
    expect(graph.querySelectorAll('.graph-list li')).toHaveLength(nodes.length);
    // The theme and the site module; no graph script.
    expect(graph.querySelectorAll('script')).toHaveLength(2);
  });

  it('draw each note’s neighbourhood with the note marked', () => {
    const local = page('/world-history/cold-war/glossary/kgb/').querySelector('.local-graph') as Element;
    expect(textOf(local.querySelector('a.current title'))).toBe('KGB');
    expect([...local.querySelectorAll('a.graph-node title')].map(textOf)).toContain('NKVD');
  });
});

describe('course cartridges and course links', () => {
  const COURSE = '/world-history/cold-war/cold-war/';
  const cartridgeOf = (course: string) =>
    unzipCartridge(readFileSync(join(build.outDir, decodeURIComponent(course), 'course.imscc')));
  /** The links of a manifest, as its items list them: [group, [title, href]…]. */
  const itemsOf = (manifest: string, links: Iterable<[string, string]>): [string, [string, string | undefined][]][] => {
    const hrefOf = new Map(
      [...links].map(([path, xml]) => [path.replace(/^links\/|\.xml$/g, ''), /<url href="([^"]+)"/.exec(xml)?.[1]]),
    );
    const doc = parsePage(manifest);
    return [...doc.querySelectorAll('organization > item > item')].map((group) => [
      textOf(group.querySelector(':scope > title')),
      [...group.querySelectorAll(':scope > item')].map((item): [string, string | undefined] => [
        textOf(item.querySelector('title')),
        hrefOf.get(item.getAttribute('identifierref') ?? ''),
      ]),
    ]);
  };

  it('makes one cartridge per course, at <course URL>course.imscc, linked from the course page', () => {
    expect(listFiles(build.outDir).filter((file) => file.endsWith('.imscc'))).toEqual([
      'modern-europe/index/course.imscc',
      'world-history/cold-war/cold-war/course.imscc',
    ]);
    const link = page(COURSE).querySelector('.lms-links a[download]');
    expect(link?.getAttribute('href')).toBe(`${COURSE}course.imscc`);
  });

  it('unzips to a manifest and web links that validate', async () => {
    for (const course of [COURSE, '/modern-europe/index/']) {
      const { names, text } = cartridgeOf(course);
      expect(names[0]).toBe('imsmanifest.xml');
      expect(await cartridgeErrors(text)).toEqual([]);
    }
  });

  it('lists exactly the course page’s notes, group by group in its order, then its study tools, all absolute', () => {
    const course = page(COURSE);
    const absolute = (href: string | null) => new URL(href ?? '', SITE).href;
    const onPage = [...course.querySelectorAll('.course-group')].map((group) => [
      textOf(group.querySelector('h2')),
      [...group.querySelectorAll('li > a')].map((a) => [textOf(a), absolute(a.getAttribute('href'))]),
    ]);
    const tools = [...course.querySelectorAll('.study-links a')].map((a) => [textOf(a), absolute(a.getAttribute('href'))]);
    const { text } = cartridgeOf(COURSE);
    expect(itemsOf(text.manifest, text.links)).toEqual([...onPage, ['Study tools', tools]]);
    expect(onPage.map(([title]) => title)).toEqual(['Briefs', 'Notes', 'Timelines', 'Glossary']);
  });

  it('shows the same links as HTML to paste, in a <details> of the course page', () => {
    const course = page(COURSE);
    // The <pre> shows the HTML as text: parsed, it is the fragment a lecturer pastes.
    const pasted = parsePage(`<body>${course.querySelector('.lms-links details pre')?.textContent ?? ''}</body>`);
    const { text } = cartridgeOf(COURSE);
    const fromCartridge = itemsOf(text.manifest, text.links);
    expect([...pasted.querySelectorAll('h3')].map(textOf)).toEqual(fromCartridge.map(([title]) => title));
    expect([...pasted.querySelectorAll('ul a')].map((a) => [textOf(a), a.getAttribute('href')])).toEqual(
      fromCartridge.flatMap(([, links]) => links),
    );
    expect(pasted.querySelector('p a')?.getAttribute('href')).toBe(`${SITE}${COURSE}`);
  });

  it('is the same bytes when built again, in another time zone', async () => {
    const again = await buildVault({
      contentDir: 'tests/fixtures/vault-good',
      outDir: join(TMP, 'vault-good-again'),
      env: { GARDEN_URL_LOCK: '', GARDEN_SITE: SITE, TZ: 'Pacific/Kiritimati' },
    });
    expect(again.code, again.output).toBe(0);
    for (const file of ['world-history/cold-war/cold-war/course.imscc', 'modern-europe/index/course.imscc'])
      expect(readFileSync(join(again.outDir, file)).equals(readFileSync(join(build.outDir, file))), file).toBe(true);
  });
});
