/**
 * Citations: Pandoc's bracketed syntax (src/lib/syntax/citations.ts), the vault's bibliography
 * (src/lib/vault/bibliography.ts), their formatting in Chicago author-date (src/lib/render/citations.ts),
 * the links placed in text (src/lib/render/citation-links.ts), and the problems the vault load reports.
 */
import { describe, expect, it } from 'vitest';
import { citationLookupKey, citationsInTree, findCitations } from '../../src/lib/syntax/citations.ts';
import { parseMarkdown } from '../../src/lib/syntax/parse.ts';
import { isBibliographyPath, loadBibliography } from '../../src/lib/vault/bibliography.ts';
import { chicagoAuthorDate, createCitationFormatter, splitGroup } from '../../src/lib/render/citations.ts';
import { citationNodes, citedPieces } from '../../src/lib/render/citation-links.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

const BIB = [
  '@string{norton = "W. W. Norton"}',
  '',
  '@book{taubman2003,',
  '  author = {Taubman, William},',
  '  title = {Khrushchev: The Man and His Era},',
  '  publisher = norton, address = {New York}, year = {2003}',
  '}',
  '@book{zubok2007, author = {Zubok, Vladislav M.}, title = {A Failed Empire}, publisher = {UNC Press}, year = 2007}',
].join('\n');

const CSL_JSON = JSON.stringify(
  [
    {
      id: 'gaddis2005',
      type: 'book',
      title: 'The Cold War',
      author: [{ family: 'Gaddis', given: 'John Lewis' }],
      issued: { 'date-parts': [[2005]] },
    },
  ],
  null,
  2,
);

const items = (text: string) => findCitations(text).map((group) => group.items);

describe('the citation syntax', () => {
  it('reads every Pandoc form', () => {
    expect(items('[@taubman2003]')).toEqual([[{ key: 'taubman2003' }]]);
    expect(items('[@taubman2003, p. 250]')).toEqual([[{ key: 'taubman2003', locator: '250', label: 'page' }]]);
    expect(items('[@taubman2003, 250]')).toEqual([[{ key: 'taubman2003', locator: '250', label: 'page' }]]);
    expect(items('[see @zubok2007, pp. 3–5]')).toEqual([[{ key: 'zubok2007', prefix: 'see', locator: '3–5', label: 'page' }]]);
    expect(items('[@a; @b]')).toEqual([[{ key: 'a' }, { key: 'b' }]]);
    expect(items('[-@zubok2007]')).toEqual([[{ key: 'zubok2007', suppressAuthor: true }]]);
    expect(items('[@k, chap. 2, emphasis added]')).toEqual([
      [{ key: 'k', locator: '2', label: 'chapter', suffix: 'emphasis added' }],
    ]);
    expect(items('[@k, p. xiv]')).toEqual([[{ key: 'k', locator: 'xiv', label: 'page' }]]);
    expect(items('[@k, civil war]')).toEqual([[{ key: 'k', suffix: ', civil war' }]]);
    expect(items('[@doe:2001.x]')).toEqual([[{ key: 'doe:2001.x' }]]);
  });

  it('finds groups where they stand, and nothing that is not one', () => {
    const text = 'As [@a, 3] says; mail me@example.org or @a, [at x@y.org], [@] or [some text] [@a; not a key].';
    expect(findCitations(text).map(({ written, start }) => [written, start])).toEqual([['[@a, 3]', 3]]);
  });

  it('finds groups in prose only: not in code, not in link text, with their lines', () => {
    const tree = parseMarkdown(
      'Intro [@a].\n\nSecond line\nand [see\n@b, 4].\n\n`[@c]` [[@d]](https://x.org)\n\n```\n[@e]\n```\n',
    );
    expect(citationsInTree(tree)).toEqual([
      { written: '[@a]', line: 1 },
      { written: '[see\n@b, 4]', line: 4 },
    ]);
  });

  it('knows a group however smart punctuation or wrapping wrote it', () => {
    expect(citationLookupKey('[see\n@b, pp. 3--5]')).toBe(citationLookupKey('[see @b, pp. 3–5]'));
    expect(citationLookupKey('[“see” @b]')).toBe(citationLookupKey('["see" @b]'));
  });
});

