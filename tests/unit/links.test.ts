import { describe, expect, it } from 'vitest';
import { headingKey } from '../../src/lib/headings.ts';
import { createVaultLinks, type LinkTargetNote } from '../../src/lib/links.ts';
import { parseMarkdown, scanNote } from '../../src/lib/scan.ts';
import { findFirstMentions } from '../../src/lib/terms.ts';
import { asVaultPath } from '../../src/lib/types.ts';
import { checkUrlLock, lockServedUrls, parseUrlLock } from '../../src/lib/url-lock.ts';

const note = (path: string, extra: Partial<LinkTargetNote> = {}): LinkTargetNote => ({
  vaultPath: asVaultPath(path),
  aliases: [],
  state: 'published',
  url: `/${path.replace(/\.md$/, '').toLowerCase().replace(/ /g, '-')}/`,
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
  const from = asVaultPath('A/Alpha.md');
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
    expect(
      links.resolve(asVaultPath('A/Sub/Gamma.md'), { target: '../Beta.md', embed: false, syntax: 'markdown' }),
    ).toMatchObject({ note: 'A/Beta.md' });
    expect(links.resolve(from, { target: 'A/Beta.md', embed: false, syntax: 'markdown' })).toMatchObject({ note: 'A/Beta.md' });
    expect(links.resolve(from, { target: 'Nope.md', embed: false, syntax: 'markdown' }).kind).toBe('broken');
  });

  it('finds attachments beside the note first, then the shortest path with that name', () => {
    expect(wiki('Map.png', undefined, true)).toEqual({ kind: 'attachment', path: 'A/Map.png' });
    expect(wiki('img/Map.png', undefined, true)).toEqual({ kind: 'attachment', path: 'A/img/Map.png' });
    expect(wiki('missing.png', undefined, true).kind).toBe('broken');
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
  const lock = { published: ['/a/', '/b/', '/old/'], retired: [{ url: '/gone/', course: '/course/' }] };

  it('finds locked URLs nothing serves, revived retirements and new URLs', () => {
    expect(checkUrlLock(lock, { pages: ['/a/', '/new/'] as never, redirects: ['/old/'] as never })).toEqual({
      missing: ['/b/'],
      revived: [],
      unlocked: ['/new/'],
    });
    expect(checkUrlLock(lock, { pages: ['/a/', '/b/', '/gone/'] as never, redirects: ['/old/'] as never }).revived).toEqual([
      '/gone/',
    ]);
  });

  it('adds served URLs, sorted, keeping retirements', () => {
    expect(lockServedUrls(lock, { pages: ['/c/', '/a/'] as never, redirects: [] })).toEqual({
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
