/**
 * Heading ids: GitHub-style slugs (as Astro makes them), unique within the page. The page's own
 * ids (src/lib/site/page-ids.ts) and a note's own event, era and quiz ids are reserved first, so a heading
 * never takes one of them.
 * The same function gives ids when the vault is scanned (to check `[[Note#Heading]]` links) and
 * when the note is rendered, so a checked link always lands.
 */
import GithubSlugger, { slug } from 'github-slugger';
import { COURSE_FOLDER_ID, COURSE_GROUP_IDS, PAGE_IDS } from '../site/page-ids.ts';

/** Ids no heading of a note may take: every fixed id of the site's pages. */
export const RESERVED_PAGE_IDS: readonly string[] = [...Object.values(PAGE_IDS), ...Object.values(COURSE_GROUP_IDS)];

/** The ids the course tree gives its folders: its own id and numbers, `course-folder-2-1`. */
const NUMBERED_FOLDER = new RegExp(`^${COURSE_FOLDER_ID}(-\\d+)+$`);

export interface HeadingSlugger {
  slug(text: string): string;
}

export function createHeadingSlugger(reserved: Iterable<string> = []): HeadingSlugger {
  const slugger = new GithubSlugger();
  for (const id of [...RESERVED_PAGE_IDS, ...reserved]) slugger.slug(id, true);
  // Reserving an id by slugging it once makes the next heading with that text get "-1".
  return {
    slug: (text) => {
      const id = slugger.slug(text);
      // The course tree numbers its folders below its own id: no heading may take one of those.
      return NUMBERED_FOLDER.test(id) ? slugger.slug(`${text} section`) : id;
    },
  };
}

/** How a `[[Note#Heading]]` link names a heading: by its text, compared as a slug. */
export function headingKey(text: string): string {
  return slug(text);
}
