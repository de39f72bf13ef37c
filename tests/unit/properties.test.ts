/**
 * Properties as Obsidian and the Digital Garden plugin write them (Obsidian's Properties docs; the
 * plugin's exported JSON frontmatter): empty values, CRLF files, types of the author's own, tags with
 * spaces, one value or a list, Obsidian Publish's `publish`, and the Digital Garden display keys.
 */
import { describe, expect, it } from 'vitest';
import { readNote, type NoteOutcome } from '../../src/lib/note/note.ts';
import { editDistance } from '../../src/lib/util/edit-distance.ts';
import { classifyType, isNearMiss, presentProperties } from '../../src/lib/note/properties.ts';
import { NOTE_TYPES } from '../../src/lib/note/schema.ts';
import { tagSlug, tagUrl } from '../../src/lib/syntax/tags.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';

const read = (frontmatter: string, body = 'Body'): NoteOutcome =>
  readNote(vaultPath('Vault/Note.md'), `---\n${frontmatter}\n---\n${body}`);

function published(outcome: NoteOutcome) {
  if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
  return outcome;
}

describe('empty properties', () => {
  it('drops null, empty strings, empty lists and lists of empty items, and nothing else', () => {
    expect(presentProperties({ a: null, b: '', c: '  ', d: [], e: [null, ''], f: 0, g: false, h: 'x', i: [null, 'y'] })).toEqual({
      f: 0,
      g: false,
      h: 'x',
      i: [null, 'y'],
    });
  });

  it.each([
    ['keys with no value, as the Properties panel writes them', 'dg-publish: true\naliases:\ndescription:\ntags:\ncssclasses:'],
    ['JSON nulls, as the Digital Garden plugin exports them', '{"dg-publish":true,"tags":null,"aliases":null,"permalink":null}'],
    ['empty strings and lists', 'dg-publish: true\ntitle: ""\ndescription: ""\ntags: []\naliases: [""]\ntype: ""'],
    ['a list with an empty item', 'dg-publish: true\ntags:\n  - \n  - ussr'],
  ])('reads %s as absent', (_, frontmatter) => {
    const { note } = published(read(frontmatter));
    expect(note.type).toBe('note');
    expect(note.title).toBe('Note');
    expect(note.description).toBeUndefined();
    expect(note.aliases).toEqual([]);
    expect(note.url).toBe('/vault/note/');
  });

  it('leaves an empty dg-publish unpublished instead of refusing it', () => {
    expect(read('dg-publish:\ntitle: Draft').status).toBe('unpublished');
  });
});

