/**
 * The publish rule (DESIGN §2): a note is published if and only if `dg-publish` is the YAML boolean
 * `true`. Anything else that is present is an author's mistake we refuse to guess about.
 */
import { fail, ok, type Result } from './types.ts';

export const PUBLISH_KEY = 'dg-publish';

export function isPublished(frontmatter: Record<string, unknown>): Result<boolean> {
  if (!Object.hasOwn(frontmatter, PUBLISH_KEY)) return ok(false);
  const value = frontmatter[PUBLISH_KEY];
  if (value === true || value === false) return ok(value);
  const shown = typeof value === 'string' ? `the string "${value}"` : value === null ? 'empty' : `${JSON.stringify(value)}`;
  return fail(
    `${PUBLISH_KEY} must be the boolean true or false, but it is ${shown}; write ${PUBLISH_KEY}: true (without quotes) to publish the note`,
  );
}
