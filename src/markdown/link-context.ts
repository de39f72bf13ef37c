/**
 * What the Markdown plugins need to know of the whole vault while one note renders: how its links
 * resolve, the notes they point to, the ids its headings may not take. The vault loader builds it
 * once per load and registers it here; it lives on globalThis because Astro loads the config (where
 * the plugins are) and the content loader as separate module graphs in one process.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { glossaryNames } from '../lib/garden-terms.ts';
import type { LinkContext } from '../lib/link-render.ts';
import type { VaultLinks } from '../lib/links.ts';
import type { NoteData } from '../lib/note.ts';
import { createTermMatcher } from '../lib/terms.ts';
import type { VaultPath } from '../lib/types.ts';

export type { LinkContext };

const KEY = Symbol.for('study-garden.link-context');
type WithContext = typeof globalThis & { [KEY]?: LinkContext };

export function setLinkContext(context: LinkContext): void {
  (globalThis as WithContext)[KEY] = context;
}

export function getLinkContext(): LinkContext | undefined {
  return (globalThis as WithContext)[KEY];
}

/** The vault path of the file a plugin is processing, if it is a note of the current vault. */
export function vaultPathOf(context: LinkContext, file: { path?: string; history?: string[] }): VaultPath | undefined {
  const path = file.path ?? file.history?.[0];
  if (!path) return undefined;
  const absolute = path.startsWith('file:') ? fileURLToPath(path) : path;
  const inVault = relative(context.root, absolute).split('\\').join('/');
  return context.notes.has(inVault as VaultPath) ? (inVault as VaultPath) : undefined;
}

/**
 * What the Markdown plugins need of the whole vault while one note renders: built by the loader and,
 * from the same plain data, by each render worker.
 */
export function createLinkContext(
  root: string,
  links: VaultLinks,
  notes: readonly { note: NoteData; body: string }[],
): LinkContext {
  return {
    root,
    links,
    notes: new Map(notes.map(({ note, body }) => [note.vaultPath, { note, body }])),
    termMatcher: createTermMatcher(glossaryNames(notes.map((entry) => entry.note))),
  };
}
