/**
 * The URL lock (DESIGN §3): a committed list of every URL the site has published. Course pages link
 * to these URLs, so a build that would stop serving one fails, and says how to fix it; new URLs
 * join the list only through `npm run urls`, never silently.
 */
import { z } from 'zod';
import { parseSiteUrl, type SiteUrl } from '../util/types.ts';
import { reservedUrlProblem, SITE_URLS } from './reserved-urls.ts';
import { urlFromPermalink, urlKey } from './url.ts';

/** A URL of the lock file: a string that has the shape of a site URL (the rules are checked below). */
const siteUrlSchema = z.string().transform((url, context) => {
  const parsed = parseSiteUrl(url);
  if (parsed.ok) return parsed.value;
  context.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});

const lockSchema = z.object({
  published: z.array(siteUrlSchema),
  retired: z
    .array(
      z.object({
        url: siteUrlSchema,
        /** The course page the "retired" page links to, as a site URL. */
        course: z.string().optional(),
        reason: z.string().optional(),
      }),
    )
    .default([]),
});

export type UrlLock = z.output<typeof lockSchema>;

export const EMPTY_LOCK: UrlLock = { published: [], retired: [] };

export function parseUrlLock(text: string): { ok: true; lock: UrlLock } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  for (const url of [...parsed.data.published, ...parsed.data.retired.map((entry) => entry.url)]) {
    const normal = urlFromPermalink(url);
    if (!normal.ok || normal.value !== url) return { ok: false, reason: `"${url}" is not a site URL such as /a/b/` };
  }
  for (const { url } of parsed.data.retired) {
    // A retired URL is served a page of its own, which the site's own pages and files leave no room for.
    const problem = reservedUrlProblem(url, 'redirect');
    if (problem) return { ok: false, reason: `the retired URL "${url}" cannot have a page: ${problem}` };
  }
  return { ok: true, lock: parsed.data };
}

export interface ServedUrls {
  pages: readonly SiteUrl[];
  redirects: readonly SiteUrl[];
}

export interface LockCheck {
  /** Locked URLs that nothing serves: each fails the build. */
  missing: string[];
  /** Retired URLs that a page or redirect serves again. */
  revived: string[];
  /** URLs served but not locked yet (`npm run urls` adds them). */
  unlocked: SiteUrl[];
}

export function checkUrlLock(lock: UrlLock, served: ServedUrls): LockCheck {
  const servedKeys = new Set([...served.pages, ...served.redirects].map(urlKey));
  const retiredKeys = new Set(lock.retired.map((entry) => urlKey(entry.url)));
  const lockedKeys = new Set(lock.published.map((url) => urlKey(url)));
  return {
    missing: lock.published.filter((url) => !servedKeys.has(urlKey(url)) && !retiredKeys.has(urlKey(url))),
    revived: lock.retired.map((entry) => entry.url).filter((url) => servedKeys.has(urlKey(url))),
    unlocked: [...served.pages, ...served.redirects].filter((url) => !lockedKeys.has(urlKey(url))).sort(),
  };
}

/**
 * A lock that shares no URL with the vault (beyond the pages every site has) belongs to another
 * vault — typically the shipped course's lock, left in place when an author brings their own vault.
 * That is one problem with one fix, not one error per URL.
 */
export function foreignLockMessage(lock: UrlLock, served: ServedUrls, check: LockCheck, lockFile: string): string | undefined {
  const always = new Set(SITE_URLS.map(urlKey));
  const servedKeys = new Set([...served.pages, ...served.redirects].map(urlKey));
  const own = lock.published.filter((url) => !always.has(urlKey(url)));
  if (check.missing.length === 0 || own.length === 0 || own.some((url) => servedKeys.has(urlKey(url)))) return undefined;
  return (
    `${lockFile} locks ${own.length} URL(s) of another vault and none of this vault's: it is the lock of the site this one replaces. ` +
    `If this vault is a new site, start its own lock with \`npm run urls -- --reset\` (it writes the URLs this vault serves to ${lockFile}); ` +
    `if this site did publish those URLs, the vault folder (contentDir) is probably not the one you meant`
  );
}

export function missingUrlMessage(url: string, lockFile: string): string {
  return (
    `${url} is locked in ${lockFile} but no note serves it any more. Course pages may link to it: ` +
    `if a note replaced it, add "${url}" to that note's aliases (a redirect is served); ` +
    `if it is gone for good, move it to "retired" in ${lockFile} ({ "url": "${url}", "course": "/your-course/" }) ` +
    `to serve a page that says so and links to the course`
  );
}

/** The lock with every served URL added: what `npm run urls` writes. */
export function lockServedUrls(lock: UrlLock, served: ServedUrls): UrlLock {
  const published = [...new Set([...lock.published, ...served.pages, ...served.redirects])];
  return { published: published.sort(), retired: [...lock.retired].sort((a, b) => (a.url < b.url ? -1 : 1)) };
}

export function formatUrlLock(lock: UrlLock): string {
  return `${JSON.stringify({ published: lock.published, retired: lock.retired }, null, 2)}\n`;
}
