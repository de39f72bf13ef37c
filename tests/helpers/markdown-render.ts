/**
 * Renders a vault's notes as the vault loader does — loaded, link context registered, each body made
 * renderable — with either Markdown processor, without an Astro build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { renderableBody } from '../../src/lib/note/note.ts';
import type { VaultPath } from '../../src/lib/util/types.ts';
import { listVaultFiles } from '../../src/lib/vault/files.ts';
import { isBibliographyPath, type BibliographyFile } from '../../src/lib/vault/bibliography.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { createLinkContext, setLinkContext } from '../../src/markdown/link-context.ts';
import { markdownProcessor, type MarkdownProcessorName } from '../../src/markdown/processor.ts';

export interface RenderableNote {
  vaultPath: string;
  markdown: string;
  fileURL: URL;
}

/** Loads a vault and registers its link context; returns its published `.md` notes, ready to render. */
export async function loadRenderableVault(root: string): Promise<RenderableNote[]> {
  const { notes: paths, attachments } = listVaultFiles(root);
  const read = (path: string) => readFile(join(root, path), 'utf8');
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await read(path) })));
  const bibliography = await Promise.all(
    attachments.filter(isBibliographyPath).map(async (path) => ({ path, text: await read(path) })),
  );
  return loadRenderableFiles(root, files, attachments, bibliography);
}

/** The same for notes given as texts, as if they were files below `root`. */
export function loadRenderableFiles(
  root: string,
  files: readonly { path: VaultPath; text: string }[],
  attachments: readonly string[] = [],
  bibliography: readonly BibliographyFile[] = [],
): RenderableNote[] {
  const vault = loadVault(files, { attachments, brokenLinks: 'warn', bibliography });
  setLinkContext(createLinkContext(root, vault.links, vault.notes));
  return vault.notes
    .filter(({ note }) => note.format !== 'mdx')
    .map(({ note, body, bodyLine }) => ({
      vaultPath: note.vaultPath,
      markdown: renderableBody(body, bodyLine),
      fileURL: pathToFileURL(join(root, note.vaultPath)),
    }));
}

/** A renderer as Astro creates it for `markdown.processor`, with the site's Markdown settings. */
export function createRenderer(name: MarkdownProcessorName): Promise<MarkdownRenderer> {
  return markdownProcessor(name).createRenderer({ ...markdownConfigDefaults, syntaxHighlight: false });
}