describe('the bibliography', () => {
  it('reads .bib and .csl.json files, keys sorted', () => {
    expect(['a.bib', 'b.csl.json', 'c.json', 'd.BIB'].map(isBibliographyPath)).toEqual([true, true, false, true]);
    const { items: works, problems } = loadBibliography([
      { path: 'Sources/course.bib', text: BIB },
      { path: 'Sources/more.csl.json', text: CSL_JSON },
    ]);
    expect(problems).toEqual([]);
    expect(works.map((work) => work.id)).toEqual(['gaddis2005', 'taubman2003', 'zubok2007']);
    expect(works.find((work) => work.id === 'taubman2003')).toMatchObject({ type: 'book', publisher: 'W. W. Norton' });
  });

  it('reports an entry it cannot read, a key given twice and a bad CSL-JSON file, each at its line; the rest still counts', () => {
    const broken = `${BIB}\n\n@article{broken, title = {unclosed\n\n@misc{fine, title = {Fine}, year = 1999}\n`;
    const twice = JSON.stringify([{ id: 'x', type: 'book' }, { type: 'book' }, { id: 'zubok2007', type: 'book' }], null, 2);
    const { items: works, problems } = loadBibliography([
      { path: 'a.bib', text: broken },
      { path: 'b.csl.json', text: twice },
      { path: 'c.csl.json', text: '[\n  { "id": "y",\n}' },
      { path: 'd.csl.json', text: '{ "id": "z" }' },
    ]);
    expect(works.map((work) => work.id)).toEqual(['fine', 'taubman2003', 'x', 'zubok2007']);
    expect(problems).toEqual([
      { file: 'a.bib', line: 10, message: 'this bibliography entry "broken" cannot be read: expected "text", got EOF' },
      { file: 'b.csl.json', message: 'item 2 has no "id" (the citation key), so it cannot be cited' },
      {
        file: 'b.csl.json',
        line: 10,
        message: 'the citation key "zubok2007" is already used at a.bib:8; give one of them another key',
      },
      { file: 'c.csl.json', line: 3, message: expect.stringMatching(/^is not valid JSON: /) as unknown },
      { file: 'd.csl.json', message: 'a CSL-JSON bibliography is an array of items' },
    ]);
  });
});

describe('formatting, Chicago author-date by default', () => {
  const works = loadBibliography([
    { path: 'course.bib', text: BIB },
    { path: 'more.csl.json', text: CSL_JSON },
  ]).items;
  const formatter = createCitationFormatter(works, chicagoAuthorDate());

  it('formats each group, each work its own link, and lists the works cited in the style’s order', () => {
    const { groups, references } = formatter.formatNote([
      [{ key: 'zubok2007', locator: '12', label: 'page' }],
      [{ key: 'taubman2003' }, { key: 'gaddis2005', prefix: 'see' }],
      [{ key: 'taubman2003', suppressAuthor: true }],
    ]);
    expect(groups).toEqual([
      [{ text: '(' }, { text: 'Zubok 2007, 12', key: 'zubok2007' }, { text: ')' }],
      [
        { text: '(' },
        { text: 'Taubman 2003', key: 'taubman2003' },
        { text: '; ' },
        { text: 'see Gaddis 2005', key: 'gaddis2005' },
        { text: ')' },
      ],
      [{ text: '(' }, { text: '2003', key: 'taubman2003' }, { text: ')' }],
    ]);
    expect(references.map((reference) => reference.key)).toEqual(['gaddis2005', 'taubman2003', 'zubok2007']);
    expect(references[1]?.node).toEqual({
      type: 'element',
      tagName: 'li',
      properties: { id: 'ref-taubman2003', className: ['csl-entry'] },
      children: [
        { type: 'text', value: 'Taubman, William. 2003. ' },
        { type: 'element', tagName: 'i', properties: {}, children: [{ type: 'text', value: 'Khrushchev: The Man and His Era' }] },
        { type: 'text', value: '. New York: W. W. Norton.' },
      ],
    });
  });

  it('formats in another CSL style when the site names one (the citationStyle option)', () => {
    const numeric = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">',
      '  <info><title>Numbers</title><id>numbers</id><updated>2020-01-01T00:00:00+00:00</updated></info>',
      '  <citation><layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout></citation>',
      '  <bibliography><layout><text variable="citation-number" suffix=". "/><text variable="title"/></layout></bibliography>',
      '</style>',
    ].join('\n');
    const { groups, references } = createCitationFormatter(works, numeric).formatNote([
      [{ key: 'zubok2007' }],
      [{ key: 'taubman2003' }, { key: 'zubok2007' }],
    ]);
    expect(groups).toEqual([
      [{ text: '[' }, { text: '1', key: 'zubok2007' }, { text: ']' }],
      [{ text: '[' }, { text: '2', key: 'taubman2003' }, { text: ', ' }, { text: '1', key: 'zubok2007' }, { text: ']' }],
    ]);
    expect(references.map((reference) => reference.key)).toEqual(['zubok2007', 'taubman2003']);
  });

  it('links a whole group to its first work when the style merges its works', () => {
    expect(splitGroup('(Smith 2001, 2003)', ['(Smith 2001)', '(Smith 2003)'], ['a', 'b'], { prefix: '(', suffix: ')' })).toEqual([
      { text: '(' },
      { text: 'Smith 2001, 2003', key: 'a' },
      { text: ')' },
    ]);
  });

  it('keeps only emphasis and web links of what a bibliography entry holds', () => {
    const hostile = '@misc{bad, title = {<script>alert(1)</script><a href="javascript:x()">x</a> <b>bold</b>}, year = 2000}';
    const bibliography = loadBibliography([{ path: 'h.bib', text: hostile }]).items;
    const [reference] = createCitationFormatter(bibliography, chicagoAuthorDate()).formatNote([[{ key: 'bad' }]]).references;
    const elements: string[] = [];
    const walk = (node: { type: string; tagName?: string; properties?: object; children?: unknown[] }) => {
      if (node.type === 'element') elements.push(`${node.tagName} ${JSON.stringify(node.properties)}`);
      (node.children as (typeof node)[] | undefined)?.forEach(walk);
    };
    walk(reference?.node as Parameters<typeof walk>[0]);
    // The markup written in the entry is text (shown as written), but for the emphasis a style may use.
    expect(elements).toEqual(['li {"id":"ref-bad","className":["csl-entry"]}', 'b {}']);
  });

  it('places the formatted groups in text as links to the reference list', () => {
    const citations = {
      groups: { [citationLookupKey('[@a, 3]')]: [{ text: '(' }, { text: 'A 2000, 3', key: 'a' }, { text: ')' }] },
      references: [],
    };
    expect(citedPieces('See [@a, 3] and [@b].', citations)).toEqual([
      { text: 'See ' },
      { text: '(', citation: true },
      { text: 'A 2000, 3', href: '#ref-a', citation: true },
      { text: ')', citation: true },
      { text: ' and [@b].' },
    ]);
    expect(citationNodes('[@a, 3]', citations, '/other/')?.[1]).toEqual({
      type: 'link',
      url: '/other/#ref-a',
      children: [{ type: 'text', value: 'A 2000, 3' }],
      data: { hProperties: { className: ['citation'] } },
    });
    expect(citationNodes('No citation here.', citations)).toBeUndefined();
  });
});

