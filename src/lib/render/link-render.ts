/**
 * Obsidian links as a reader follows them, built as mdast nodes from what the vault check resolved
 * (src/lib/syntax/links.ts): shared by the remark and the Sätteri adapters, which only place the nodes.
 * A link to an unpublished or missing note is plain text — no href, nothing of the target. Every
 * link to a note carries its preview (title and summary) as data attributes.
 */
import type { PhrasingContent } from 'mdast';
import { isBlockReference } from '../syntax/blocks.ts';
import { parseWikilink, type LinkOutcome, type VaultLinks } from '../syntax/links.ts';
import { attachmentKind, mediaEmbedLink, mediaUrl } from './media.ts';
import type { NoteData, TermNote } from '../note/note-data.ts';
import { previewProperties } from './preview.ts';
import { markdownHref } from '../syntax/parse.ts';
import { wikiLinkAlias } from '../syntax/reader-text.ts';
import type { TermMatcher } from '../syntax/terms.ts';
import type { VaultPath } from '../util/types.ts';
import { hrefForUrl } from '../site/url.ts';
import { folderOf } from '../vault/files.ts';

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
  return hrefForUrl(outcome.url) + (outcome.fragment ? `#${outcome.fragment}` : '');
}

export function linkProperties(outcome: Extract<LinkOutcome, { kind: 'note' }>, context: LinkContext): Record<string, unknown> {
  const target = context.notes.get(outcome.note)?.note;
  return { className: ['internal-link'], ...(target ? previewProperties(target) : {}) };
}

/**
 * A Markdown link to a file of the vault, `[text](Folder/Note.md)` or `[text](paper.pdf)`: `undefined`
 * when it names no such file (a web address, a site path: left as it is), `{ url, hProperties }` for
 * a published note or a file the site publishes, `'text'` when only its text may stay.
 */
export function markdownLinkTarget(
  url: string,
  source: VaultPath,
  context: LinkContext,
): { url: string; hProperties: Record<string, unknown> } | 'text' | undefined {
  const href = markdownHref(url, 'link');
  if (!href) return undefined;
  const outcome = context.links.resolve(source, {
    target: href.path,
    ...(href.heading ? { heading: href.heading } : {}),
    embed: false,
    syntax: 'markdown',
  });
  if (outcome.kind === 'note') return { url: noteHref(outcome), hProperties: linkProperties(outcome, context) };
  if (outcome.kind === 'attachment') return { url: mediaUrl(outcome.path), hProperties: {} };
  return 'text';
}

/** A Markdown image as the parser gives it: `![alt](url "title")`, or `![alt][label]` with its definition's. */
export interface MarkdownImage {
  url: string;
  alt?: string | null;
  title?: string | null;
}

/**
 * What a Markdown image `![alt](map.png)` shows, resolved as `![[map.png]]` is: an image of the vault
 * for Astro's image pipeline, a player or viewer for other files, a link for a note, and its alt text
 * when it names nothing the site publishes (outside the vault, behind a symlink, missing). `undefined`
 * for a web image (`https:`, `data:`), left as written. `page` is the note being rendered, which the
 * image's URL is relative to; `source` the one that wrote it (they differ in an embedded note).
 */
export function markdownImageReplacement(
  image: MarkdownImage,
  source: VaultPath,
  context: LinkContext,
  page: VaultPath = source,
): PhrasingContent | undefined {
  const href = markdownHref(image.url, 'image');
  if (!href) return undefined;
  const outcome = context.links.resolve(source, {
    target: href.path,
    ...(href.heading ? { heading: href.heading } : {}),
    embed: true,
    syntax: 'markdown',
  });
  const alt = image.alt ?? '';
  if (outcome.kind === 'attachment') {
    return attachmentContent(outcome.path, page, {
      embed: true,
      ...(href.heading ? { fragment: href.heading } : {}),
      ...(alt ? { label: alt } : {}),
      alt,
      ...(image.title ? { title: image.title } : {}),
    });
  }
  if (outcome.kind === 'note') {
    return {
      type: 'link',
      url: noteHref(outcome),
      children: [{ type: 'text', value: alt || (context.notes.get(outcome.note)?.note.title ?? href.path) }],
      data: { hProperties: linkProperties(outcome, context) },
    };
  }
  return { type: 'text', value: alt };
}

/**
 * A file of the vault in a page: an embedded image as a `./`-relative image (from the page's folder)
 * for Astro's image pipeline; any other file as a link to its media URL, which an embed makes a
 * player or viewer (src/lib/render/media.ts).
 */
function attachmentContent(
  path: string,
  page: VaultPath,
  shown: { embed: boolean; fragment?: string; label?: string; alt: string; title?: string; width?: string; height?: string },
): PhrasingContent {
  if (!shown.embed || attachmentKind(path) !== 'image') {
    const link = mediaEmbedLink(path, shown.fragment, shown.label);
    return {
      type: 'link',
      url: shown.embed ? link.url : mediaUrl(path),
      children: [{ type: 'text', value: link.label }],
      data: { hProperties: shown.embed ? { className: link.className } : {} },
    };
  }
  return {
    type: 'image',
    url: relativeUrl(folderOf(page), path),
    alt: shown.alt,
    ...(shown.title ? { title: shown.title } : {}),
    // Numbers, as HTML's parser gives `width` and `height`: the page is the same whether or not raw HTML was parsed.
    data: {
      hProperties: {
        ...(shown.width ? { width: Number(shown.width) } : {}),
        ...(shown.height ? { height: Number(shown.height) } : {}),
      },
    },
  };
}

/**
 * What a `[[wikilink]]` or an embed that is not expanded in place shows. `source` is the note that
 * wrote it, `page` the note being rendered (they differ in an embedded note).
 */
export function wikilinkReplacement(
  node: WikilinkNode,
  source: VaultPath,
  context: LinkContext,
  page: VaultPath = source,
): PhrasingContent {
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

  if (outcome.kind === 'attachment') {
    // A size (`|300`, `|300x200`) is no label: a player or viewer is named by the file then, an image by its name.
    const size = /^(\d+)(?:x(\d+))?$/.exec(written.label ?? '');
    const name = target.replace(/\.[^.]+$/, '');
    return attachmentContent(outcome.path, page, {
      embed,
      ...(written.heading ? { fragment: written.heading } : {}),
      ...(written.label && !size ? { label: written.label } : {}),
      alt: size ? name : (written.label ?? name),
      ...(size?.[1] ? { width: size[1] } : {}),
      ...(size?.[2] ? { height: size[2] } : {}),
    });
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
