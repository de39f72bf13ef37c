/**
 * The publish rule (DESIGN §2): a note is published if and only if `dg-publish` (or Obsidian
 * Publish's `publish`) is the YAML boolean `true`. Anything else that is present is an author's
 * mistake we refuse to guess about.
 */
import { publishFlag } from './properties.ts';
import { fail, ok, type Result } from '../util/types.ts';

/** Reads properties already cleared of empty ones (properties.ts): an empty `dg-publish:` is absent. */
export function isPublished(frontmatter: Record<string, unknown>): Result<boolean> {
  const flag = publishFlag(frontmatter);
  if (!flag.ok) return flag;
  if (flag.value === undefined) return ok(false);
  const { key, value } = flag.value;
  if (value === true || value === false) return ok(value);
  const shown = typeof value === 'string' ? `the string "${value}"` : `${JSON.stringify(value)}`;
  return fail(
    `${key} must be the boolean true or false, but it is ${shown}; write ${key}: true (without quotes) to publish the note`,
  );
}
