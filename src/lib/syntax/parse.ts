/** Markdown parsed as the site reads it (GFM, wikilinks, math), and where its links and images point. */
import { syntax as wikiLinkSyntax, fromMarkdown as wikiLinkFromMarkdown } from '@flowershow/remark-wiki-link';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';

/** Markdown to mdast with the site's syntax (GFM, wikilinks as `wikiLink`/`embed` nodes, math). */
export type MarkdownParser = (markdown: string) => Root;

/** The mdast of a note body with the site's syntax extensions (micromark: the reference parser). */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), wikiLinkSyntax(), math()],
    mdastExtensions: [gfmFromMarkdown(), wikiLinkFromMarkdown(), mathFromMarkdown()],
  });
}
const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\/|^#|^\//i;
const HAS_EXTENSION = /\.[^./]+$/;

/**
 * A Markdown link's or image's destination as a path in the vault (`../Other%20Note.md` →
 * `../Other Note.md`, `#fragment` apart), or undefined when it names no file of the vault: a web
 * address (`https:`, `data:`, any scheme), a path of the site (`/tags/`) or an anchor. A link names a
 * file only with an extension (`[x](Note.md)`, `[x](paper.pdf)`); an image always does.
 */
export function markdownHref(url: string, kind: 'link' | 'image'): { path: string; heading?: string } | undefined {
  if (EXTERNAL.test(url)) return undefined;
  const hash = url.indexOf('#');
  const path = decodeURIComponentSafe(hash === -1 ? url : url.slice(0, hash));
  const fragment = hash === -1 ? '' : url.slice(hash + 1);
  if (path.trim() === '' || (kind === 'link' && !HAS_EXTENSION.test(path))) return undefined;
  return { path, ...(fragment ? { heading: decodeURIComponentSafe(fragment) } : {}) };
}

/** The `[label]: url` definitions of a tree, by identifier, for `![alt][label]` and `[text][label]`. */
export function definitionsOf(tree: unknown): Map<string, { url: string; title?: string }> {
  const found = new Map<string, { url: string; title?: string }>();
  const visit = (node: unknown) => {
    const current = node as { type?: string; identifier?: string; url?: string; title?: string | null; children?: unknown[] };
    // The first definition of a label wins, as CommonMark says.
    if (current.type === 'definition' && current.identifier && !found.has(current.identifier.toLowerCase())) {
      found.set(current.identifier.toLowerCase(), { url: current.url ?? '', ...(current.title ? { title: current.title } : {}) });
    }
    for (const child of current.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
