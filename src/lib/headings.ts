/**
 * Heading ids: GitHub-style slugs (as Astro makes them), unique within the page. The page's own
 * section ids and a timeline's event ids are reserved first, so a heading never takes one of them.
 * The same function gives ids when the vault is scanned (to check `[[Note#Heading]]` links) and
 * when the note is rendered, so a checked link always lands.
 */
import GithubSlugger, { slug } from 'github-slugger';

/** Ids that note pages use for their own sections (src/components, src/layouts) and that their scripts look up. */
export const PAGE_SECTION_IDS = [
  'main',
  'garden-text',
  'copy-status',
  'link-preview',
  'definition',
  'events',
  'key-takeaways',
  'frequently-asked-questions',
  'related-terms',
  'key-quotes',
  'quiz',
  'backlinks',
  'courses',
  'other-notes',
  'other-events',
  'course-note',
  'course-brief',
  'course-quiz',
  'course-timeline',
  'course-term',
  'course-course',
  'on-this-page',
  'connections',
] as const;

export interface HeadingSlugger {
  slug(text: string): string;
}

export function createHeadingSlugger(reserved: Iterable<string> = []): HeadingSlugger {
  const slugger = new GithubSlugger();
  for (const id of [...PAGE_SECTION_IDS, ...reserved]) slugger.slug(id, true);
  // Reserving an id by slugging it once makes the next heading with that text get "-1".
  return { slug: (text) => slugger.slug(text) };
}

/** How a `[[Note#Heading]]` link names a heading: by its text, compared as a slug. */
export function headingKey(text: string): string {
  return slug(text);
}
