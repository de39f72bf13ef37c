/** What every Sätteri adapter needs: the note being rendered, its ancestors, and plain copies of its tree. */
import type { Parents } from 'mdast';
import type { MdastTarget, MdastVisitorContext } from 'satteri';
import type { LinkContext } from '../../lib/render/link-render.ts';
import type { VaultPath } from '../../lib/util/types.ts';
import { renderedNote } from '../link-context.ts';

/**
 * The vault context and the note a compile renders; undefined outside the vault, an error for a file
 * of the vault rendered without its context (link-context.ts).
 */
export function noteOf(fileURL: URL | undefined): { context: LinkContext; from: VaultPath } | undefined {
  return renderedNote(fileURL);
}

/**
 * A plain copy of a node Sätteri hands a plugin (its nodes carry arena references), for code that
 * changes a tree in place — the kept remark/rehype libraries — before the result is put back.
 */
export function plainCopy<T>(node: T): T {
  if (Array.isArray(node)) return node.map(plainCopy) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    if (!key.startsWith('_')) copy[key] = plainCopy((node as Record<string, unknown>)[key]);
  }
  return copy as T;
}

/** The ancestors of a node a visitor is given, nearest first, up to the root. */
export function ancestors(node: Readonly<MdastTarget>, ctx: MdastVisitorContext): Readonly<Parents>[] {
  const found: Readonly<Parents>[] = [];
  for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) found.push(parent);
  return found;
}
