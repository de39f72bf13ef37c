import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingKey } from '../../src/lib/syntax/headings.ts';
import { createVaultLinks, type LinkTargetNote } from '../../src/lib/syntax/links.ts';
import { markdownHref, parseMarkdown } from '../../src/lib/syntax/parse.ts';
import { scanNote } from '../../src/lib/syntax/scan.ts';
import { listVaultFiles } from '../../src/lib/vault/files.ts';
import { findFirstMentions } from '../../src/lib/syntax/terms.ts';
import { siteUrl, vaultPath } from '../../src/lib/util/types.ts';
import { checkUrlLock, lockServedUrls, parseUrlLock } from '../../src/lib/site/url-lock.ts';

const note = (path: string, extra: Partial<LinkTargetNote> = {}): LinkTargetNote => ({
  vaultPath: vaultPath(path),
  aliases: [],
  state: 'published',
  url: siteUrl(`/${path.replace(/\.md$/, '').toLowerCase().replace(/ /g, '-')}/`),
  headingIds: new Map(),
  ...extra,
});

describe('resolving links written in a body', () => {
  const notes = [
    note('A/Alpha.md', { headingIds: new Map([[headingKey('Local Heading'), 'local-heading']]) }),
    note('A/Beta.md', { headingIds: new Map([[headingKey('Second Section'), 'second-section']]), aliases: ['The B'] }),
    note('A/Sub/Gamma.md'),
    note('A/Draft.md', { state: 'unpublished' }),
    note('A/Broken.md', { state: 'invalid' }),
    note('X/Same.md'),
    note('Y/Same.md'),
  ];
  const links = createVaultLinks(notes, ['A/img/Map.png', 'Other/Map.png', 'A/Map.png'], headingKey);
  const from = vaultPath('A/Alpha.md');
  const wiki = (target: string, heading?: string, embed = false) =>
    links.resolve(from, { target, ...(heading ? { heading } : {}), embed, syntax: 'wikilink' });

  it('finds notes by name, path and alias, with heading fragments', () => {
    expect(wiki('Beta')).toEqual({ kind: 'note', note: 'A/Beta.md', url: '/a/beta/' });
    expect(wiki('Sub/Gamma')).toMatchObject({ kind: 'note', note: 'A/Sub/Gamma.md' });
    expect(wiki('The B')).toMatchObject({ kind: 'note', note: 'A/Beta.md' });
    expect(wiki('Beta', 'second section')).toMatchObject({ fragment: 'second-section' });
    expect(wiki('', 'Local Heading')).toMatchObject({ note: 'A/Alpha.md', fragment: 'local-heading' });
  });

  it('says what is wrong with a dead link, with hints', () => {
    expect(wiki('Betta')).toEqual({
      kind: 'broken',
      message: 'links to a note "Betta" that does not exist; did you mean [[Beta]]?',
    });
    expect(wiki('Beta', 'Secnd Section')).toEqual({
      kind: 'broken',
      message: 'links to a heading "Secnd Section" that A/Beta.md does not have; did you mean #second-section?',
    });
    expect(wiki('Same')).toEqual({ kind: 'broken', message: 'could mean X/Same.md or Y/Same.md; write more of the path' });
  });

  it('reports unpublished and invalid targets apart from dead ones', () => {
    expect(wiki('Draft')).toEqual({ kind: 'unpublished', note: 'A/Draft.md' });
    expect(wiki('Broken')).toEqual({ kind: 'invalid' });
  });

  it('resolves Markdown links by path relative to the note, then to the vault', () => {
    expect(links.resolve(from, { target: 'Sub/Gamma.md', embed: false, syntax: 'markdown' })).toMatchObject({
      note: 'A/Sub/Gamma.md',
    });
    expect(links.resolve(vaultPath('A/Sub/Gamma.md'), { target: '../Beta.md', embed: false, syntax: 'markdown' })).toMatchObject({
      note: 'A/Beta.md',
    });
    expect(links.resolve(from, { target: 'A/Beta.md', embed: false, syntax: 'markdown' })).toMatchObject({ note: 'A/Beta.md' });
    expect(links.resolve(from, { target: 'Nope.md', embed: false, syntax: 'markdown' }).kind).toBe('broken');
  });

  it('finds attachments beside the note first, then the shortest path with that name', () => {
    expect(wiki('Map.png', undefined, true)).toEqual({ kind: 'attachment', path: 'A/Map.png' });
    expect(wiki('img/Map.png', undefined, true)).toEqual({ kind: 'attachment', path: 'A/img/Map.png' });
    expect(wiki('missing.png', undefined, true).kind).toBe('broken');
  });
});

