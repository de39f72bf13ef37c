import { describe, expect, it } from 'vitest';
import { vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { isNotePath } from '../../src/lib/vault/files.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';

const file = (path: string, text: string) => ({ path: vaultPath(path), text });
const published = (extra = '') => `---\ndg-publish: true\n${extra}\n---\nBody`;

describe('loadVault', () => {
  it('applies the publish filter: only published notes come out', () => {
    const vault = loadVault([
      file('A.md', published()),
      file('Draft.md', '---\ntitle: Draft\n---\nSecret'),
      file('Off.md', '---\ndg-publish: false\n---\n'),
    ]);
    expect(vault.problems).toEqual([]);
    expect(vault.notes.map((n) => n.note.vaultPath)).toEqual(['A.md']);
  });

  it('collects every problem of the vault in one run, sorted by file', () => {
    const vault = loadVault([
      file('b.md', '---\ndg-publish: "true"\n---\n'),
      file('a.md', '---\ntitle: [unclosed\n---\n'),
      file('c.md', published('type: breif')),
      file('ok.md', published()),
    ]);
    expect(vault.problems.map((p) => p.file)).toEqual(['a.md', 'b.md', 'c.md']);
    expect(formatProblems(vault.problems)).toMatch(/^a\.md:2: malformed frontmatter/m);
    expect(formatProblems(vault.problems)).toMatch(/^b\.md:2: dg-publish must be the boolean/m);
  });

  it('refuses two notes with one URL, also when they differ only in letter case', () => {
    const vault = loadVault([
      file('One.md', published('permalink: /same/')),
      file('Two.md', published('permalink: /same/')),
      file('Three.md', published('permalink: /Case/')),
      file('Four.md', published('permalink: /case/')),
    ]);
    const text = formatProblems(vault.problems);
    expect(text).toContain('Two.md:3: its URL /same/ is also the URL of One.md');
    expect(text).toContain('Four.md:3: its URL /case/ is also the URL of Three.md (/Case/, differing only in letter case)');
  });

  it('resolves frontmatter links, leaving out unpublished targets with a warning', () => {
    const vault = loadVault([
      file('Course/Course.md', published('type: course\norder: ["[[Second]]", "[[First|the first]]", "[[Draft]]"]')),
      file('Course/First.md', published()),
      file('Course/Sub/Second.md', published()),
      file('Course/Draft.md', '---\ndg-publish: false\n---\n'),
    ]);
    expect(vault.problems).toEqual([]);
    const course = vault.notes.find((n) => n.note.type === 'course')?.note;
    expect(course?.type === 'course' && course.order).toEqual(['Course/Sub/Second.md', 'Course/First.md']);
    expect(vault.warnings[0]?.message).toContain('[[Draft]] links to Course/Draft.md, which is not published');
  });

  it('reports a frontmatter link to a missing note with a hint and its line', () => {
    const vault = loadVault([
      file('T.md', published('type: term\ndefinition: D\nrelated: ["[[Politbureau]]"]')),
      file('Politburo.md', published()),
    ]);
    expect(formatProblems(vault.problems)).toBe(
      'T.md:5: [[Politbureau]] links to a note that does not exist; did you mean [[Politburo]]?',
    );
  });

  it('adds no second problem for a link to a note that is itself invalid', () => {
    const vault = loadVault([
      file('T.md', published('type: term\ndefinition: D\nrelated: ["[[KGB]]"]')),
      file('KGB.md', '---\ndg-publish: "true"\n---\n'),
    ]);
    expect(vault.problems.map((p) => p.file)).toEqual(['KGB.md']);
  });
});

describe('vault files', () => {
  it('ignores .obsidian, dotfiles and node_modules, and non-notes', () => {
    expect(isNotePath('Course/Note.md')).toBe(true);
    expect(isNotePath('Course/Note.MDX')).toBe(true);
    expect(isNotePath('.obsidian/templates/T.md')).toBe(false);
    expect(isNotePath('Course/.hidden.md')).toBe(false);
    expect(isNotePath('node_modules/x/README.md')).toBe(false);
    expect(isNotePath('Course/image.png')).toBe(false);
  });
});

describe('an embed cycle', () => {
  it('is reported at the line of the note embed, also after image and Markdown image embeds on earlier lines', () => {
    const vault = loadVault(
      [
        file('A.md', '---\ndg-publish: true\n---\n![[B]]\n'),
        file(
          'B.md',
          ['---', 'dg-publish: true', '---', '![[map.png]]', '', '![a map](map.png)', '', 'See [[A]].', '', '![[A]]', ''].join(
            '\n',
          ),
        ),
      ],
      { attachments: [vaultPath('map.png')] },
    );
    expect(formatProblems(vault.problems)).toBe('B.md:10: embeds form a cycle: A.md → B.md → A.md');
  });
});
