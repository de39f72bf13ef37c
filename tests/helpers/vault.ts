/** A small vault in memory for unit tests, and what rendering needs of it (the Markdown plugins' LinkContext). */
import type { LinkContext } from '../../src/lib/render/link-render.ts';
import { buildGarden, type Garden } from '../../src/lib/site/garden.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { formatProblems } from '../../src/lib/vault/problems.ts';
import { loadVault } from '../../src/lib/vault/vault.ts';
import { type LoadOptions } from '../../src/lib/vault/read.ts';
import { createLinkContext } from '../../src/markdown/link-context.ts';

export const note = (path: string, frontmatter = '', body = 'Body.') => ({
  path: vaultPath(path),
  text: `---\ndg-publish: true\n${frontmatter}\n---\n${body}\n`,
});

export const draft = (path: string, body = 'Secret.') => ({ path: vaultPath(path), text: `---\ntitle: Draft\n---\n${body}\n` });

/** The link context of a vault with no problems (broken links are warnings, so tests may write them). */
export function linkContextOf(files: ReturnType<typeof note>[], options: LoadOptions = {}): LinkContext {
  const vault = loadVault(files, { brokenLinks: 'warn', ...options });
  if (vault.problems.length > 0) throw new Error(formatProblems(vault.problems));
  return createLinkContext('/vault', vault.links, vault.notes);
}

/** The garden model of a vault with no problems. */
export function gardenOf(...files: ReturnType<typeof note>[]): Garden {
  const vault = loadVault(files);
  if (vault.problems.length > 0) throw new Error(formatProblems(vault.problems));
  return buildGarden(vault.notes.map((entry) => entry.note));
}
