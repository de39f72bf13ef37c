/**
 * The limits of a note (src/lib/vault/limits.ts): each is a `file:line` problem found on the text before
 * any parser runs, every problem of the vault is still collected, and what the limits allow the
 * parsers and both Markdown processors really handle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNoteSource, splitNote } from '../../src/lib/note/frontmatter.ts';
import {
  MAX_HEADINGS,
  MAX_NESTING,
  MEGABYTE,
  bodyLimitProblems,
  failureMessage,
  frontmatterLimitProblems,
  sizeProblem,
} from '../../src/lib/vault/limits.ts';
import { scanNote } from '../../src/lib/syntax/scan.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { listVaultFiles } from '../../src/lib/vault/files.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { type VaultFile } from '../../src/lib/vault/read.ts';
import { resolveGardenOptions } from '../../src/config/options.ts';
import { PROJECT_ROOT } from '../helpers/build.ts';
import { createRenderer, loadRenderableFiles } from '../helpers/markdown-render.ts';

const note = (path: string, body: string, frontmatter = 'dg-publish: true'): VaultFile => ({
  path: vaultPath(path),
  text: `---\n${frontmatter}\n---\n${body}`,
});

/** A "billion laughs": nine anchors, each aliasing the one before nine times. */
const ALIAS_BOMB = [
  'dg-publish: true',
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`),
].join('\n');

const indentedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');

describe('note size', () => {
  it('is a problem at line 1 over the limit, saying the size, the limit and the option', () => {
    expect(sizeProblem(2 * MEGABYTE, 2 * MEGABYTE)).toBeUndefined();
    expect(sizeProblem(2.5 * MEGABYTE, 2 * MEGABYTE)).toEqual({
      line: 1,
      message: 'the note is 2.5 MB, more than the 2 MB a note may be (site option maxNoteSize); split it into smaller notes',
    });
  });

  it('is checked before the note is parsed: an oversized alias bomb is reported for its size alone', () => {
    const big = note('Big.md', 'x'.repeat(300), ALIAS_BOMB);
    const vault = loadVault([big], { maxNoteBytes: 200 });
    expect(vault.problems).toEqual([
      { file: 'Big.md', line: 1, message: expect.stringContaining('the note is 739 bytes, more than the 200 bytes') },
    ]);
  });

  it('takes the size on disk when the loader did not read the text', () => {
    const vault = loadVault([{ path: vaultPath('Huge.md'), text: '', size: 10 * MEGABYTE }]);
    expect(vault.problems).toEqual([
      {
        file: 'Huge.md',
        line: 1,
        message: 'the note is 10 MB, more than the 2 MB a note may be (site option maxNoteSize); split it into smaller notes',
      },
    ]);
  });

  it('is the site option maxNoteSize (MB, default 2), or GARDEN_MAX_NOTE_SIZE for one build', () => {
    expect(resolveGardenOptions({}, {}).maxNoteSize).toBe(2);
    expect(resolveGardenOptions({ maxNoteSize: 5 }, {}).maxNoteSize).toBe(5);
    expect(resolveGardenOptions({ maxNoteSize: 5 }, { GARDEN_MAX_NOTE_SIZE: '0.5' }).maxNoteSize).toBe(0.5);
    expect(() => resolveGardenOptions({}, { GARDEN_MAX_NOTE_SIZE: 'big' })).toThrow(/maxNoteSize/);
  });
});

describe('nesting', () => {
  const deepest = (body: string) => bodyLimitProblems(body, 1).find((problem) => problem.message.includes('nest'))?.line;
  const message = `quotes, callouts, lists, emphasis, brackets or HTML elements nest more than ${MAX_NESTING} levels deep here; nest less`;

  it.each([
    ['a blockquote', '> '.repeat(10_000) + 'x'],
    ['a blockquote without spaces', '>'.repeat(10_000) + ' x'],
    ['list markers', '- '.repeat(10_000) + 'x'],
    ['an indented list', indentedList(1000)],
    ['ordered lists', Array.from({ length: 1000 }, (_, level) => `${'   '.repeat(level)}1. x`).join('\n')],
    ['nested callouts', Array.from({ length: 200 }, (_, level) => `${'> '.repeat(level + 1)}[!note]`).join('\n')],
    ['brackets', '['.repeat(10_000) + 'x'],
    ['nested links', '[a '.repeat(10_000) + 'x' + '](u)'.repeat(10_000)],
    ['wikilink brackets', '[['.repeat(10_000) + 'x'],
    ['emphasis', '*'.repeat(10_000) + 'x' + '*'.repeat(10_000)],
    ['strong emphasis', '**a '.repeat(10_000) + 'x' + ' a**'.repeat(10_000)],
    ['strikethrough', '~~a '.repeat(10_000) + 'x'],
    ['highlights', '==a '.repeat(10_000) + 'x'],
    ['HTML elements', '<div>'.repeat(10_000)],
    ['inline HTML', 'x ' + '<span>'.repeat(10_000) + 'y'],
    ['HTML elements across paragraphs', '<div>\n\n'.repeat(10_000)],
    ['TeX braces', `$$\n${'{'.repeat(10_000)}x${'}'.repeat(10_000)}\n$$`],
  ])('of %s is a problem at the line where it passes the limit', (_, body) => {
    expect(deepest(body)).toBeDefined();
    expect(bodyLimitProblems(body, 1)[0]?.message).toBe(message);
  });

  it('is reported at the file line that passes the limit', () => {
    expect(bodyLimitProblems(`Intro\n\n${indentedList(200)}`, 10)).toEqual([{ line: 12 + MAX_NESTING, message }]);
    expect(deepest('> '.repeat(MAX_NESTING) + 'x')).toBeUndefined();
    expect(deepest('> '.repeat(MAX_NESTING + 1) + 'x')).toBe(1);
  });

  it('does not count code, closed elements, void elements or links written one after another', () => {
    const code = '```js\n' + `${' '.repeat(400)}[[[[[[{{{{ <div><div>\n`.repeat(20) + '```';
    const flat = `${'**bold** [[Note]] <b>b</b> <br> <p>para <img src="x.png"> *em* ==mark== '.repeat(500)}`;
    expect(deepest(code)).toBeUndefined();
    expect(deepest(flat)).toBeUndefined();
    expect(deepest(`<https://example.org> <a@b.org> ${'<p>text\n\n'.repeat(200)}`)).toBeUndefined();
  });

  it('leaves every note of the fixture vaults and the default site well below the limit', () => {
    const vaults = [...readdirSync(join(PROJECT_ROOT, 'tests/fixtures')).map((name) => `tests/fixtures/${name}`), 'content'];
    for (const vault of vaults) {
      const root = join(PROJECT_ROOT, vault);
      for (const path of listVaultFiles(root).notes) {
        const { body, bodyLine } = splitNote(readFileSync(join(root, path), 'utf8'));
        expect(bodyLimitProblems(body, bodyLine), `${vault}/${path}`).toEqual([]);
        expect(
          bodyLimitProblems(body.replace(/^/gm, '> '.repeat(MAX_NESTING - 20)), bodyLine),
          `${vault}/${path} in 30 quotes`,
        ).toEqual([]);
      }
    }
  });

  it('of the frontmatter is a problem before the YAML parser, which overflows its stack on deep flows', () => {
    const deep = `tags: ${'['.repeat(10_000)}a${']'.repeat(10_000)}`;
    expect(parseNoteSource(`---\n${deep}\n---\n`).problems[0]?.message).toMatch(/Maximum call stack/);
    expect(frontmatterLimitProblems(`dg-publish: true\n${deep}`, 2)).toEqual([
      { line: 3, message: `the frontmatter nests lists or maps more than ${MAX_NESTING} levels deep here; nest less` },
    ]);
    const quiz = 'quiz:\n  - q: Who?\n    choices: [a, "[[b]]", c]\n    answer: a\nrelated: ["[[Politburo]]"]';
    expect(frontmatterLimitProblems(quiz, 2)).toEqual([]);
    expect(loadVault([note('Deep.md', 'x', `dg-publish: true\n${deep}`)]).problems).toEqual([
      { file: 'Deep.md', line: 3, message: expect.stringContaining('nests lists or maps') },
    ]);
  });
});