describe('citations when the vault is loaded', () => {
  const file = (path: string, text: string) => ({ path: vaultPath(path), text });
  const bibliography = [{ path: 'Sources/course.bib', text: BIB }];
  const notes = [
    file('Brief.md', '---\ndg-publish: true\ntitle: Brief\n---\nKnown [@taubman2003, 250].\n\nUnknown [@zubokk2007] here.\n'),
    file(
      'Timeline.md',
      [
        '---',
        'dg-publish: true',
        'type: timeline',
        'events:',
        '  - date: 1956',
        '    title: A',
        '    sources: ["[@zubok2007]", "[@nobody1990, 3]", "Taubman"]',
        '---',
        '',
      ].join('\n'),
    ),
    file('Term.md', '---\ndg-publish: true\ntype: term\ndefinition: A thing [@taubman2003].\n---\n'),
  ];

  it('formats each note’s citations once, body and frontmatter, and lists only the works it cites', () => {
    const vault = loadVault(notes, { bibliography, brokenLinks: 'warn' });
    const brief = vault.notes.find(({ note }) => note.vaultPath === 'Brief.md')?.note;
    expect(brief?.citations?.groups[citationLookupKey('[@taubman2003, 250]')]).toEqual([
      { text: '(' },
      { text: 'Taubman 2003, 250', key: 'taubman2003' },
      { text: ')' },
    ]);
    expect(brief?.citations?.references.map((reference) => reference.key)).toEqual(['taubman2003']);
    const timeline = vault.notes.find(({ note }) => note.vaultPath === 'Timeline.md')?.note;
    expect(timeline?.citations?.references.map((reference) => reference.key)).toEqual(['zubok2007']);
    const term = vault.notes.find(({ note }) => note.vaultPath === 'Term.md')?.note;
    expect(term?.citations?.references.map((reference) => reference.key)).toEqual(['taubman2003']);
  });

  it('reports an unknown key at its file and line, with the nearest keys; a warning with brokenLinks: warn', () => {
    const strict = loadVault(notes, { bibliography });
    expect(formatProblems(strict.problems)).toBe(
      [
        'Brief.md:7: [@zubokk2007] cites "zubokk2007", which no bibliography of the vault (.bib, .csl.json) has; did you mean "zubok2007"?',
        'Timeline.md:7: "Taubman" is not a citation: write a source as "[@key]" or "[@key, 250]"',
        'Timeline.md:7: [@nobody1990, 3] cites "nobody1990", which no bibliography of the vault (.bib, .csl.json) has',
      ].join('\n'),
    );
    const lenient = loadVault(notes, { bibliography, brokenLinks: 'warn' });
    expect(lenient.problems.map((problem) => problem.message)).toEqual([
      '"Taubman" is not a citation: write a source as "[@key]" or "[@key, 250]"',
    ]);
    expect(lenient.warnings.map((warning) => `${warning.file}:${warning.line}`)).toEqual(['Brief.md:7', 'Timeline.md:7']);
  });
});
