/**
 * Inline `#tags` as Obsidian reads them: `#` at the start or after white space, then letters, digits,
 * `_`, `-` or `/` (nested tags), with at least one character that is not a digit (`#1962` is not a tag).
 */
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
    const start = (match.index as number) + (match[1] as string).length;
    matches.push({ start, end: start + 1 + tag.length, tag });
  }
  return matches;
}

/** Tags compare case-insensitively in Obsidian; the site lists them in lower case. */
export function normaliseTag(tag: string): string {
  return tag.replace(/^#/, '').toLowerCase();
}

/** The page listing a tag's notes: `/tags/cold-war/`, nested tags nested: `/tags/ussr/politics/`. */
export function tagUrl(tag: string): string {
  return `/tags/${normaliseTag(tag)}/`;
}

export const TAG_INDEX_URL = '/tags/';
