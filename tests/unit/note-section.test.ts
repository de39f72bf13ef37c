import { describe, expect, it } from 'vitest';
import { sectionHtml } from '../../src/lib/render/note-section.ts';

describe('sectionHtml', () => {
  const body =
    '<p>Intro</p><h2 id="a">A</h2><p>One <img src="x.png" alt="x"><br></p><h3 id="a-1">A.1</h3><p>Two</p>' +
    '<h2 id="b">B &#x26; C</h2><pre><code>&lt;h2 id="a"&gt;</code></pre><!-- <h2 id="c"> --><p title="a>b">Three</p>';

  it('cuts a section from its heading to the next ## heading, keeping its ### headings', () => {
    expect(sectionHtml(body, 'a')).toBe(
      '<h2 id="a">A</h2><p>One <img src="x.png" alt="x"><br></p><h3 id="a-1">A.1</h3><p>Two</p>',
    );
  });

  it('runs the last section to the end, past comments, escaped text and a > in an attribute', () => {
    expect(sectionHtml(body, 'b')).toBe(
      '<h2 id="b">B &#x26; C</h2><pre><code>&lt;h2 id="a"&gt;</code></pre><!-- <h2 id="c"> --><p title="a>b">Three</p>',
    );
  });

  it('ends a heading inside a block (a callout) with its block', () => {
    const callout = '<blockquote><h2 id="q">Q</h2><p>In</p></blockquote><p>Out</p>';
    expect(sectionHtml(callout, 'q')).toBe('<h2 id="q">Q</h2><p>In</p>');
  });

  it('keeps Astro image placeholders as written, upper case and all', () => {
    const withImage = '<h2 id="i">I</h2><p><img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./a.png&#x22;}"></p><h2 id="j">J</h2>';
    expect(sectionHtml(withImage, 'i')).toBe(
      '<h2 id="i">I</h2><p><img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./a.png&#x22;}"></p>',
    );
  });

  it('finds no section for an id no ## heading has', () => {
    expect(sectionHtml(body, 'a-1')).toBeUndefined();
    expect(sectionHtml(body, 'c')).toBeUndefined();
  });
});

describe('sectionHtml and footnotes', () => {
  const note =
    '<h2 id="a">A</h2><p>One<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup></p>' +
    '<h2 id="b">B</h2><p>Two</p>' +
    '<section data-footnotes="" class="footnotes"><h2 id="footnote-label" class="sr-only">Footnotes</h2><ol><li id="user-content-fn-1"><p>Note.</p></li></ol></section>';
  const footnotes = note.slice(note.indexOf('<section'));

  it('adds the footnotes after a section that refers to one', () => {
    expect(sectionHtml(note, 'a')).toBe(
      `<h2 id="a">A</h2><p>One<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup></p>${footnotes}`,
    );
  });

  it('ends the last section before the footnotes when it refers to none', () => {
    expect(sectionHtml(note, 'b')).toBe('<h2 id="b">B</h2><p>Two</p>');
  });
});
