/**
 * Raw HTML in `.md` notes cut down to the site's safe subset, with the same code and schema as the
 * remark path (../rehype-safe-html.ts): the whole tree is parsed and sanitized on a plain copy,
 * before the site adds its own trusted markup. `.mdx` notes are trusted code and left alone.
 */
import type { HastPluginDefinition } from 'satteri';
import { safeHtml, sanitizes } from '../rehype-safe-html.ts';
import { plainCopy } from './shared.ts';

export const safeHtmlPlugin: HastPluginDefinition = {
  name: 'garden-safe-html',
  before(root, ctx) {
    if (ctx.sourceFormat === 'mdx' || /\.mdx$/i.test(ctx.fileURL?.pathname ?? '')) return;
    // A note the scout did not mark is already in the safe subset (src/lib/render/sanitize-needed.ts).
    if (!sanitizes(ctx.data)) return;
    ctx.replaceNode(root, safeHtml(plainCopy(root)));
  },
};
