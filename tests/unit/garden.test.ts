/** The garden model (src/lib/site/garden.ts): courses, reading order, backlinks, tags, redirects. */
import { describe, expect, it } from 'vitest';
import { buildGarden, groupByKind } from '../../src/lib/site/garden.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

const note = (path: string, frontmatter = '', body = 'Body.') => ({
  path: vaultPath(path),
  text: `---\ndg-publish: true\n${frontmatter}\n---\n${body}\n`,
});

function gardenOf(...files: ReturnType<typeof note>[]) {
  const vault = loadVault(files);
  expect(formatProblems(vault.problems)).toBe('');
  const garden = buildGarden(vault.notes.map((entry) => entry.note));
  const at = (path: string) => garden.byVaultPath.get(vaultPath(path))!;
  return { garden, at };
}

const titles = (notes: readonly { title: string }[]) => notes.map((n) => n.title);

describe('courses', () => {
  const { garden, at } = gardenOf(
    note('History/History.md', 'type: course\ntitle: History\norder: ["[[Third]]"]'),
    note('History/Second.md', 'title: Second\ndg-pinned: true'),
    note('History/Part/Third.md', 'title: Third'),
    note('History/Part 10.md', 'title: Part 10'),
    note('History/Part 9.md', 'title: Part 9'),
    note('History/Hidden.md', 'title: Hidden\ndg-hide: true'),
    note('History/Sub/Sub.md', 'type: course\ntitle: Sub'),
    note('History/Sub/Inner.md', 'title: Inner'),
    note('Loose.md', 'title: Loose'),
  );

  it('hold the notes of their folder, a note joining the nearest course above it', () => {
    expect(titles(garden.courses.map((course) => course.note))).toEqual(['History', 'Sub']);
    expect(garden.courseOf(at('History/Sub/Inner.md'))?.note.title).toBe('Sub');
    expect(garden.courseOf(at('History/Part/Third.md'))?.note.title).toBe('History');
    // A course note belongs to the course above its own folder, and a note outside every course to none.
    expect(garden.courseOf(at('History/Sub/Sub.md'))?.note.title).toBe('History');
    expect(garden.courseOf(at('History/History.md'))).toBeUndefined();
    expect(garden.courseOf(at('Loose.md'))).toBeUndefined();
  });

  it('list the notes of `order` first, then the rest by title (numbers as numbers), without dg-hide notes', () => {
    const history = garden.courses.find((course) => course.note.title === 'History')!;
    expect(titles(history.notes)).toEqual(['Third', 'Part 9', 'Part 10', 'Second', 'Sub']);
    // A hidden note keeps its course (breadcrumbs) but is not listed.
    expect(garden.courseOf(at('History/Hidden.md'))?.note.title).toBe('History');
  });

  it('give each listed note its neighbours in reading order', () => {
    expect(garden.neighboursOf(at('History/Part/Third.md'))).toEqual({ next: at('History/Part 9.md') });
    expect(garden.neighboursOf(at('History/Part 9.md'))).toEqual({
      previous: at('History/Part/Third.md'),
      next: at('History/Part 10.md'),
    });
    expect(garden.neighboursOf(at('History/Hidden.md'))).toEqual({});
    expect(garden.neighboursOf(at('Loose.md'))).toEqual({});
  });

  it('are trees of their folders, pinned notes first', () => {
    const history = garden.courses.find((course) => course.note.title === 'History')!;
    const tree = garden.treeOf(history);
    expect(titles(tree.notes)).toEqual(['Second', 'Part 9', 'Part 10']);
    expect(tree.folders.map((folder) => [folder.name, titles(folder.notes)])).toEqual([
      ['Part', ['Third']],
      ['Sub', ['Sub']],
    ]);
    expect(garden.treeOf(history)).toBe(tree);
  });

  it('group their notes by kind, briefs first', () => {
    const { garden: kinds } = gardenOf(
      note('C/C.md', 'type: course'),
      note('C/T.md', 'type: term\ndefinition: D'),
      note('C/B.md', 'type: brief'),
      note('C/N.md'),
    );
    expect(groupByKind(kinds.courses[0]!.notes).map((group) => [group.type, titles(group.notes)])).toEqual([
      ['brief', ['B']],
      ['note', ['N']],
      ['term', ['T']],
    ]);
  });
});

describe('backlinks', () => {
  it('list each note that links here once, by title, with the sentence of its first link; never the note itself', () => {
    const { garden, at } = gardenOf(
      note('Target.md', '', 'See [[#Section]] here.\n\n## Section'),
      note('Zeta.md', '', 'Zeta cites [[Target]]. Again [[Target]].'),
      note('Alpha.md', '', 'First line.\n\nAlpha links [[Target|the target]] in passing.'),
      note('Other.md'),
    );
    expect(garden.backlinksOf(at('Target.md')).map((link) => [link.from.title, link.context])).toEqual([
      ['Alpha', 'Alpha links the target in passing.'],
      ['Zeta', 'Zeta cites Target.'],
    ]);
    expect(garden.backlinksOf(at('Other.md'))).toEqual([]);
  });
});

describe('tags, redirects and the home page', () => {
  const { garden, at } = gardenOf(
    note('Home.md', 'dg-home: true\ntags: [cold war]'),
    note('B.md', 'aliases: [/old/b/, /a/b/]\ntags: [cold-war, ussr]'),
    note('Hidden.md', 'dg-hide: true\ntags: [secret]'),
  );

  it('index the tags of listed notes, one name per tag page', () => {
    expect([...garden.tags].map(([name, notes]) => [name, titles(notes)])).toEqual([
      ['cold war', ['B', 'Home']],
      ['ussr', ['B']],
    ]);
  });

  it('serve old URLs as redirects, sorted, and know the home note', () => {
    expect(garden.redirects.map((redirect) => [redirect.from, redirect.to.title])).toEqual([
      ['/a/b/', 'B'],
      ['/old/b/', 'B'],
    ]);
    expect(garden.home).toBe(at('Home.md'));
    expect(garden.byUrl.get(at('B.md').url)).toBe(at('B.md'));
  });
});
