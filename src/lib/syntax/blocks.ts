/**
 * Obsidian block references: a `^block-id` at the end of a paragraph or list item names that block;
 * on a line of its own after a quote, callout, list or table (Obsidian asks for a blank line before
 * it) it names the block above. The marker is never shown; the block gets the anchor `id="^block-id"`,
 * which `[[Note#^block-id]]` links to and `![[Note#^block-id]]` embeds. Applied to mdast, so the
 * vault scan and both Markdown adapters read the same ids from the same rule.
 */
import type { Paragraph, Parent, RootContent, Table } from 'mdast';

/** Obsidian's block ids: Latin letters, digits and dashes. */
const MARKER_AT_END = /(^|\s)\^([A-Za-z0-9-]+)\s*$/;
const MARKER_ALONE = /^\^([A-Za-z0-9-]+)$/;

export function isBlockReference(fragment: string | undefined): boolean {
  return fragment !== undefined && fragment.startsWith('^');
}

/** The page id of a block: its reference as written, caret included (no heading slug has one). */
export function blockAnchor(id: string): string {
  return `^${id}`;
}

/**
 * Takes every block marker out of a tree and returns the blocks they name, by id (the first block
 * of an id wins, as in Obsidian). With `anchors`, each named block also gets its `id`; embedded copies
 * of another note's blocks take none, so a page never holds one id twice.
 */
export function applyBlockIds(tree: Parent, options: { anchors: boolean }): Map<string, RootContent> {
  const blocks = new Map<string, RootContent>();
  const name = (node: RootContent, id: string) => {
    if (blocks.has(id)) return;
    blocks.set(id, node);
    if (!options.anchors) return;
    const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
    node.data = { ...data, hProperties: { ...data.hProperties, id: blockAnchor(id) } };
  };
  const visit = (parent: Parent) => {
    const kept: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'paragraph') {
        const alone = markerAlone(child);
        if (alone !== undefined) {
          // `^id` on a line of its own names the block above it, or the list item or quote it ends.
          const previous = kept[kept.length - 1];
          if (previous) name(previous, alone);
          else if (parent.type !== 'root') name(parent as RootContent, alone);
          continue;
        }
        const id = takeMarker(child);
        if (id !== undefined) {
          const first = kept.length === 0;
          // A list item's first line names the item; a quote's (or callout's) last line names the quote.
          const owner =
            parent.type === 'listItem' && first
              ? parent
              : parent.type === 'blockquote' && child === parent.children[parent.children.length - 1]
                ? parent
                : child;
          name(owner as RootContent, id);
        }
      } else if (child.type === 'table') {
        const id = takeTableMarker(child);
        if (id !== undefined) name(child, id);
      }
      if ('children' in child && !INLINE_CONTAINERS.has(child.type)) visit(child);
      kept.push(child);
    }
    parent.children = kept;
  };
  visit(tree);
  return blocks;
}

/** Nodes whose children are inline content or table rows: no blocks, no markers of their own. */
const INLINE_CONTAINERS = new Set(['paragraph', 'heading', 'table', 'tableRow', 'tableCell', 'link', 'linkReference']);

/** The id of a paragraph that is nothing but `^id`. */
function markerAlone(paragraph: Paragraph): string | undefined {
  const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
  return only?.type === 'text' ? MARKER_ALONE.exec(only.value.trim())?.[1] : undefined;
}

/** Takes a trailing ` ^id` off a paragraph's last text; its id. */
function takeMarker(paragraph: Paragraph): string | undefined {
  const last = paragraph.children[paragraph.children.length - 1];
  if (last?.type !== 'text') return undefined;
  const match = MARKER_AT_END.exec(last.value);
  if (!match) return undefined;
  const rest = last.value.slice(0, match.index).replace(/\s+$/, '');
  if (rest === '' && paragraph.children.length === 1) return undefined;
  if (rest === '') paragraph.children.pop();
  else last.value = rest;
  return match[2];
}

/** A table's last row holding only `^id` (the line under a table without the blank line Obsidian asks for). */
function takeTableMarker(table: Table): string | undefined {
  const row = table.children[table.children.length - 1];
  if (!row || table.children.length < 2) return undefined;
  const [first, ...rest] = row.children;
  const only = first?.children.length === 1 ? first.children[0] : undefined;
  const id = only?.type === 'text' ? MARKER_ALONE.exec(only.value.trim())?.[1] : undefined;
  if (id === undefined || rest.some((cell) => cell.children.length > 0)) return undefined;
  table.children.pop();
  return id;
}
