/**
 * Distinct string types for the three kinds of "path" the garden handles, after Quartz: mixing them
 * up is the classic source of broken links, so the compiler keeps them apart.
 */

/** A note's path inside the vault, POSIX separators, with extension: `Folder/Note.md`. */
export type VaultPath = string & { readonly __brand: 'VaultPath' };

/** A published URL path, decoded, with a leading and a trailing slash: `/a/b/` (or `/`). */
export type SiteUrl = string & { readonly __brand: 'SiteUrl' };

/** Something wrong with the input, reported against the file (and line) an author has to open. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });

/**
 * Why `path` is not a vault path (relative, `/` between segments, no `.`/`..`/empty segment, an
 * extension), or none. Any other character is allowed: `\` and `:` are legal in a POSIX file name.
 */
function vaultPathProblem(path: string): string | undefined {
  if (path === '') return 'it is empty';
  if (path.startsWith('/')) return 'it is absolute (vault paths are relative to the vault)';
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '') return 'it has an empty segment';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
  }
  if (!/\.[^.]+$/.test(segments.at(-1) ?? '')) return 'it has no file extension';
  return undefined;
}

/** Why `url` is not a site URL (`/` or `/a/b/`: slashes at both ends, no `.`/`..`/empty segment), or none. */
function siteUrlProblem(url: string): string | undefined {
  if (!url.startsWith('/') || !url.endsWith('/')) return 'it does not start and end with /';
  if (url === '/') return undefined;
  for (const segment of url.slice(1, -1).split('/')) {
    if (segment === '') return 'it has an empty segment';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
  }
  return undefined;
}

/** A string that comes in from outside (a file name, a lock file, a test) as a vault path, checked. */
export function parseVaultPath(path: string): Result<VaultPath> {
  const problem = vaultPathProblem(path);
  return problem ? fail(`"${path}" is not a vault path: ${problem}`) : ok(path as VaultPath);
}

/** A string that comes in from outside (a lock file, a route parameter, a test) as a site URL, checked. */
export function parseSiteUrl(url: string): Result<SiteUrl> {
  const problem = siteUrlProblem(url);
  return problem ? fail(`"${url}" is not a site URL: ${problem}`) : ok(url as SiteUrl);
}

/** A vault path the code vouches for (a literal, a test's input); throws on a malformed one: a bug, not an author's problem. */
export function vaultPath(path: string): VaultPath {
  const parsed = parseVaultPath(path);
  if (!parsed.ok) throw new TypeError(parsed.reason);
  return parsed.value;
}

/** A site URL the code vouches for (a literal, a test's input); throws on a malformed one: a bug, not an author's problem. */
export function siteUrl(url: string): SiteUrl {
  const parsed = parseSiteUrl(url);
  if (!parsed.ok) throw new TypeError(parsed.reason);
  return parsed.value;
}

/**
 * Unchecked: only for a string already known to be a vault path — one that `isNotePath` accepted
 * while walking the vault, or a key looked up in a map of vault paths. Anything else goes through
 * `vaultPath` or `parseVaultPath`.
 */
export const uncheckedVaultPath = (path: string): VaultPath => path as VaultPath;

/**
 * Unchecked: only for a string the URL rules themselves built (src/lib/site/url.ts: slugified segments
 * between slashes, or a written path `pathProblem` accepted). Anything else goes through `siteUrl`
 * or `parseSiteUrl`.
 */
export const uncheckedSiteUrl = (url: string): SiteUrl => url as SiteUrl;
