/** Notes, sections and blocks shown in place (src/lib/render/embeds.ts), as mdast for both Markdown adapters. */
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { createUniqueId, embedReplacement, expandEmbeds, pageTrail } from '../../src/lib/render/embeds.ts';
import type { LinkContext } from '../../src/lib/render/link-render.ts';
import { parseMarkdown } from '../../src/lib/syntax/parse.ts';
import { plainText } from '../../src/lib/syntax/reader-text.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { draft, linkContextOf, note } from '../helpers/vault.ts';

const SOURCE = [
  'Intro text.',
  '',
  '## First',
  '',
  'First text.',
  '',
  '### Inside first',
  '',
  'Deeper text.',
  '',
  '## Second',
  '',
  'Second text. ^second-block',
  '',
  '- one',
  '- two ^item',
].join('\n');

const context = linkContextOf([
  note('Page.md'),
  note('Source.md', 'title: The Source', SOURCE),
  note('Chain/One.md', 'title: One', 'One text.\n\n![[Two]]'),
  note('Chain/Two.md', 'title: Two', 'Two text.\n\n![[Three]]'),
  note('Chain/Three.md', 'title: Three', 'Three text.\n\n![[Four]]'),
  note('Chain/Four.md', 'title: Four', 'Four text.\n\n![[Five]]'),
  note('Chain/Five.md', 'title: Five', 'Five text.'),
  draft('Draft.md'),
]);

interface Embed {
  type: 'gardenEmbed';
  data: { hName: string; hProperties: { className: string[] } };
  children: RootContent[];
}

/** The body of Page.md after its embeds are expanded. */
function expand(markdown: string, ctx: LinkContext = context): RootContent[] {
  const tree = parseMarkdown(markdown);
  const page = vaultPath('Page.md');
  expandEmbeds(tree, ctx, page, pageTrail(page), createUniqueId());
  return tree.children;
}

/** An embed's source line (its title and link) and the text of what it shows. */
function shown(node: RootContent | undefined): { source: string; href: string; text: string[] } {
  const embed = node as unknown as Embed;
  expect(embed.type).toBe('gardenEmbed');
  expect(embed.data.hProperties.className).toEqual(['embed']);
  const [source, ...content] = embed.children;
  const link = (source as { children: { url: string }[] }).children[0]!;
  return { source: plainText(source), href: link.url, text: content.map((child) => plainText(child)) };
}

describe('an embed on a line of its own', () => {
  it('shows the whole note, under its title and a link to its page', () => {
    const [embed] = expand('![[Source]]');
    const { source, href, text } = shown(embed);
    expect([source, href]).toEqual(['The Source', '/source/']);
    expect(text).toEqual([
      'Intro text.',
      'First',
      'First text.',
      'Inside first',
      'Deeper text.',
      'Second',
      'Second text.',
      'onetwo',
    ]);
  });

  it('shows a section: its heading to the next heading of the same level, under "note › heading"', () => {
    const { source, href, text } = shown(expand('![[Source#First]]')[0]);
    expect([source, href]).toEqual(['The Source › First', '/source/#first']);
    expect(text).toEqual(['First', 'First text.', 'Inside first', 'Deeper text.']);
  });

  it('gives the headings it shows ids of their own, unique on the page', () => {
    const ids = expand('![[Source#Second]]\n\n![[Source#Second]]').map((embed) =>
      (embed as unknown as Embed).children
        .filter((child) => child.type === 'heading')
        .map((heading) => (heading.data as { hProperties: { id: string } }).hProperties.id),
    );
    expect(ids).toEqual([['embed-the-source-second'], ['embed-the-source-second-1']]);
  });

  it('shows a block alone, without its marker; a list item inside its list', () => {
    const paragraph = shown(expand('![[Source#^second-block]]')[0]);
    expect([paragraph.source, paragraph.href, paragraph.text]).toEqual([
      'The Source',
      '/source/#^second-block',
      ['Second text.'],
    ]);
    const item = (expand('![[Source#^item]]')[0] as unknown as Embed).children[1];
    expect(item?.type).toBe('list');
    expect(plainText(item)).toBe('two');
  });

  it('shows nothing of an unpublished or missing note', () => {
    expect(expand('Before.\n\n![[Draft]]\n\n![[Nowhere]]\n\nAfter.').map((child) => plainText(child))).toEqual([
      'Before.',
      'After.',
    ]);
  });

  it('expands embeds inside embeds three levels deep; deeper ones stay a link', () => {
    const one = shown(expand('![[One]]')[0]);
    expect(one.text[0]).toBe('One text.');
    const [, , twoNode] = (expand('![[One]]')[0] as unknown as Embed).children;
    const [, , threeNode] = (twoNode as unknown as Embed).children;
    expect(shown(threeNode).text[0]).toBe('Three text.');
    const [, , fourNode] = (threeNode as unknown as Embed).children;
    // The fourth level is the embed as written, which the link adapters show as a link.
    expect(fourNode?.type).toBe('paragraph');
    expect((fourNode as { children: { type: string }[] }).children[0]?.type).toBe('embed');
  });
});

describe('embedReplacement', () => {
  const first = (markdown: string) => parseMarkdown(markdown).children[0] as RootContent;
  const page = vaultPath('Page.md');

  it('is undefined for a block that is no sole embed of a note: text around it, an image', () => {
    expect(embedReplacement(first('See ![[Source]] here.'), context, page, pageTrail(page), createUniqueId())).toBeUndefined();
    expect(embedReplacement(first('![[map.png]]'), context, page, pageTrail(page), createUniqueId())).toBeUndefined();
  });

  it('leaves an embed of a part already being shown as it is (a cycle)', () => {
    const node = first('![[Source]]');
    expect(embedReplacement(node, context, page, ['Page.md', 'Source.md'], createUniqueId())).toEqual([node]);
  });
});

describe('createUniqueId', () => {
  it('numbers repeats: x, x-1, x-2', () => {
    const unique = createUniqueId();
    expect(['x', 'x', 'y', 'x'].map(unique)).toEqual(['x', 'x-1', 'y', 'x-2']);
  });
});
