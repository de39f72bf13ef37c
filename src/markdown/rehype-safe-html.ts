/**
 * Raw HTML in `.md` notes is parsed and cut down to a safe subset (GitHub's sanitization schema plus
 * what the site's own plugins emit): no script, style, iframe, event handlers, `javascript:` or
 * `data:` URLs, or SVG. `.mdx` notes are trusted code and are left alone.
 *
 * What the author wrote as raw HTML is also kept from posing as the site: it carries no `data-*`
 * attribute (the site's scripts trust theirs: link previews, copy links, search, quizzes), and its
 * ids, names and id references are prefixed `user-content-`, as GitHub does, so they never clash with
 * the page's own ids (`main`, `copy-status`, a heading's or a section's). The site's own elements —
 * everything the Markdown and the site's plugins built — keep theirs.
 */
import type { Element, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { raw } from 'hast-util-raw';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { SAFE_PROTOCOLS } from '../lib/render/sanitize-needed.ts';

const siteAttributes = ['className', 'dataPreviewTitle', 'dataPreviewText', 'dataPreviewKind', 'dataCallout', 'dataCalloutType'];

/**
 * Marks the elements that exist before raw HTML is parsed (the Markdown's and the site's). Its value
 * is secret to this process, so raw HTML cannot forge it, and it never reaches a page.
 */
const BUILT = 'dataGardenBuilt';
const builtMark = globalThis.crypto.randomUUID();

/** The properties that name an element or point at a name, and the prefix raw HTML gets on them. */
export const RAW_ID_PREFIX = defaultSchema.clobberPrefix as string;
const CLOBBER = defaultSchema.clobber as string[];

export const safeHtmlSchema: Schema = {
  ...defaultSchema,
  // Ids are prefixed after sanitizing, on raw HTML only (confineRawHtml): the site's are kept.
  clobber: [],
  clobberPrefix: '',
  // Removed with their content, not just unwrapped: their text is code, not prose.
  strip: ['script', 'style', 'math', 'svg', 'template', 'iframe', 'object', 'noscript', 'textarea', 'title'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'figure', 'figcaption', 'abbr', 'cite', 'small', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), ...siteAttributes, BUILT],
    // Any class on links (the site marks internal links); GitHub's schema allows only one.
    a: [...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')), 'className'],
    img: [...(defaultSchema.attributes?.img ?? []), 'loading', 'decoding'],
    input: [...(defaultSchema.attributes?.input ?? []), ['checked', true]],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: [...SAFE_PROTOCOLS.href],
    src: [...SAFE_PROTOCOLS.src],
    cite: [...SAFE_PROTOCOLS.cite],
  },
};

/** A note's HTML tree with its raw HTML parsed and everything unsafe taken out. */
export function safeHtml(tree: Root): Root {
  visit(tree, 'element', (node: Element) => {
    node.properties[BUILT] = builtMark;
  });
  // Every tree given is re-parsed, even one without raw HTML: the parse also normalises what plugins
  // built (attribute values, property names). Notes that need none of it never get here (sanitizes()).
  const clean = sanitize(raw(tree), safeHtmlSchema) as Root;
  confineRawHtml(clean);
  return labelTaskCheckboxes(clean);
}

const isDataProperty = (key: string) => /^data[A-Z]/.test(key);
const HEADING = /^h[1-6]$/;

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Raw HTML's elements (those without the mark) lose their `data-*` attributes and get prefixed ids,
 * names and id references; a raw heading without an id gets a prefixed one from its text (the build
 * would otherwise name `<h2>Main</h2>` `main`). A `#fragment` link in the note to a raw id follows it.
 */
function confineRawHtml(tree: Root): void {
  const builtIds = new Set<string>();
  const rawElements: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    const built = node.properties[BUILT] === builtMark;
    delete node.properties[BUILT];
    if (!built) rawElements.push(node);
    else for (const key of ['id', 'name']) if (typeof node.properties[key] === 'string') builtIds.add(node.properties[key]);
  });
  if (rawElements.length === 0) return;
  const rawIds = new Set<string>();
  for (const node of rawElements) {
    for (const key of Object.keys(node.properties)) if (isDataProperty(key)) delete node.properties[key];
    for (const key of CLOBBER) {
      const value = node.properties[key];
      if (typeof value === 'string') {
        if (key === 'id' || key === 'name') rawIds.add(value);
        node.properties[key] = RAW_ID_PREFIX + value;
      } else if (Array.isArray(value)) {
        node.properties[key] = value.map((part) => RAW_ID_PREFIX + String(part));
      }
    }
  }
  // A raw heading's id takes no name already given (a footnote's `user-content-fn-1`, a raw id).
  const slugger = new GithubSlugger();
  for (const id of [...builtIds, ...rawIds]) slugger.slug(id.startsWith(RAW_ID_PREFIX) ? id.slice(RAW_ID_PREFIX.length) : id);
  for (const node of rawElements) {
    if (!HEADING.test(node.tagName) || node.properties.id !== undefined) continue;
    const id = slugger.slug(toString(node));
    rawIds.add(id);
    node.properties.id = RAW_ID_PREFIX + id;
  }
  if (rawIds.size === 0) return;
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    const id = decodeFragment(href.slice(1));
    if (!builtIds.has(id) && rawIds.has(id)) node.properties.href = `#${RAW_ID_PREFIX}${href.slice(1)}`;
  });
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

/** Set by the sanitize scouts (remark-sanitize-scout.ts, satteri/sanitize-scout.ts) on a note that needs sanitizing. */
export const SANITIZE_FLAG = 'gardenSanitize';

let sanitizeEveryNote = false;
/** Tests sanitize every note, to hold the notes that skip it to the HTML sanitizing gives. */
export function setSanitizeEveryNote(on: boolean): void {
  sanitizeEveryNote = on;
}

/** Whether a note's tree is sanitized: one the scout marked (src/lib/render/sanitize-needed.ts). */
export function sanitizes(data: Record<string, unknown>): boolean {
  return sanitizeEveryNote || data[SANITIZE_FLAG] === true;
}

export default function rehypeSafeHtml() {
  return (tree: Root, file: { path?: string; history?: string[]; data: Record<string, unknown> }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (/\.mdx$/i.test(path) || !sanitizes(file.data)) return tree;
    return safeHtml(tree);
  };
}
