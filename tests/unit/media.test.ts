/** Embedded video, audio and PDF files (src/lib/render/media.ts): URLs, Obsidian's fragments, players. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { attachmentKind, mediaElement, mediaEmbedLink, mediaPath, mediaUrl } from '../../src/lib/render/media.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { vaultPath } from '../../src/lib/util/types.ts';

const link = (href: string, text: string, className = ['media-embed']): Element => ({
  type: 'element',
  tagName: 'a',
  properties: { href, className },
  children: [{ type: 'text', value: text }],
});
const html = (node: Element | undefined) => (node ? toHtml(node) : undefined);

describe('media', () => {
  it('knows a file by its extension', () => {
    expect(['a.MP4', 'a.webm', 'a.mov', 'a.ogv'].map(attachmentKind)).toEqual(['video', 'video', 'video', 'video']);
    expect(['a.ogg', 'a.mp3', 'a.wav', 'a.m4a', 'a.flac'].map(attachmentKind)).toEqual(Array(5).fill('audio'));
    expect(['a.pdf', 'a.svg', 'a.png', 'a.txt'].map(attachmentKind)).toEqual(['pdf', 'image', 'image', 'file']);
  });

  it('serves a vault file at its path, and reads back only paths inside the vault', () => {
    expect(mediaUrl('Course/Lecture 1/clip #1.mp4')).toBe('/_media/Course/Lecture%201/clip%20%231.mp4');
    expect(mediaPath('/_media/Course/Lecture%201/clip%20%231.mp4#t=3')).toBe('Course/Lecture 1/clip #1.mp4');
    for (const url of [
      '/_media/../secret.pdf',
      '/_media/a/%2E%2E/b.pdf',
      '/_media//a.pdf',
      '/other/a.pdf',
      '/_media/%E0%A4%A.pdf',
    ]) {
      expect(mediaPath(url), url).toBeUndefined();
    }
  });

  it('keeps the fragments Obsidian knows and ignores the rest', () => {
    expect(mediaEmbedLink('a/paper.pdf', 'page=3', undefined)).toEqual({
      url: '/_media/a/paper.pdf#page=3',
      label: 'paper.pdf',
      className: ['media-embed'],
    });
    expect(mediaEmbedLink('paper.pdf', 'height=400', 'The paper').url).toBe('/_media/paper.pdf#height=400');
    expect(mediaEmbedLink('paper.pdf', 'right', undefined).url).toBe('/_media/paper.pdf');
    expect(mediaEmbedLink('clip.mp4', 't=10', undefined).url).toBe('/_media/clip.mp4#t=10');
    expect(mediaEmbedLink('clip.mp4', 'page=3', undefined).url).toBe('/_media/clip.mp4');
  });

  it('makes players and viewers with names and a download link', () => {
    expect(html(mediaElement(link('/_media/clip.mp4', 'Lecture')))).toBe(
      '<span class="media media-video"><video src="/_media/clip.mp4" controls preload="metadata" aria-label="Lecture">' +
        '<a href="/_media/clip.mp4" class="media-download">Download Lecture</a></video></span>',
    );
    expect(html(mediaElement(link('/_media/s.ogg', 's.ogg')))).toContain('<audio src="/_media/s.ogg" controls');
    expect(html(mediaElement(link('/_media/p.pdf#page=3&height=300', 'p.pdf')))).toBe(
      '<span class="media media-pdf"><iframe src="/_media/p.pdf#page=3" title="p.pdf" height="300" loading="lazy"></iframe>' +
        '<a href="/_media/p.pdf" class="media-download">Download p.pdf</a></span>',
    );
  });

  it('leaves every other link alone', () => {
    expect(mediaElement(link('/_media/clip.mp4', 'x', ['internal-link']))).toBeUndefined();
    expect(mediaElement(link('https://example.org/clip.mp4', 'x'))).toBeUndefined();
    expect(mediaElement(link('javascript:alert(1)', 'x'))).toBeUndefined();
    expect(mediaElement(link('/_media/../clip.mp4', 'x'))).toBeUndefined();
    expect(mediaElement(link('/_media/notes.txt', 'x'))).toBeUndefined();
  });

  it('publishes the files published notes use, and no other', () => {
    const vault = loadVault(
      [
        {
          path: vaultPath('A.md'),
          text: '---\ndg-publish: true\n---\n![[clip.mp4]] ![[map.png]] [[paper.pdf]] ![[icon.svg]]\n',
        },
        { path: vaultPath('Private.md'), text: '---\ndg-publish: false\n---\n![[secret.mp4]]\n' },
      ],
      { attachments: ['media/clip.mp4', 'map.png', 'paper.pdf', 'icon.svg', 'secret.mp4', 'unused.ogg'] },
    );
    expect(vault.problems).toEqual([]);
    expect(vault.media).toEqual(['media/clip.mp4', 'paper.pdf']);
  });
});
