/** What Sätteri adapters share: a node's ancestors, and plain copies of its tree (the note being rendered: link-context.ts). */
import type { Parents } from 'mdast';
import type { MdastTarget, MdastVisitorContext } from 'satteri';

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
