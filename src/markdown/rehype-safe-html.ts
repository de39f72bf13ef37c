/**
 * Raw HTML in `.md` notes is parsed and cut down to a safe subset (GitHub's sanitization schema plus
 * what the site's own plugins emit): no script, style, iframe, event handlers, `javascript:` or
 * `data:` URLs, or SVG. `.mdx` notes are trusted code and are left alone.
 */
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { visit, EXIT } from 'unist-util-visit';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

const siteAttributes = ['className', 'dataPreviewTitle', 'dataPreviewText', 'dataPreviewKind', 'dataCallout', 'dataCalloutType'];

export const safeHtmlSchema: Schema = {
  ...defaultSchema,
  // Heading ids are the site's own (checked links land on them): no "user-content-" prefix.
  clobber: ['name'],
  clobberPrefix: '',
  // Removed with their content, not just unwrapped: their text is code, not prose.
  strip: ['script', 'style', 'math', 'svg', 'template', 'iframe', 'object', 'noscript', 'textarea', 'title'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'figure', 'figcaption', 'abbr', 'cite', 'small', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), ...siteAttributes],
    // Any class on links (the site marks internal links); GitHub's schema allows only one.
    a: [...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')), 'className'],
    img: [...(defaultSchema.attributes?.img ?? []), 'loading', 'decoding'],
    input: [...(defaultSchema.attributes?.input ?? []), ['checked', true]],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
};

export default function rehypeSafeHtml() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (/\.mdx$/i.test(path)) return tree;
    // Re-parsing the whole tree as HTML is only needed where the note wrote HTML; most notes do not.
    return sanitize(hasRawHtml(tree) ? raw(tree) : tree, safeHtmlSchema) as Root;
  };
}

function hasRawHtml(tree: Root): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return EXIT;
  });
  return found;
}
