/**
 * What the Markdown plugins need to know of the whole vault while one note renders: how its links
 * resolve, the notes they point to, the ids its headings may not take.
 *
 * The one process-wide handoff of the site, and why: Astro loads the config (where the Markdown
 * processor and its plugins are built) and the content loader (which builds the vault's context) as
 * separate module graphs in one process, and the plugins are called by Astro's renderer, not by the
 * loader, so nothing can pass the context to them as an argument. The garden integration declares
 * the vault's folder when the config is set up, the loader (and each render worker) registers the
 * context once the vault is checked, and `renderedNote` is the only reader: a file of the vault
 * rendered without its context is an error naming the file, never a page with its links left as
 * written; a file outside the vault is explicitly left alone.
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, sep } from 'node:path';
import { glossaryNames } from '../lib/note/glossary.ts';
import type { LinkContext } from '../lib/render/link-render.ts';
import type { VaultLinks } from '../lib/syntax/links.ts';
import type { NoteData } from '../lib/note/note-data.ts';
import { createTermMatcher } from '../lib/syntax/terms.ts';
import type { VaultPath } from '../lib/util/types.ts';

export type { LinkContext };

const KEY = Symbol.for('study-garden.link-context');
interface Handoff {
  /** The vault's folder, declared by the integration before anything renders. */
  root?: string;
  context?: LinkContext;
}
type WithHandoff = typeof globalThis & { [KEY]?: Handoff };

function handoff(): Handoff {
  return ((globalThis as WithHandoff)[KEY] ??= {});
}

/** The vault's folder (absolute): a Markdown file below it is a note, and renders only with the vault's context. */
export function declareVaultRoot(root: string): void {
  handoff().root = root;
}

export function setLinkContext(context: LinkContext): void {
  const current = handoff();
  current.root = context.root;
  current.context = context;
}

/** A file being rendered: unified's VFile (`path`, `history`) or Sätteri's `fileURL`. */
export type RenderedFile = { path?: string; history?: string[] } | URL | undefined;

function absolutePathOf(file: RenderedFile): string | undefined {
  const path = file instanceof URL ? file.href : (file?.path ?? file?.history?.[0]);
  if (!path) return undefined;
  return path.startsWith('file:') ? fileURLToPath(path) : path;
}

/**
 * The note a Markdown plugin is rendering, with the vault's context; undefined for Markdown that is
 * not a file of the vault (a page of the site's own, a string without a file), which the plugins
 * leave alone. A file of the vault without the context, or one that is not a published note of it,
 * is an error that names it.
 */
export function renderedNote(file: RenderedFile): { context: LinkContext; from: VaultPath } | undefined {
  const { root, context } = handoff();
  const absolute = absolutePathOf(file);
  if (!root || !absolute) return undefined;
  const inVault = relative(root, absolute).split(sep).join('/');
  if (inVault.startsWith('../') || inVault === '..' || isAbsolute(inVault)) return undefined;
  if (!context)
    throw new Error(
      `${absolute}: rendered without the vault's link context (the vault loader registers it before any note renders)`,
    );
  const from = inVault as VaultPath;
  if (!context.notes.has(from)) throw new Error(`${absolute}: rendered as a note, but it is not a published note of the vault`);
  return { context, from };
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
