/**
 * Distinct string types for the three kinds of "path" the garden handles, after Quartz: mixing them
 * up is the classic source of broken links, so the compiler keeps them apart.
 */

/** A note's path inside the vault, POSIX separators, with extension: `Folder/Note.md`. */
export type VaultPath = string & { readonly __brand: 'VaultPath' };

/** A published URL path, decoded, with a leading and a trailing slash: `/a/b/` (or `/`). */
export type SiteUrl = string & { readonly __brand: 'SiteUrl' };

export const asVaultPath = (path: string): VaultPath => path as VaultPath;
export const asSiteUrl = (url: string): SiteUrl => url as SiteUrl;

/** Something wrong with the input, reported against the file (and line) an author has to open. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });
