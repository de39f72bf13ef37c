import { describe, expect, it } from 'vitest';
import { stripComments } from '../../src/lib/syntax/comments.ts';
import { createNoteIndex, parseWikilink } from '../../src/lib/syntax/links.ts';
import { findTags } from '../../src/lib/syntax/tags.ts';
import { vaultPath } from '../../src/lib/util/types.ts';

describe('%%comments%%', () => {
  it('drops inline and multi-line comments but keeps every line', () => {
    expect(stripComments('Visible %%hidden%% text')).toBe('Visible  text');
    const input = 'Before\n%%\nsecret line\nanother\n%%\nAfter';
    const output = stripComments(input);
    expect(output).not.toContain('secret');
    expect(output.split('\n')).toHaveLength(input.split('\n').length);
    expect(output.split('\n').at(-1)).toBe('After');
  });

  it('leaves %% in code alone', () => {
    expect(stripComments('Use `%%x%%` here')).toBe('Use `%%x%%` here');
    const fenced = '```\n%% not a comment %%\n```\nText %%gone%%';
    expect(stripComments(fenced)).toBe('```\n%% not a comment %%\n```\nText ');
  });

  it('hides everything after an unclosed %%, as Obsidian does', () => {
    expect(stripComments('Shown\n%% never closed\nhidden')).toBe('Shown\n\n');
  });
});

describe('#tags', () => {
  it('finds Obsidian tags', () => {
    expect(findTags('Study #cold-war and #ussr/politics, not #1962 or a#b.').map((t) => t.tag)).toEqual([
      'cold-war',
      'ussr/politics',
    ]);
    expect(findTags('#start of text').map((t) => t.tag)).toEqual(['start']);
    expect(findTags('(#in-brackets)').map((t) => t.tag)).toEqual(['in-brackets']);
    expect(findTags('#déstalinisation #история').map((t) => t.tag)).toEqual(['déstalinisation', 'история']);
  });
});

describe('wikilinks', () => {
  it('parses every form, including the escaped pipe of Digital Garden exports', () => {
    expect(parseWikilink('[[Note]]')).toEqual({ target: 'Note' });
    expect(parseWikilink('[[Folder/Note|text]]')).toEqual({ target: 'Folder/Note', label: 'text' });
    expect(parseWikilink('[[Folder/Note\\|text]]')).toEqual({ target: 'Folder/Note', label: 'text' });
    expect(parseWikilink('[[Note#Heading]]')).toEqual({ target: 'Note', heading: 'Heading' });
    expect(parseWikilink('[[#Heading]]')).toEqual({ target: '', heading: 'Heading' });
    expect(parseWikilink('Note.md')).toEqual({ target: 'Note' });
  });

  it('resolves by name, path suffix and alias, and names ambiguity', () => {
    const notes = [
      { vaultPath: vaultPath('A/Politburo.md'), aliases: ['Presidium of the CC'] },
      { vaultPath: vaultPath('A/Note.md'), aliases: [] },
      { vaultPath: vaultPath('B/Note.md'), aliases: [] },
    ];
    const index = createNoteIndex(notes);
    expect(index.resolve('politburo')).toEqual({ kind: 'found', note: notes[0] });
    expect(index.resolve('Presidium of the CC')).toEqual({ kind: 'found', note: notes[0] });
    expect(index.resolve('B/Note')).toEqual({ kind: 'found', note: notes[2] });
    expect(index.resolve('Note')).toEqual({ kind: 'ambiguous', candidates: [notes[1], notes[2]] });
    expect(index.resolve('Politbureau')).toEqual({ kind: 'missing', suggestions: ['Politburo'] });
  });
});