describe('line endings', () => {
  it.each([
    ['a list', 'tags: [ussr, cold-war]'],
    ['a mapping', 'dg-metatags: {description: "Summary"}'],
    ['a quoted string', 'title: "The Thaw"'],
  ])('read CRLF files as LF files, also when the last line ends in %s', (_, last) => {
    const lf = `---\ndg-publish: true\n${last}\n---\n# Heading\n\nBody\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = published(readNote(vaultPath('N.md'), lf));
    const b = published(readNote(vaultPath('N.md'), crlf));
    expect(b.note).toEqual(a.note);
    expect(b.body).toBe(a.body);
    expect(b.bodyLine).toBe(a.bodyLine);
  });
});

describe('kinds', () => {
  it('makes a note without type a plain note', () => {
    expect(published(read('dg-publish: true')).note.type).toBe('note');
  });

  it.each(NOTE_TYPES.filter((kind) => !['timeline', 'term', 'quiz'].includes(kind)))('knows %s', (kind) => {
    expect(published(read(`dg-publish: true\ntype: ${kind}`)).note.type).toBe(kind);
  });

  it.each(['anatomy', 'source', 'person', 'team', 'nota', 'moc', '42'])(
    'keeps type: %s as the author’s own property, publishing a plain note',
    (own) => {
      const outcome = published(read(`dg-publish: true\ntype: ${own}`));
      expect(outcome.note.type).toBe('note');
      expect(outcome.ownType).toBe(own);
    },
  );

  it.each([
    ['breif', 'brief'],
    ['Brief', 'brief'],
    ['timline', 'timeline'],
    ['timelnie', 'timeline'],
    ['termm', 'term'],
    ['coures', 'course'],
    ['qiuz', 'quiz'],
    ['notes', 'note'],
  ])('refuses the near miss %s with a did-you-mean %s', (written, kind) => {
    expect(classifyType(written, NOTE_TYPES, 'note')).toEqual({ nearMiss: written, suggestion: kind });
  });

  it('measures edit distance with adjacent swaps as one edit', () => {
    expect(editDistance('breif', 'brief')).toBe(1);
    expect(editDistance('source', 'course')).toBe(2);
    expect(isNearMiss('team', 'term')).toBe(false);
    expect(isNearMiss('source', 'course')).toBe(false);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('sums up the types of the authors’ own in one warning', () => {
    const note = (type: string) => `---\ndg-publish: true\ntype: ${type}\n---\nBody`;
    const vault = loadVault([
      { path: vaultPath('a.md'), text: note('anatomy') },
      { path: vaultPath('b.md'), text: note('anatomy') },
      { path: vaultPath('c.md'), text: note('person') },
      { path: vaultPath('d.md'), text: note('brief') },
    ]);
    expect(vault.problems).toEqual([]);
    expect(vault.warnings).toHaveLength(1);
    expect(formatProblems(vault.warnings)).toBe(
      '3 notes have types of the author\'s own, published as plain notes: "anatomy" (2 notes, e.g. a.md), "person" (c.md). ' +
        "The site's kinds are note, brief, quiz, timeline, term and course.",
    );
  });
});

describe('one value or a list', () => {
  it.each(['aliases', 'tags', 'cssclasses'])('accepts %s as one string', (key) => {
    expect(read(`dg-publish: true\n${key}: one`).status).toBe('published');
  });

  it('reads one alias, one tag and one class as lists of one', () => {
    const { note } = published(read('dg-publish: true\naliases: Other name\ntags: ussr\ncssclasses: wide'));
    expect(note.aliases).toEqual(['Other name']);
    expect(note.tags).toEqual(['ussr']);
    expect(note.cssClasses).toEqual(['note-class-wide']);
  });
});

describe('tags with spaces', () => {
  it('keeps a tag as written and gives its page a URL-safe slug', () => {
    const { note } = published(read('dg-publish: true\ntags: ["Anatomia Humana", "#cold-war", "ussr/Política  Externa"]'));
    expect(note.tags).toEqual(['anatomia humana', 'cold-war', 'ussr/política externa']);
    expect(note.tags.map(tagUrl)).toEqual(['/tags/anatomia-humana/', '/tags/cold-war/', '/tags/ussr/política-externa/']);
  });

  it('turns what a URL would misread into hyphens and drops empty segments', () => {
    expect(tagSlug('a?b#c')).toBe('a-b-c');
    expect(tagSlug('../x')).toBe('x');
    expect(tagSlug('a//b')).toBe('a/b');
    expect(tagSlug('C++ & Rust')).toBe('c-rust');
  });
});

describe('Obsidian Publish', () => {
  it('honours publish: true and publish: false like dg-publish', () => {
    expect(read('publish: true').status).toBe('published');
    expect(read('publish: false').status).toBe('unpublished');
    expect(read('publish: true\ndg-publish: true').status).toBe('published');
  });

  it('refuses the two flags disagreeing, naming the file and line', () => {
    expect(read('dg-publish: false\npublish: true')).toEqual({
      status: 'invalid',
      problems: [
        {
          file: 'Vault/Note.md',
          line: 2,
          message: 'dg-publish is false but publish is true; keep one of them, or give both the same value',
        },
      ],
    });
  });
});

describe('Digital Garden display keys', () => {
  it('shows everything by default', () => {
    expect(published(read('dg-publish: true')).note.display).toEqual({
      toc: true,
      backlinks: true,
      localGraph: true,
      inlineTitle: true,
      tags: true,
    });
  });

  it('hides what the note turns off', () => {
    const { note } = published(
      read(
        'dg-publish: true\ndg-show-toc: false\ndg-show-backlinks: false\ndg-show-local-graph: false\ndg-show-inline-title: false\ndg-show-tags: false',
      ),
    );
    expect(note.display).toEqual({ toc: false, backlinks: false, localGraph: false, inlineTitle: false, tags: false });
  });

  it('takes content classes from cssclasses, cssclass and dg-content-classes, safe names only', () => {
    const { note } = published(
      read('dg-publish: true\ncssclasses: [wide, "x\\" onclick=y"]\ncssclass: cards\ndg-content-classes: "big  small"'),
    );
    expect(note.cssClasses).toEqual(['note-class-wide', 'note-class-cards', 'note-class-big', 'note-class-small']);
  });

  it('uses dg-metatags.description when the note has no description, and accepts dg-note-icon', () => {
    expect(published(read('dg-publish: true\ndg-note-icon: 2\ndg-metatags: {description: From the tags}')).note.description).toBe(
      'From the tags',
    );
    expect(published(read('dg-publish: true\ndescription: Own\ndg-metatags: {description: Other}')).note.description).toBe('Own');
  });
});