describe('headings', () => {
  const headings = (count: number) => Array.from({ length: count }, (_, index) => `## Heading ${index}\n\ntext`).join('\n');

  it(`are at most ${MAX_HEADINGS}; the problem names the count and points at the first one too many`, () => {
    expect(bodyLimitProblems(headings(MAX_HEADINGS), 1)).toEqual([]);
    expect(bodyLimitProblems(headings(1500), 5)).toEqual([
      {
        line: 5 + 3 * MAX_HEADINGS,
        message: `the note has 1500 headings, more than the ${MAX_HEADINGS} a note may have (this is heading ${MAX_HEADINGS + 1}); split it into smaller notes`,
      },
    ]);
  });

  it('count underlined headings and headings in quotes and lists, not code or thematic breaks', () => {
    const body = `Title\n===\n\nSub\n---\n\n> # Quoted\n\n- ## Listed\n\n---\n\n\`\`\`\n${'# not a heading\n'.repeat(2000)}\`\`\``;
    const many = `${body}\n\n${headings(MAX_HEADINGS - 4)}`;
    expect(bodyLimitProblems(many, 1)).toEqual([]);
    expect(bodyLimitProblems(`${many}\n\n# One more`, 1)[0]?.message).toContain(`has ${MAX_HEADINGS + 1} headings`);
  });
});

