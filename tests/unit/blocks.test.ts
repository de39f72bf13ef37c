/**
 * Block references as Obsidian's "Internal links" docs describe them: `^id` at the end of a paragraph
 * or list item, or on its own line after a quote, callout, list or table; links and embeds to them;
 * embeds that include their own note's parts without a cycle. And the plain text of quoted Markdown.
 */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { applyBlockIds } from '../../src/lib/syntax/blocks.ts';
import { markdownToText, plainText } from '../../src/lib/syntax/reader-text.ts';
import { parseMarkdown } from '../../src/lib/syntax/parse.ts';
import { scanNote } from '../../src/lib/syntax/scan.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

const blocksOf = (markdown: string, anchors = true) => {
  const tree = parseMarkdown(markdown);
  const blocks = applyBlockIds(tree, { anchors });
  return { tree, blocks };
};
const idOf = (node: unknown) => (node as { data?: { hProperties?: { id?: string } } }).data?.hProperties?.id;

describe('block ids', () => {
  it('names a paragraph by the marker at its end, and removes the marker', () => {
    const { tree, blocks } = blocksOf('First paragraph. ^first\n\nSecond.');
    expect([...blocks.keys()]).toEqual(['first']);
    expect(plainText(tree)).toBe('First paragraph.Second.');
    expect(idOf(tree.children[0])).toBe('^first');
  });

  it('names a list item by the marker on its line, not the whole list', () => {
    const { tree, blocks } = blocksOf('- one\n- two ^two\n- three');
    const list = tree.children[0] as Root['children'][number] & { children: unknown[] };
    expect(blocks.get('two')).toBe(list.children[1]);
    expect(idOf(list.children[1])).toBe('^two');
    expect(idOf(list)).toBeUndefined();
  });

  it('names a quote by the marker on its last line', () => {
    const { tree, blocks } = blocksOf('> line one\n> line two ^q');
    expect(blocks.get('q')).toBe(tree.children[0]);
  });

  it('names the block above a marker on its own line (quote, callout, list, table)', () => {
    for (const block of ['> [!note] Title\n> body', '> quoted', '- a\n- b', '| a | b |\n| - | - |\n| 1 | 2 |']) {
      const { tree, blocks } = blocksOf(`${block}\n\n^above\n\nAfter.`);
      expect(blocks.get('above'), block).toBe(tree.children[0]);
      expect(tree.children, block).toHaveLength(2);
    }
  });

  it('takes a marker line that a table swallowed as a row', () => {
    const { tree, blocks } = blocksOf('| a | b |\n| - | - |\n| 1 | 2 |\n^t');
    const table = tree.children[0] as { type: string; children: unknown[] };
    expect(blocks.get('t')).toBe(table);
    expect(table.children).toHaveLength(2);
  });

  it('leaves carets that are no markers alone', () => {
    const { tree, blocks } = blocksOf('x^2 and a ^ b and e^x, ^not-at-end here.');
    expect(blocks.size).toBe(0);
    expect(plainText(tree)).toBe('x^2 and a ^ b and e^x, ^not-at-end here.');
  });

  it('keeps the first of two blocks with one id, and sets no anchors when asked', () => {
    const { tree, blocks } = blocksOf('One ^same\n\nTwo ^same', false);
    expect(blocks.get('same')).toBe(tree.children[0]);
    expect(idOf(tree.children[0])).toBeUndefined();
    expect(plainText(tree)).toBe('OneTwo');
  });

  it('scans block ids with their lines, and keeps markers out of backlink sentences', () => {
    const scan = scanNote('Intro.\n\nSee [[Other]] here. ^b1\n\n- item ^b2\n');
    expect(scan.blocks).toEqual(['b1', 'b2']);
    expect(scan.regions).toEqual([
      { id: '^b1', start: 3, end: 3 },
      { id: '^b2', start: 5, end: 5 },
    ]);
    expect(scan.links[0]?.context).toBe('See Other here.');
  });
});

const published = (body: string, extra = '') => `---\ndg-publish: true\n${extra}---\n${body}`;
const vaultOf = (files: Record<string, string>) =>
  loadVault(Object.entries(files).map(([path, text]) => ({ path: vaultPath(path), text })));

describe('links and embeds to blocks', () => {
  it('resolves [[Note#^id]] to the block’s anchor', () => {
    const vault = vaultOf({ 'A.md': published('Para ^p1\n'), 'B.md': published('See [[A#^p1]].\n') });
    expect(vault.problems).toEqual([]);
    expect(vault.notes.find((n) => n.note.vaultPath === 'B.md')?.note.links).toMatchObject([{ target: 'A.md', fragment: '^p1' }]);
  });

  it('reports a dead block reference with file, line and the nearest ids', () => {
    const vault = vaultOf({ 'A.md': published('Para ^para-one\n'), 'B.md': published('Intro\n\n![[A#^para-on]]\n') });
    expect(formatProblems(vault.problems)).toBe(
      'B.md:6: ![[A#^para-on]] links to a block "^para-on" that A.md does not have; did you mean #^para-one?',
    );
  });

  it('lets a note embed its own sections and blocks, and a section of a note that embeds it back', () => {
    const vault = vaultOf({
      'A.md': published('Para ^p\n\n![[#^p]]\n\n![[#Other]]\n\n## Other\n\nText.\n\n## Uses B\n\n![[B]]\n'),
      'B.md': published('![[A#Other]]\n'),
    });
    expect(vault.problems).toEqual([]);
  });

  it('refuses an embed that includes itself, at the line of that embed', () => {
    const vault = vaultOf({
      'A.md': published('Intro\n\n## Loop\n\nText\n\n![[#Loop]]\n'),
      'B.md': published('![[C]]\n'),
      'C.md': published('Line\n\n![[B]]\n'),
    });
    expect(formatProblems(vault.problems)).toBe(
      ['A.md:10: embeds form a cycle: A.md#loop → A.md#loop', 'C.md:6: embeds form a cycle: B.md → C.md → B.md'].join('\n'),
    );
  });

  it('finds a cycle through a section that embeds a note that embeds the section', () => {
    const vault = vaultOf({
      'A.md': published('## Part\n\n![[B]]\n\n## Rest\n'),
      'B.md': published('![[A#Part]]\n'),
    });
    expect(formatProblems(vault.problems)).toBe('A.md:6: embeds form a cycle: B.md → A.md#part → B.md');
  });
});

describe('plain text of quoted Markdown', () => {
  it.each([
    ['The [[Politburo]] met under **Khrushchev**.', 'The Politburo met under Khrushchev.'],
    ['A [[Folder/Note|label]] and `code` and ==marked== text.', 'A label and code and marked text.'],
    ['With %%a comment%% and a block id. ^id', 'With and a block id.'],
    ['1962. The year of [[Cuba]].', '1962. The year of Cuba.'],
    ['- not a list, just [text](https://example.org)', '- not a list, just text'],
    ['Plain words, as they are.', 'Plain words, as they are.'],
    ['Two\nlines  of text', 'Two lines of text'],
  ])('reads %j as %j', (markdown, text) => {
    expect(markdownToText(markdown)).toBe(text);
  });

  it('keeps callout markers and highlights out of backlink sentences', () => {
    const scan = scanNote('> [!note] Title\n> Read [[Other]] ==now==.\n');
    expect(scan.links[0]?.context).toBe('Title Read Other now.');
  });
});
