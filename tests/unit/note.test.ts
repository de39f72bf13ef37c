import { describe, expect, it } from 'vitest';
import { parseNoteSource } from '../../src/lib/note/frontmatter.ts';
import { readNote } from '../../src/lib/note/note.ts';
import { addReference, type NoteData } from '../../src/lib/note/note-data.ts';
import { vaultPath } from '../../src/lib/util/types.ts';

const read = (text: string, path = 'Course/Note.md') => readNote(vaultPath(path), text);

describe('frontmatter', () => {
  it('reads YAML and the JSON frontmatter of Digital Garden exports alike', () => {
    expect(parseNoteSource('---\ntitle: A\ndg-publish: true\n---\nBody').data).toEqual({ title: 'A', 'dg-publish': true });
    const json = parseNoteSource(
      '---\n{"dg-publish":true,"permalink":"/a/b/","created":"2023-02-14T10:38:08.616+01:00"}\n---\n\nBody',
    );
    expect(json.data).toEqual({ 'dg-publish': true, permalink: '/a/b/', created: '2023-02-14T10:38:08.616+01:00' });
    expect(json.bodyLine).toBe(4);
  });

  it('keeps unquoted dates as text (YAML 1.2): no Date, no time zone', () => {
    expect(parseNoteSource('---\ncreated: 2024-05-01\nyear: 1953\n---\n').data).toEqual({ created: '2024-05-01', year: 1953 });
  });

  it('reports malformed YAML with its file line', () => {
    const source = parseNoteSource('---\ntitle: A\ntags: [a, b\ntype: brief\n---\nBody');
    expect(source.problems).toHaveLength(1);
    expect(source.problems[0]?.message).toMatch(/^malformed frontmatter/);
    expect(source.problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('finds the line of a key path', () => {
    const source = parseNoteSource(
      '---\ntitle: A\nevents:\n  - date: "1962"\n    title: X\n  - date: "1962-02-30"\n    title: Y\n---\n',
    );
    expect(source.lineOf(['title'])).toBe(2);
    expect(source.lineOf(['events', 1, 'date'])).toBe(6);
  });

  it('refuses an unclosed frontmatter and a frontmatter that is not a mapping', () => {
    expect(parseNoteSource('---\ntitle: A\nBody').problems[0]?.message).toContain('never closed');
    expect(parseNoteSource('---\n- a\n- b\n---\n').problems[0]?.message).toContain('key: value');
  });

  it('treats a file without frontmatter as all body', () => {
    expect(parseNoteSource('# Title\n\nText')).toMatchObject({ data: {}, bodyLine: 1, body: '# Title\n\nText' });
  });
});

describe('readNote', () => {
  it('normalises a published brief', () => {
    const outcome = read(
      '---\ndg-publish: true\ntype: brief\ntags: [Cold-War, "#ussr"]\ntakeaways: [One]\nfaq:\n  - q: Why?\n    a: Because.\n---\nBody',
    );
    expect(outcome.status).toBe('published');
    if (outcome.status !== 'published') return;
    expect(outcome.note).toMatchObject({
      type: 'brief',
      title: 'Note',
      url: '/course/note/',
      tags: ['cold-war', 'ussr'],
      takeaways: ['One'],
      faq: [{ q: 'Why?', a: 'Because.' }],
      format: 'md',
    });
  });

  it('keeps nothing of an unpublished note but what links need', () => {
    expect(read('---\ntitle: Secret\naliases: [Hidden]\n---\nDraft text')).toEqual({
      status: 'unpublished',
      title: 'Note',
      aliases: ['Hidden'],
    });
    expect(read('No frontmatter at all')).toMatchObject({ status: 'unpublished' });
  });

  it('sorts timeline events chronologically and gives them stable ids', () => {
    const outcome = read(
      '---\ndg-publish: true\ntype: timeline\nevents:\n  - { date: "1962-10-24", title: Naval blockade of Cuba }\n  - { date: 1953, title: Stalin dies }\n  - { date: "1894~", title: Born, id: birth }\n---\n',
    );
    if (outcome.status !== 'published' || outcome.note.type !== 'timeline') throw new Error(JSON.stringify(outcome));
    expect(outcome.note.events.map((e) => e.id)).toEqual(['birth', '1953-stalin-dies', '1962-10-24-naval-blockade-of-cuba']);
  });

  it.each([
    ['dg-publish: "true"', /dg-publish must be the boolean/, 2],
    ['dg-publish: true\ntype: breif', /type "breif" is not a kind of note; did you mean brief\?/, 3],
    ['dg-publish: true\ntype: Timeline', /did you mean timeline\?/, 3],
    ['dg-publish: true\ntype: quiz', /quiz is required/, 2],
    ['dg-publish: true\npublish: false', /dg-publish is true but publish is false/, 2],
    ['publish: "yes"', /publish must be the boolean true or false, but it is the string "yes"/, 2],
    ['dg-publish: true\ntags: [{ a: 1 }]', /tags\[0\] must be a tag \(text\), not a set of key: value pairs/, 3],
    ['dg-publish: true\naliases: [[a]]', /aliases\[0\] must be text, not a list/, 3],
    ['dg-publish: true\ndg-show-toc: "no"', /dg-show-toc must be true or false/, 3],
    ['dg-publish: true\npermalink: /a/../b/', /permalink "\/a\/\.\.\/b\/" is not allowed/, 3],
    [
      'dg-publish: true\ntype: timeline\nevents:\n  - date: "1962-02-30"\n    title: X',
      /events\[0\]\.date: "1962-02-30" is not a real calendar date/,
      5,
    ],
    ['dg-publish: true\ntype: term', /definition is required/, 2],
    ['dg-publish: true\ntags: { a: 1 }', /^tags/, 3],
    ['dg-publish: true\ntags: ["#"]', /"#" is not a tag/, 3],
    ['dg-publish: true\ntitle: [a]', /title must be text, not a list/, 3],
    ['dg-publish: true\ncreated: 2024-02-30', /created: "2024-02-30" is not a real calendar date/, 3],
    ['dg-publish: true\ndg-hide: "yes"', /dg-hide must be true or false \(without quotes\), not "yes"/, 3],
    [
      'dg-publish: true\ntype: timeline\neras: [{title: A, start: "1950", end: "1960"}]\nevents:\n  - { date: "1955", title: X, era: B }',
      /era "B" is not the title of any entry in eras/,
      6,
    ],
  ])('refuses %j with a message and line', (yaml, message, line) => {
    const outcome = read(`---\n${yaml}\n---\nBody`);
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.problems[0]?.message).toMatch(message);
    expect(outcome.problems[0]?.file).toBe('Course/Note.md');
    expect(outcome.problems[0]?.line).toBe(line);
  });

  it('allows unknown keys, as Obsidian notes carry many', () => {
    expect(read('---\ndg-publish: true\ncssclasses: [wide]\nbanner: x.png\n---\n').status).toBe('published');
  });
});

describe('frontmatter wikilinks, waiting for the vault as plain data', () => {
  it('know their line, and go to their event by its id when the events are put in date order', () => {
    const outcome = read(
      [
        '---',
        'dg-publish: true',
        'type: timeline',
        'events:',
        '  - date: 1964',
        '    title: Later',
        '    links: ["[[B]]"]',
        '  - date: 1953',
        '    title: Earlier',
        '    links: ["[[A]]"]',
        '---',
      ].join('\n'),
    );
    if (outcome.status !== 'published') throw new Error(outcome.status);
    expect(outcome.references).toEqual([
      { written: '[[B]]', line: 7, slot: { kind: 'event', id: expect.any(String) } },
      { written: '[[A]]', line: 10, slot: { kind: 'event', id: expect.any(String) } },
    ]);
    // Plain data: what a cache keeps is what was read.
    expect(structuredClone(outcome)).toEqual(outcome);
    outcome.references.forEach((reference, index) =>
      addReference(outcome.note, reference.slot, vaultPath(index ? 'A.md' : 'B.md')),
    );
    const note = outcome.note as Extract<NoteData, { type: 'timeline' }>;
    expect(note.events.map((event) => [event.title, event.links])).toEqual([
      ['Earlier', ['A.md']],
      ['Later', ['B.md']],
    ]);
  });

  it('go to a term’s related notes and a course’s order; a slot its note has not is a bug', () => {
    const term = read('---\ndg-publish: true\ntype: term\ndefinition: A word.\nrelated:\n  - "[[X]]"\n---\n');
    const course = read('---\ndg-publish: true\ntype: course\norder: ["[[Y]]"]\n---\n');
    if (term.status !== 'published' || course.status !== 'published') throw new Error('not published');
    expect(term.references).toEqual([{ written: '[[X]]', line: 6, slot: { kind: 'related' } }]);
    expect(course.references).toEqual([{ written: '[[Y]]', line: 4, slot: { kind: 'order' } }]);
    addReference(term.note, { kind: 'related' }, vaultPath('X.md'));
    addReference(course.note, { kind: 'order' }, vaultPath('Y.md'));
    expect(term.note.type === 'term' && term.note.related).toEqual(['X.md']);
    expect(course.note.type === 'course' && course.note.order).toEqual(['Y.md']);
    expect(() => addReference(course.note, { kind: 'related' }, vaultPath('Z.md'))).toThrow(/related reference in a course/);
  });
});
