// One home per fact: the heading's `#` link, a note's display title and summary, and the names of
// its kind each have one definition that every page, feed and processor uses.
import { describe, expect, it } from 'vitest';
import { htmlAttributes } from '../../src/lib/render/hast-attributes.ts';
import { anchorLabel, headingAnchor, headingAnchorHtml } from '../../src/lib/render/heading-anchor.ts';
import { DICTIONARIES, translator } from '../../src/lib/site/i18n.ts';
import { KIND_TEXT } from '../../src/lib/site/kind-text.ts';
import { displayTitle, summaryOf, type NoteData } from '../../src/lib/note/note-data.ts';
import { readNote } from '../../src/lib/note/note.ts';
import { NOTE_TYPES } from '../../src/lib/note/schema.ts';
import { vaultPath } from '../../src/lib/util/types.ts';

const note = (frontmatter: string, path = 'Course/Note.md'): NoteData => {
  const outcome = readNote(vaultPath(path), `---\ndg-publish: true\n${frontmatter}\n---\nBody`);
  if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
  return outcome.note;
};

describe('the # link after a heading', () => {
  it('is the markup the remark path has always serialized, escaped', () => {
    expect(headingAnchorHtml('a-b', anchorLabel('A & <B>'))).toBe(
      '<a class="anchor-link" data-copy-link="" data-pagefind-ignore="" href="#a-b">' +
        '<span aria-hidden="true" data-pagefind-ignore="">#</span>' +
        '<span class="visually-hidden" data-pagefind-ignore="">Link to “A &#x26; &#x3C;B>”</span></a>',
    );
    expect(headingAnchorHtml('say-"hi"&', 'x')).toContain('href="#say-&#x22;hi&#x22;&#x26;"');
  });

  it('says its label in the interface text: English in a note body, the page language in a component', () => {
    expect(anchorLabel('Yalta')).toBe('Link to “Yalta”');
    expect(anchorLabel('Yalta', translator('pt-BR').t)).toBe('Link para “Yalta”');
  });

  it('gives a component the attributes Astro writes for the same tree', () => {
    const anchor = headingAnchor('x', 'Link to “X”');
    expect(htmlAttributes(anchor.properties)).toEqual({
      class: 'anchor-link',
      'data-copy-link': '',
      'data-pagefind-ignore': '',
      href: '#x',
    });
    const [mark] = anchor.children;
    expect(mark?.type === 'element' && htmlAttributes(mark.properties)).toEqual({
      'aria-hidden': 'true',
      'data-pagefind-ignore': '',
    });
  });

  it('turns hast properties into attribute names and values by the HTML schema', () => {
    expect(
      htmlAttributes({
        className: ['a', 'b'],
        tabIndex: -1,
        hidden: true,
        open: false,
        acceptCharset: ['x', 'y'],
        title: undefined,
      }),
    ).toEqual({ class: 'a b', tabindex: '-1', hidden: '', 'accept-charset': 'x y' });
    expect(htmlAttributes({ coords: [1, 2] })).toEqual({ coords: '1, 2' });
  });
});

describe('a note as it is shown', () => {
  it('is titled by its term when it is a glossary term, else by its title', () => {
    expect(displayTitle(note('title: The Politburo\ntype: term\nterm: Politburo\ndefinition: The top body.'))).toBe('Politburo');
    expect(displayTitle(note('title: Politburo\ntype: term\ndefinition: The top body.'))).toBe('Politburo');
    expect(displayTitle(note('title: Yalta\nterm: Ignored'))).toBe('Yalta');
  });

  it('is summed up by its definition when it is a term, else by its description if any', () => {
    expect(summaryOf(note('title: P\ntype: term\ndefinition: The *top* body.\ndescription: Not this.'))).toBe('The top body.');
    expect(summaryOf(note('title: Yalta\ntype: brief\ndescription: A **conference**.'))).toBe('A conference.');
    expect(summaryOf(note('title: Yalta'))).toBeUndefined();
  });
});

describe('the names of a kind of note', () => {
  it('has every kind a label (on its page and in search), a group heading and a preview name', () => {
    expect(Object.keys(KIND_TEXT).sort()).toEqual([...NOTE_TYPES].sort());
    const { t } = translator('en');
    const names = Object.fromEntries(NOTE_TYPES.map((kind) => [kind, Object.values(KIND_TEXT[kind]).map((key) => t(key))]));
    expect(names).toEqual({
      note: ['Note', 'Notes', 'note'],
      brief: ['Brief', 'Briefs', 'brief'],
      quiz: ['Quiz', 'Quizzes', 'quiz'],
      timeline: ['Timeline', 'Timelines', 'timeline'],
      term: ['Glossary term', 'Glossary', 'Glossary'],
      course: ['Course', 'Courses', 'course'],
    });
  });

  it('is said in every dictionary', () => {
    for (const lang of Object.keys(DICTIONARIES)) {
      for (const text of Object.values(KIND_TEXT)) {
        for (const key of Object.values(text)) expect(DICTIONARIES[lang]?.[key], `${lang} ${key}`).toBeTruthy();
      }
    }
  });
});