describe('YAML aliases', () => {
  it('that expand too much are a problem at the first alias, not an exception', () => {
    expect(parseNoteSource(`---\n${ALIAS_BOMB}\n---\nBody`).problems).toEqual([
      {
        line: 4,
        message: "the frontmatter's YAML aliases (*name) repeat their anchors (&name) more than 100 times; write the values out",
      },
    ]);
  });

  it('used a few times still work', () => {
    expect(parseNoteSource('---\nbase: &b [ussr]\ntags: *b\n---\n').data).toEqual({ base: ['ussr'], tags: ['ussr'] });
  });
});

describe('a vault with notes over limits', () => {
  it('reports every note over a limit with its line, and the other problems of the vault, in one run', () => {
    const vault = loadVault([
      note('Bomb.md', 'x', ALIAS_BOMB),
      note('Quote.md', `Intro\n\n${'> '.repeat(10_000)}x`),
      note('List.md', indentedList(1000)),
      note('Headings.md', Array.from({ length: MAX_HEADINGS + 1 }, (_, index) => `# H${index}`).join('\n')),
      { path: vaultPath('Big.md'), text: '', size: 3 * MEGABYTE },
      note('Broken.md', 'See [[Nowhere]] and [[Quote]].'),
      // A private note's body is never parsed: only its size and frontmatter count.
      note('Private.md', indentedList(1000), 'dg-publish: false'),
    ]);
    expect(vault.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual([
      'Big.md:1',
      'Bomb.md:4',
      'Broken.md:4',
      `Headings.md:${4 + MAX_HEADINGS}`,
      `List.md:${4 + MAX_NESTING}`,
      'Quote.md:6',
    ]);
    expect(vault.problems.find((problem) => problem.file === 'Broken.md')?.message).toContain('[[Nowhere]]');
    expect(vault.notes.map(({ note }) => note.vaultPath)).toEqual(['Broken.md']);
  });
});

describe('failures the limits do not foresee', () => {
  it('are told in an author’s words, without the engine’s', () => {
    const overflow = new RangeError('Failed to parse Markdown file "/x/A.md":\nMaximum call stack size exceeded');
    expect(failureMessage(overflow)).not.toMatch(/Maximum call stack|A\.md/);
    expect(failureMessage(new Error('command error: plugin content nests deeper than 128 levels'))).toContain('nests too deeply');
    expect(failureMessage(new Error('Failed to parse Markdown file "/x/A.md":\nUnexpected character'))).toBe(
      'Unexpected character',
    );
  });
});

describe('what the limits allow', () => {
  const atLimit: Record<string, string> = {
    quotes: '> '.repeat(MAX_NESTING) + 'x',
    // `[!note]` is a bracket too.
    callouts: Array.from({ length: MAX_NESTING - 1 }, (_, level) => `${'> '.repeat(level + 1)}[!note] T`).join('\n'),
    'list markers': '- '.repeat(MAX_NESTING) + 'x',
    'an indented list': indentedList(MAX_NESTING),
    'quotes in lists': '- > '.repeat(MAX_NESTING / 2) + 'x',
    emphasis: '*'.repeat(MAX_NESTING) + 'x' + '*'.repeat(MAX_NESTING),
    'strong emphasis': '**a '.repeat(MAX_NESTING / 2) + 'x' + ' a**'.repeat(MAX_NESTING / 2),
    strikethrough: '~~a '.repeat(MAX_NESTING / 2) + 'x' + ' a~~'.repeat(MAX_NESTING / 2),
    links: '[a '.repeat(MAX_NESTING) + 'x' + '](u)'.repeat(MAX_NESTING),
    HTML: '<div>'.repeat(MAX_NESTING) + 'x',
    'emphasis in a deep list': indentedList(MAX_NESTING / 2) + ' ' + '*a '.repeat(MAX_NESTING / 2) + 'x',
  };

  it.each(Object.entries(atLimit))('%s as deep as allowed are scanned and rendered by both processors', async (_, body) => {
    expect(bodyLimitProblems(body, 1)).toEqual([]);
    expect(() => scanNote(body)).not.toThrow();
    const [renderable] = loadRenderableFiles(PROJECT_ROOT, [note('Deep.md', body)]);
    for (const processor of ['unified', 'satteri'] as const) {
      const renderer = await createRenderer(processor);
      await expect(
        renderer.render(renderable?.markdown ?? '', { fileURL: renderable?.fileURL as URL, frontmatter: {} }),
        processor,
      ).resolves.toBeDefined();
    }
  });
});
