/** The vault's files as sorted vault paths: which are notes, which are attachments, which Obsidian keeps for itself. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { uncheckedVaultPath, type VaultPath } from '../util/types.ts';

/** Folders and files Obsidian keeps for itself, or that are not notes (DESIGN §1). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isNotePath(path: string): boolean {
  return /\.mdx?$/i.test(path) && !path.split('/').some(isIgnoredName);
}

/**
 * Every file under the vault root, as sorted vault paths (sorted: same input, same output): the notes,
 * and the attachments beside them (published only when a published note embeds them).
 */
export function listVaultFiles(root: string): { notes: VaultPath[]; attachments: string[] } {
  const notes: VaultPath[] = [];
  const attachments: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (isIgnoredName(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile() && isNotePath(path)) notes.push(uncheckedVaultPath(path));
      else if (entry.isFile()) attachments.push(path);
    }
  };
  walk(root, '');
  return { notes: notes.sort(compareCodePoints), attachments: attachments.sort(compareCodePoints) };
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}
