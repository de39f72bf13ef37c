/**
 * Obsidian links in a note body become what a reader can follow, as the vault check resolved them
 * (src/lib/links.ts): `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`, `[[#Heading]]`, links by alias,
 * Markdown links to notes by path, and `![[image.png|300]]`. A link to an unpublished or missing note
 * is plain text — no href, nothing of the target. Every link to a note carries its preview (title
 * and summary) as data attributes, built here at compile time.
 */
import type { PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { parseWikilink, type LinkOutcome } from '../lib/links.ts';
import { previewProperties } from '../lib/preview.ts';
import { markdownNoteHref, wikiLinkAlias } from '../lib/scan.ts';
import type { VaultPath } from '../lib/types.ts';
import { hrefForUrl } from '../lib/url.ts';
import { getLinkContext, vaultPathOf, type LinkContext } from './link-context.ts';

interface LinkLikeNode {
  type: string;
  value?: string;
  url?: string;
  children?: PhrasingContent[];
  data?: { alias?: string; embeddedFrom?: VaultPath; hProperties?: Record<string, unknown> };
}

export default function remarkWikilinks() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const context = getLinkContext();
    const from = context && vaultPathOf(context, file);
    if (!context || !from) return;
    visit(tree, (node, index, parent) => {
      const current = node as unknown as LinkLikeNode;
      if (!parent || index === undefined) return undefined;
      const source = current.data?.embeddedFrom ?? from;
      if (current.type === 'wikiLink' || current.type === 'embed') {
        const replacement = renderWikilink(current, source, context);
        parent.children.splice(index, 1, replacement as never);
        return [SKIP, index + 1];
      }
      if (current.type === 'link' && current.url) {
        const href = markdownNoteHref(current.url);
        if (!href) return undefined;
        const outcome = context.links.resolve(source, {
          target: href.path,
          ...(href.heading ? { heading: href.heading } : {}),
          embed: false,
          syntax: 'markdown',
        });
        if (outcome.kind === 'note') {
          current.url = noteHref(outcome);
          current.data = { ...current.data, hProperties: { ...current.data?.hProperties, ...linkProperties(outcome, context) } };
          return undefined;
        }
        parent.children.splice(index, 1, ...((current.children ?? []) as never[]));
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

function noteHref(outcome: Extract<LinkOutcome, { kind: 'note' }>): string {
  return hrefForUrl(outcome.url as never) + (outcome.fragment ? `#${outcome.fragment}` : '');
}

function linkProperties(outcome: Extract<LinkOutcome, { kind: 'note' }>, context: LinkContext): Record<string, unknown> {
  const target = context.notes.get(outcome.note)?.note;
  return { className: ['internal-link'], ...(target ? previewProperties(target) : {}) };
}

function renderWikilink(node: LinkLikeNode, source: VaultPath, context: LinkContext): PhrasingContent {
  const alias = wikiLinkAlias(node);
  const written = parseWikilink(`[[${node.value ?? ''}${alias ? `|${alias}` : ''}]]`);
  const target = written.target.replace(/\\$/, '');
  const embed = node.type === 'embed';
  const outcome = context.links.resolve(source, {
    target,
    ...(written.heading ? { heading: written.heading } : {}),
    embed,
    syntax: 'wikilink',
  });
  // As Obsidian shows it: the label, else the note's name (not its folders), then the heading.
  const name = target.split('/').pop() ?? '';
  const shown = written.label ?? (name ? (written.heading ? `${name} › ${written.heading}` : name) : (written.heading ?? ''));

  if (outcome.kind === 'attachment') {
    const [width, height] = (written.label ?? '').split('x').map((part) => (/^\d+$/.test(part) ? part : undefined));
    const fromFolder = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    return {
      type: 'image',
      url: relativeUrl(fromFolder, outcome.path),
      alt: width ? target.replace(/\.[^.]+$/, '') : (written.label ?? target.replace(/\.[^.]+$/, '')),
      data: { hProperties: { ...(width ? { width } : {}), ...(height ? { height } : {}) } },
    };
  }
  if (outcome.kind === 'note') {
    // An embed that was not expanded (too deep) is shown as a link to the note.
    return {
      type: 'link',
      url: noteHref(outcome),
      children: [
        { type: 'text', value: embed && !written.label ? (context.notes.get(outcome.note)?.note.title ?? shown) : shown },
      ],
      data: { hProperties: linkProperties(outcome, context) },
    };
  }
  // Unpublished, missing or broken: plain text, as written, and nothing of the target.
  return { type: 'text', value: embed ? '' : shown };
}

/** A `./`-relative URL from one vault folder to a vault file, segments percent-encoded. */
function relativeUrl(fromFolder: string, path: string): string {
  const from = fromFolder ? fromFolder.split('/') : [];
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  const rest = to.slice(common);
  return [up.length > 0 ? up.join('/') : '.', ...rest.map(encodeURIComponent)].join('/');
}
