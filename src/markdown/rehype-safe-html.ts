/**
 * Raw HTML in `.md` notes is parsed and cut down to a safe subset (GitHub's sanitization schema plus
 * what the site's own plugins emit): no script, style, iframe, event handlers, `javascript:` or
 * `data:` URLs, or SVG. `.mdx` notes are trusted code and are left alone.
 */
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { visit } from 'unist-util-visit';
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

/** A note's HTML tree with its raw HTML parsed and everything unsafe taken out. */
export function safeHtml(tree: Root): Root {
  // Every tree is re-parsed, even one without raw HTML: the parse also normalises what plugins built
  // (attribute values, property names), and skipping it changed the HTML of notes that wrote none.
  return labelTaskCheckboxes(sanitize(raw(tree), safeHtmlSchema) as Root);
}

/** A task list's checkboxes say what they show ("Done", "To do"): a form control needs a name. */
function labelTaskCheckboxes(tree: Root): Root {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'input' && node.properties.type === 'checkbox' && node.properties.disabled) {
      node.properties.ariaLabel = node.properties.checked ? 'Done' : 'To do';
    }
  });
  return tree;
}

export default function rehypeSafeHtml() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (/\.mdx$/i.test(path)) return tree;
    return safeHtml(tree);
  };
}
