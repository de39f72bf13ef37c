/**
 * The `#` link after a heading, defined once as hast: the Markdown processors add it to the
 * headings of a note's body (rehype-autolink-headings, src/markdown/satteri/autolink-headings.ts),
 * and the page components add it to the headings they make (HeadingAnchor.astro renders this tree).
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { translator } from '../site/i18n.ts';

/** The link's own properties, without the `href` that each heading's id gives it. */
export const ANCHOR_PROPERTIES: Properties = {
  className: ['anchor-link'],
  'data-copy-link': '',
  'data-pagefind-ignore': '',
};

/**
 * What the `#` link says to a screen reader. A note's body is rendered without knowing the page's
 * language, so the Markdown processors say it in English; components pass their page's `t`.
 */
export const anchorLabel = (heading: string, t = translator('en').t): string => t('linkTo', { title: heading });

/**
 * The `#` link's content: a visible `#` and, for screen readers, the label. Pagefind takes a search
 * section's title from all the heading's text, ignoring the link's own `data-pagefind-ignore`: each
 * span carries it too, or sections read "Heading#Link to “Heading”".
 */
export const anchorContent = (label: string): ElementContent[] => [
  {
    type: 'element',
    tagName: 'span',
    properties: { ariaHidden: 'true', 'data-pagefind-ignore': '' },
    children: [{ type: 'text', value: '#' }],
  },
  {
    type: 'element',
    tagName: 'span',
    properties: { className: ['visually-hidden'], 'data-pagefind-ignore': '' },
    children: [{ type: 'text', value: label }],
  },
];

/** The `#` link to the heading with `id`, as rehype-autolink-headings makes it with the options above. */
export function headingAnchor(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { ...ANCHOR_PROPERTIES, href: `#${id}` },
    children: anchorContent(label),
  };
}

/** The same link as HTML, serialized as the remark path serializes it (`data-copy-link=""`). */
export function headingAnchorHtml(id: string, label: string): string {
  return toHtml(headingAnchor(id, label));
}
