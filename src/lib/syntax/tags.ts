/**
 * Inline `#tags` as Obsidian reads them: `#` at the start or after white space, then letters, digits,
 * `_`, `-` or `/` (nested tags), with at least one character that is not a digit (`#1962` is not a tag).
 */
import type { PhrasingContent } from 'mdast';
import { urlSegmentProblem } from '../site/reserved-urls.ts';
import { siteUrl, type SiteUrl } from '../util/types.ts';
import { hrefForUrl } from '../site/url.ts';

const TAG = /(^|[\s(])#([\p{L}\p{N}_/-]+)/gu;

export interface TagMatch {
  /** Offset of the `#`. */
  start: number;
  /** Offset just after the tag. */
  end: number;
  tag: string;
}

export function findTags(text: string): TagMatch[] {
  const matches: TagMatch[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = (match[2] as string).replace(/[/-]+$/, '');
    if (!/[^\p{N}]/u.test(tag) || tag.startsWith('/')) continue;
    const start = match.index + (match[1] as string).length;
    matches.push({ start, end: start + 1 + tag.length, tag });
  }
  return matches;
}

/**
 * Tags compare case-insensitively in Obsidian; the site lists them in lower case, and in one Unicode
 * form (`café` typed on a Mac and elsewhere is one tag).
 */
export function normaliseTag(tag: string): string {
  return tag.replace(/^#/, '').normalize('NFC').toLowerCase();
}

/**
 * Why a tag (as written, `#` optional) cannot be one, or none. Obsidian's tags are letters, digits, `_`,
 * `-` and `/` between nested parts; anything else is made URL-safe by `tagSlug`, except what reads as a
 * file path (`..`, `\`), a tag with nothing left, or a part too long for a folder name.
 */
export function tagProblem(tag: string): string | undefined {
  const written = normaliseTag(tag);
  if (written.includes('\\')) return 'it contains a backslash; nested tags are written with / (parent/child)';
  for (const part of written.split('/')) {
    if (part === '.' || part === '..') return `it has a "${part}" part; nested tags are written parent/child`;
  }
  if (tagSlug(written) === '') return 'it has no letters or digits';
  for (const part of tagSlug(written).split('/')) {
    const problem = urlSegmentProblem(part);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * A tag's part of its page's URL: letters, digits, `_` and `-` of any script, nested tags nested
 * (`ussr/politics`); a run of anything else — the space of a tag written in a property
 * (`anatomia humana`), or a character a URL would misread — becomes one `-`. Empty when nothing is left.
 */
export function tagSlug(tag: string): string {
  return normaliseTag(tag)
    .split('/')
    .map((segment) => segment.replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('/');
}

/**
 * The page listing a tag's notes: `/tags/cold-war/`, nested tags nested: `/tags/ussr/politics/`.
 * Only for a tag `tagProblem` accepted (checked: one it refuses throws).
 */
export function tagUrl(tag: string): SiteUrl {
  return siteUrl(`/tags/${tagSlug(tag)}/`);
}

/** A prose text with its inline tags as links to their tag pages; `undefined` when it has none. */
export function tagLinkNodes(text: string): PhrasingContent[] | undefined {
  const matches = findTags(text);
  if (matches.length === 0) return undefined;
  const nodes: PhrasingContent[] = [];
  let cursor = 0;
  for (const match of matches) {
    if (match.start > cursor) nodes.push({ type: 'text', value: text.slice(cursor, match.start) });
    nodes.push({
      type: 'link',
      url: hrefForUrl(tagUrl(match.tag)),
      data: { hProperties: { className: ['tag'] } },
      children: [{ type: 'text', value: `#${match.tag}` }],
    });
    cursor = match.end;
  }
  if (cursor < text.length) nodes.push({ type: 'text', value: text.slice(cursor) });
  return nodes;
}
