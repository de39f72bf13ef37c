/** Obsidian links as a reader follows them (src/lib/render/link-render.ts): the mdast node each link becomes. */
import { describe, expect, it } from 'vitest';
import {
  markdownImageReplacement,
  markdownLinkTarget,
  wikilinkReplacement,
  type WikilinkNode,
} from '../../src/lib/render/link-render.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { draft, linkContextOf, note } from '../helpers/vault.ts';

const context = linkContextOf(
  [
    note('Notes/Page.md', 'title: Page', '## Local\n\nText.'),
    note('Notes/Beta.md', 'title: Beta\ndescription: The second note.', '## Second Section\n\nText. ^blk'),
    note('Glossary/KGB.md', 'type: term\ndefinition: The Soviet security agency.\naliases: [Committee for State Security]'),
    draft('Notes/Draft.md'),
  ],
  { attachments: ['Notes/img/map.png', 'Docs/paper.pdf'] },
);
const page = vaultPath('Notes/Page.md');
const link = (value: string, alias?: string): WikilinkNode => ({
  type: 'wikiLink',
  value,
  ...(alias ? { data: { alias } } : {}),
});
const embed = (value: string, alias?: string): WikilinkNode => ({ type: 'embed', value, ...(alias ? { data: { alias } } : {}) });
const render = (node: WikilinkNode) => wikilinkReplacement(node, page, context);

describe('a wikilink', () => {
  it('to a note is a link to its page, with its preview as data attributes', () => {
    expect(render(link('Beta'))).toEqual({
      type: 'link',
      url: '/notes/beta/',
      children: [{ type: 'text', value: 'Beta' }],
      data: {
        hProperties: {
          className: ['internal-link'],
          dataPreviewTitle: 'Beta',
          dataPreviewKind: 'note',
          dataPreviewText: 'The second note.',
        },
      },
    });
  });

  it('shows the text written, else "note › heading"; a term previews its definition', () => {
    expect(render(link('Beta', 'the second'))).toMatchObject({ url: '/notes/beta/', children: [{ value: 'the second' }] });
    expect(render(link('Beta#Second Section'))).toMatchObject({
      url: '/notes/beta/#second-section',
      children: [{ value: 'Beta › Second Section' }],
    });
    expect(render(link('#Local'))).toMatchObject({ url: '/notes/page/#local', children: [{ value: 'Local' }] });
    expect(render(link('Committee for State Security'))).toMatchObject({
      url: '/glossary/kgb/',
      children: [{ value: 'Committee for State Security' }],
      data: { hProperties: { dataPreviewKind: 'term', dataPreviewText: 'The Soviet security agency.' } },
    });
  });

  it('to a block shows the note, not the block id', () => {
    expect(render(link('Beta#^blk'))).toMatchObject({ url: '/notes/beta/#^blk', children: [{ value: 'Beta' }] });
  });

  it('to an unpublished or missing note is its text alone, and nothing of the target', () => {
    expect(render(link('Draft'))).toEqual({ type: 'text', value: 'Draft' });
    expect(render(link('Draft', 'the plan'))).toEqual({ type: 'text', value: 'the plan' });
    expect(render(link('Nowhere#There'))).toEqual({ type: 'text', value: 'Nowhere › There' });
    expect(render(embed('Draft'))).toEqual({ type: 'text', value: '' });
  });

  it('to a file links to its media URL; embedded, an image is a relative image for Astro, sized by |300', () => {
    expect(render(link('paper.pdf'))).toEqual({
      type: 'link',
      url: '/_media/Docs/paper.pdf',
      children: [{ type: 'text', value: 'paper.pdf' }],
      data: { hProperties: {} },
    });
    expect(render(embed('paper.pdf#page=3'))).toMatchObject({
      url: '/_media/Docs/paper.pdf#page=3',
      data: { hProperties: { className: ['media-embed'] } },
    });
    expect(render(embed('map.png', '300'))).toEqual({
      type: 'image',
      url: './img/map.png',
      alt: 'map',
      data: { hProperties: { width: 300 } },
    });
    // From another folder the image's URL climbs to it.
    expect(wikilinkReplacement(embed('map.png', 'The map'), vaultPath('Glossary/KGB.md'), context)).toMatchObject({
      url: '../Notes/img/map.png',
      alt: 'The map',
    });
  });

  it('embedding a note that was not expanded in place is a link titled by the note', () => {
    expect(render(embed('Glossary/KGB'))).toMatchObject({ type: 'link', url: '/glossary/kgb/', children: [{ value: 'KGB' }] });
  });
});

describe('a Markdown link or image', () => {
  it('to a note or a file of the vault gets its URL; to a web address or a site path is left alone', () => {
    expect(markdownLinkTarget('Beta.md#Second%20Section', page, context)).toMatchObject({
      url: '/notes/beta/#second-section',
      hProperties: { className: ['internal-link'] },
    });
    expect(markdownLinkTarget('../Docs/paper.pdf', page, context)).toEqual({ url: '/_media/Docs/paper.pdf', hProperties: {} });
    expect(markdownLinkTarget('https://example.org/', page, context)).toBeUndefined();
    expect(markdownLinkTarget('/tags/', page, context)).toBeUndefined();
    expect(markdownLinkTarget('Missing.md', page, context)).toBe('text');
    expect(markdownLinkTarget('Draft.md', page, context)).toBe('text');
  });

  it('image: of the vault for Astro, of a note a link, of nothing its alt text, of the web as written', () => {
    expect(markdownImageReplacement({ url: 'img/map.png', alt: 'A map', title: 'The map' }, page, context)).toEqual({
      type: 'image',
      url: './img/map.png',
      alt: 'A map',
      title: 'The map',
      data: { hProperties: {} },
    });
    expect(markdownImageReplacement({ url: 'Beta.md', alt: '' }, page, context)).toMatchObject({
      type: 'link',
      url: '/notes/beta/',
      children: [{ value: 'Beta' }],
    });
    expect(markdownImageReplacement({ url: 'gone.png', alt: 'Gone' }, page, context)).toEqual({ type: 'text', value: 'Gone' });
    expect(markdownImageReplacement({ url: 'https://example.org/a.png', alt: 'Web' }, page, context)).toBeUndefined();
  });
});
