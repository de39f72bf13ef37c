/**
 * Marks a note that needs sanitizing (src/lib/render/sanitize-needed.ts) for safe-html.ts, from its
 * mdast after every other plugin, embedded notes included. Visiting only the node types that matter
 * keeps the rest of the tree in Sätteri's arena.
 */
import type { MdastPluginDefinition } from 'satteri';
import { needsSanitizing } from '../../lib/render/sanitize-needed.ts';
import { SANITIZE_FLAG } from '../rehype-safe-html.ts';

type Visitor = (node: Parameters<typeof needsSanitizing>[0], ctx: { data: Record<string, unknown> }) => void;
const scout: Visitor = (node, ctx) => {
  if (!ctx.data[SANITIZE_FLAG] && needsSanitizing(node)) ctx.data[SANITIZE_FLAG] = true;
};

export const sanitizeScoutPlugin: MdastPluginDefinition = {
  name: 'garden-sanitize-scout',
  html: scout,
  footnoteReference: scout,
  footnoteDefinition: scout,
  listItem: scout,
  link: scout,
  image: scout,
  definition: scout,
};
