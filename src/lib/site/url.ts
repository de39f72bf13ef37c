/**
 * The URL contract (DESIGN §3, rules 1–4). Course pages link to these URLs, so every rule here is a
 * promise: change nothing without a redirect.
 */
import slugify from '@sindresorhus/slugify';
import { fail, ok, type Result, type SiteUrl, type VaultPath, uncheckedSiteUrl } from '../util/types.ts';

/**
 * One path segment slugified exactly as the Obsidian Digital Garden plugin does:
 * @sindresorhus/slugify 1.x with default options ("Khrushchev's" → "khrushchev-s").
 */
export function slugifySegment(segment: string): string {
  // slugify 1.x rebuilds its replacement tables on every call; the same names recur across a vault.
  let slug = slugCache.get(segment);
  if (slug === undefined) {
    slug = slugify(segment);
    if (slugCache.size > SLUG_CACHE_LIMIT) slugCache.clear();
    slugCache.set(segment, slug);
  }
  return slug;
}

const slugCache = new Map<string, string>();
/** Names kept in the cache: far more than a vault's folders and notes, a bound for a long `astro dev`. */
const SLUG_CACHE_LIMIT = 50_000;

const NOTE_EXTENSION = /\.(md|mdx)$/i;

/** Rule 4: the vault path without extension, each segment slugified, joined by `/`. */
export function urlFromVaultPath(path: string): SiteUrl {
  const segments = path.replace(NOTE_EXTENSION, '').split('/').filter(Boolean).map(slugifySegment);
  return uncheckedSiteUrl(segments.length === 0 ? '/' : `/${segments.join('/')}/`);
}

// Anything C0/C1 control: never valid in a URL an author typed.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The reasons a written path (permalink or dg-path) can't be a URL path, or none. */
function pathProblem(written: string): string | undefined {
  if (CONTROL_CHARACTER.test(written)) return 'it contains a control character';
  if (SCHEME.test(written)) return 'it has a scheme (write a path such as /a/b/, not a full URL)';
  if (written.startsWith('//')) return 'it starts with // (a host), write a path such as /a/b/';
  if (written.includes('\\')) return 'it contains a backslash; use / between segments';
  if (written.includes('%')) return 'it contains "%" (a %-escape); write the character itself, e.g. a space, not %20';
  if (written.includes('?')) return 'it contains "?" (a query string is not part of a page URL)';
  if (written.includes('#')) return 'it contains "#" (a fragment is not part of a page URL)';
  const inner = written.replace(/^\/+/, '').replace(/\/+$/, '');
  if (inner === '') return undefined;
  for (const segment of inner.split('/')) {
    if (segment.trim() === '') return 'it has an empty segment (two slashes in a row)';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
  }
  return undefined;
}

/** Rule 2: a permalink is used as written, with `/` added at either end if missing. */
export function urlFromPermalink(permalink: string): Result<SiteUrl> {
  const written = permalink.trim();
  if (written === '') return fail('it is empty');
  const problem = pathProblem(written);
  if (problem) return fail(problem);
  const inner = written.replace(/^\/+/, '').replace(/\/+$/, '');
  return ok(uncheckedSiteUrl(inner === '' ? '/' : `/${inner}/`));
}

export interface UrlInputs {
  vaultPath: VaultPath;
  home?: boolean;
  permalink?: string;
  dgPath?: string;
}

/** Which frontmatter key decided the URL: error messages name it. */
export type UrlSource = 'dg-home' | 'permalink' | 'dg-path' | 'path';

/** Rules 1–4 in order: dg-home, permalink/dg-permalink, dg-path, vault path. */
export function noteUrl(inputs: UrlInputs): Result<{ url: SiteUrl; source: UrlSource }> {
  if (inputs.home) return ok({ url: uncheckedSiteUrl('/'), source: 'dg-home' });
  if (inputs.permalink !== undefined) {
    const url = urlFromPermalink(inputs.permalink);
    return url.ok
      ? ok({ url: url.value, source: 'permalink' })
      : fail(`permalink "${inputs.permalink}" is not allowed: ${url.reason}`);
  }
  if (inputs.dgPath !== undefined) {
    const written = inputs.dgPath.trim();
    const problem = written === '' ? 'it is empty' : pathProblem(written);
    if (problem) return fail(`dg-path "${inputs.dgPath}" is not allowed: ${problem}`);
    const bare = unsluggable(written);
    if (bare) return fail(`dg-path "${inputs.dgPath}" is not allowed: ${bare}`);
    return ok({ url: urlFromVaultPath(written.replace(/^\/+/, '')), source: 'dg-path' });
  }
  const bare = unsluggable(inputs.vaultPath);
  if (bare) return fail(`its path cannot be its URL: ${bare}; give the note a permalink or another name`);
  return ok({ url: urlFromVaultPath(inputs.vaultPath), source: 'path' });
}

/** A name with no letter or digit (`#.md`, `!!!`) slugifies to nothing, which no URL can hold. */
function unsluggable(path: string): string | undefined {
  const empty = path
    .replace(NOTE_EXTENSION, '')
    .split('/')
    .find((segment) => segment !== '' && slugifySegment(segment) === '');
  return empty === undefined ? undefined : `"${empty}" has no letter or digit to make a URL part of`;
}

/** URLs are compared case-insensitively (and by Unicode canonical form): two notes may not differ only so. */
export function urlKey(url: SiteUrl): string {
  return url.normalize('NFC').toLowerCase();
}

/** The `[...path]` route parameter for a URL: `/a/b/` → `a/b`; the home URL has none. */
export function routeParamForUrl(url: SiteUrl): string | undefined {
  const inner = url.replace(/^\/+/, '').replace(/\/+$/, '');
  return inner === '' ? undefined : inner;
}

/** A URL as an `href`: each segment percent-encoded (spaces and other scripts included), slashes kept. */
export function hrefForUrl(url: SiteUrl): string {
  return url
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