describe('resolving Markdown images and links to files', () => {
  const links = createVaultLinks(
    [note('A/Alpha.md'), note('A/Sub/Gamma.md')],
    ['A/map.png', 'A/my map.png', 'Shared/img/deep.png', 'Other/img/deep.png', 'Elsewhere/Far/img/deep.png', 'paper.pdf'],
    headingKey,
  );
  const from = vaultPath('A/Sub/Gamma.md');
  const markdown = (target: string, embed = true) => links.resolve(from, { target, embed, syntax: 'markdown' });

  it('finds a file relative to the note, then from the vault root, then by the shortest path ending so', () => {
    expect(markdown('../map.png')).toEqual({ kind: 'attachment', path: 'A/map.png' });
    expect(markdown('./../my map.png')).toEqual({ kind: 'attachment', path: 'A/my map.png' });
    expect(markdown('A/map.png')).toEqual({ kind: 'attachment', path: 'A/map.png' });
    expect(markdown('paper.pdf', false)).toEqual({ kind: 'attachment', path: 'paper.pdf' });
    expect(markdown('deep.png')).toEqual({ kind: 'attachment', path: 'Other/img/deep.png' });
    expect(markdown('img/deep.png')).toEqual({ kind: 'attachment', path: 'Other/img/deep.png' });
    expect(markdown('Far/img/deep.png')).toEqual({ kind: 'attachment', path: 'Elsewhere/Far/img/deep.png' });
    expect(markdown('MAP.PNG')).toEqual({ kind: 'attachment', path: 'A/map.png' });
  });

  it('never leaves the vault, and names what it could not find', () => {
    expect(markdown('../../../outside/secret.png')).toEqual({
      kind: 'broken',
      message: 'embeds a file "../../../outside/secret.png" outside the vault',
    });
    // Climbing out and back in is still out: the path names no file of the vault.
    expect(markdown('../../../A/map.png').kind).toBe('broken');
    expect(markdown('../../outside.txt', false)).toEqual({
      kind: 'broken',
      message: 'links to a file "../../outside.txt" that is not in the vault',
    });
    expect(markdown('../../../x.pdf', false)).toEqual({
      kind: 'broken',
      message: 'links to a file "../../../x.pdf" outside the vault',
    });
    expect(markdown('missing.png')).toEqual({ kind: 'broken', message: 'embeds a file "missing.png" that is not in the vault' });
    // A path with `..` in it is a path: no search by name for what it ends with.
    expect(markdown('../nowhere/deep.png').kind).toBe('broken');
    expect(links.resolve(from, { target: '../../../Alpha.md', embed: false, syntax: 'markdown' })).toEqual({
      kind: 'broken',
      message: 'links to a file "../../../Alpha.md" outside the vault',
    });
  });

  it('reads what Markdown writes: %-escapes, <angle brackets>, titles, references; web images are no files', () => {
    expect(markdownHref('my%20map.png', 'image')).toEqual({ path: 'my map.png' });
    expect(markdownHref('paper.pdf#page=3', 'link')).toEqual({ path: 'paper.pdf', heading: 'page=3' });
    expect(markdownHref('bad%zzname.png', 'image')).toEqual({ path: 'bad%zzname.png' });
    for (const web of [
      'https://example.org/a.png',
      'http://x/a.png',
      'data:image/png;base64,AAAA',
      '/site/a.png',
      '#top',
      '//cdn/a.png',
    ])
      expect(markdownHref(web, 'image'), web).toBeUndefined();
    // A link without an extension is no file (`[x](other/)`); an image always is.
    expect(markdownHref('other/', 'link')).toBeUndefined();
    expect(markdownHref('photo', 'image')).toEqual({ path: 'photo' });
    const scanned = scanNote(
      [
        '![a](<my map.png> "A title") and ![b](my%20map.png \'t\') and [c](<../Paper File.pdf>)',
        '',
        '![d][ref] and [e][doc] and ![web](https://example.org/a.png)',
        '',
        '[ref]: ../../outside/secret.png "Ref"',
        '[doc]: paper.pdf',
      ].join('\n'),
    );
    expect(scanned.links.map(({ target, label, embed, line }) => ({ target, label, embed, line }))).toEqual([
      { target: 'my map.png', label: 'a', embed: true, line: 1 },
      { target: 'my map.png', label: 'b', embed: true, line: 1 },
      { target: '../Paper File.pdf', label: 'c', embed: false, line: 1 },
      { target: '../../outside/secret.png', label: 'd', embed: true, line: 3 },
      { target: 'paper.pdf', label: 'e', embed: false, line: 3 },
    ]);
    expect(scanned.links.every((link) => link.syntax === 'markdown')).toBe(true);
  });
});

