/**
 * Obsidian links as a reader follows them, built as mdast nodes from what the vault check resolved
 * (src/lib/links.ts): shared by the remark and the Sätteri adapters, which only place the nodes.
 * A link to an unpublished or missing note is plain text — no href, nothing of the target. Every
 * link to a note carries its preview (title and summary) as data attributes.
 */
import type { PhrasingContent } from 'mdast';
import { isBlockReference } from './blocks.ts';
import { parseWikilink, type LinkOutcome, type VaultLinks } from './links.ts';
import { attachmentKind, mediaEmbedLink, mediaUrl } from './media.ts';
import type { NoteData, TermNote } from './note.ts';
import { previewProperties } from './preview.ts';
import { markdownNoteHref, wikiLinkAlias } from './scan.ts';
import type { TermMatcher } from './terms.ts';
import type { VaultPath } from './types.ts';
import { hrefForUrl } from './url.ts';

/** What rendering one note needs to know of the whole vault (registered by the vault loader). */
export interface LinkContext {
  /** The vault folder, absolute. */
  root: string;
  links: VaultLinks;
  notes: ReadonlyMap<VaultPath, { note: NoteData; body: string }>;
  /** The glossary's names, compiled once, for the first-mention links of briefs. */
  termMatcher: TermMatcher<TermNote>;
}

/** A `wikiLink` or `embed` node as the wikilink syntax gives it (`value`, `data.alias`). */
export interface WikilinkNode {
  type: string;
  value?: string;
  data?: { alias?: string; embeddedFrom?: VaultPath; hProperties?: Record<string, unknown> };
}

export function noteHref(outcome: Extract<LinkOutcome, { kind: 'note' }>): string {
  return hrefForUrl(outcome.url as never) + (outcome.fragment ? `#${outcome.fragment}` : '');
}

export function linkProperties(outcome: Extract<LinkOutcome, { kind: 'note' }>, context: LinkContext): Record<string, unknown> {
  const target = context.notes.get(outcome.note)?.note;
  return { className: ['internal-link'], ...(target ? previewProperties(target) : {}) };
}

/**
 * A Markdown link `[text](Folder/Note.md)`: `undefined` when it is no link to a note (left as it is),
 * `{ url, hProperties }` for a published note, `'text'` when only its text may stay.
 */
export function markdownLinkTarget(
  url: string,
  source: VaultPath,
  context: LinkContext,
): { url: string; hProperties: Record<string, unknown> } | 'text' | undefined {
  const href = markdownNoteHref(url);
  if (!href) return undefined;
  const outcome = context.links.resolve(source, {
    target: href.path,
    ...(href.heading ? { heading: href.heading } : {}),
    embed: false,
    syntax: 'markdown',
  });
  return outcome.kind === 'note' ? { url: noteHref(outcome), hProperties: linkProperties(outcome, context) } : 'text';
}

/** What a `[[wikilink]]` or an embed that is not expanded in place shows. */
export function wikilinkReplacement(node: WikilinkNode, source: VaultPath, context: LinkContext): PhrasingContent {
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
  // A block reference's id (`^virgin-lands`) is no words for a reader: the note's name stands for it.
  const heading = isBlockReference(written.heading) ? undefined : written.heading;
  const ownTitle = outcome.kind === 'note' ? context.notes.get(outcome.note)?.note.title : undefined;
  const shown = written.label ?? (name ? (heading ? `${name} › ${heading}` : name) : (heading ?? ownTitle ?? ''));

  if (outcome.kind === 'attachment' && (!embed || attachmentKind(outcome.path) !== 'image')) {
    // A size (`|300`) is no label; a player or viewer is named by the file otherwise.
    const label = written.label && !/^\d+(x\d+)?$/.test(written.label) ? written.label : undefined;
    const link = mediaEmbedLink(outcome.path, written.heading, label);
    return {
      type: 'link',
      url: embed ? link.url : mediaUrl(outcome.path),
      children: [{ type: 'text', value: link.label }],
      data: { hProperties: embed ? { className: link.className } : {} },
    };
  }
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