describe('the files of a vault', () => {
  it('lists files inside it, never a symlink (to a file or a folder)', () => {
    const root = mkdtempSync(join(tmpdir(), 'garden-vault-files-'));
    try {
      mkdirSync(join(root, 'Notes'));
      mkdirSync(join(root, 'real'));
      writeFileSync(join(root, 'Notes/Note.md'), '');
      writeFileSync(join(root, 'Notes/map.png'), '');
      writeFileSync(join(root, 'real/inside.png'), '');
      symlinkSync(join(root, 'Notes/map.png'), join(root, 'Notes/linked.png'));
      symlinkSync(join(root, 'real'), join(root, 'linked-folder'));
      expect(listVaultFiles(root)).toEqual({ notes: ['Notes/Note.md'], attachments: ['Notes/map.png', 'real/inside.png'] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('scanning a note', () => {
  it('gives headings their page ids, never a reserved one', () => {
    const scanned = scanNote('## Key takeaways\n\n## Overview\n\n## Overview\n\n## 1962-10-24 Naval blockade of Cuba', [
      '1962-10-24-naval-blockade-of-cuba',
    ]);
    expect(scanned.headings.map((h) => h.id)).toEqual([
      'key-takeaways-1',
      'overview',
      'overview-1',
      '1962-10-24-naval-blockade-of-cuba-1',
    ]);
  });

  it('lists every written link with its line and sentence', () => {
    const scanned = scanNote(
      'Intro.\n\nFirst sentence. Then [[Beta|the B]] in the second. Third.\n\n![[Map.png|300]]\n\n[md](Sub/Gamma.md#Top)',
    );
    expect(scanned.links).toEqual([
      { target: 'Beta', label: 'the B', embed: false, syntax: 'wikilink', line: 3, context: 'Then the B in the second.' },
      { target: 'Map.png', label: '300', embed: true, syntax: 'wikilink', line: 5, context: '' },
      { target: 'Sub/Gamma.md', heading: 'Top', label: 'md', embed: false, syntax: 'markdown', line: 7, context: 'md' },
    ]);
  });
});

describe('first mentions of terms', () => {
  const terms = [
    { term: 'kgb', names: ['KGB', 'Committee for State Security'] },
    { term: 'thaw', names: ['The Thaw'] },
    { term: 'mad', names: ['Mutually Assured Destruction', 'MAD'] },
  ];
  const mentions = (markdown: string, skip: (term: string) => boolean = () => false) =>
    findFirstMentions(parseMarkdown(markdown), terms, skip).map((m) => [m.term, m.node.value.slice(m.start, m.end)]);

  it('links the first mention in prose only, by any of its names', () => {
    expect(
      mentions('## The Thaw\n\nThe KGB watched. The kgb again. During the thaw, the Committee for State Security grew.'),
    ).toEqual([
      ['kgb', 'KGB'],
      ['thaw', 'the thaw'],
    ]);
  });

  it('skips headings, links, code and quotations, and short capitals in the wrong case', () => {
    expect(
      mentions('> The KGB in a quote.\n\n`KGB` in code, [KGB](https://x.org) in a link, and a mad idea.\n\nThen the KGB.'),
    ).toEqual([['kgb', 'KGB']]);
  });

  it('leaves terms the note links to itself', () => {
    expect(mentions('The KGB and the Thaw.', (term) => term === 'kgb')).toEqual([['thaw', 'the Thaw']]);
  });
});

describe('the URL lock', () => {
  const urls = (...list: string[]) => list.map(siteUrl);
  const lock = { published: urls('/a/', '/b/', '/old/'), retired: [{ url: siteUrl('/gone/'), course: '/course/' }] };

  it('finds locked URLs nothing serves, revived retirements and new URLs', () => {
    expect(checkUrlLock(lock, { pages: urls('/a/', '/new/'), redirects: urls('/old/') })).toEqual({
      missing: ['/b/'],
      revived: [],
      unlocked: ['/new/'],
    });
    expect(checkUrlLock(lock, { pages: urls('/a/', '/b/', '/gone/'), redirects: urls('/old/') }).revived).toEqual(['/gone/']);
  });

  it('adds served URLs, sorted, keeping retirements', () => {
    expect(lockServedUrls(lock, { pages: urls('/c/', '/a/'), redirects: [] })).toEqual({
      published: ['/a/', '/b/', '/c/', '/old/'],
      retired: lock.retired,
    });
  });

  it('refuses a malformed lock file', () => {
    expect(parseUrlLock('{').ok).toBe(false);
    expect(parseUrlLock('{"published": ["a/b"]}').ok).toBe(false);
    expect(parseUrlLock('{"published": ["/a/b/"]}')).toEqual({ ok: true, lock: { published: ['/a/b/'], retired: [] } });
  });
});
