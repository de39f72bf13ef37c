/**
 * Obsidian's embeds of files that are not images — `![[clip.mp4]]`, `![[sound.ogg]]`,
 * `![[paper.pdf#page=3]]` — as players and viewers that need no script. A file a published note
 * embeds or links is served at a stable URL below MEDIA_PREFIX (copied there by
 * src/integrations/media.ts); nothing else of the vault is. Images keep Astro's image pipeline.
 *
 * The Markdown adapters first write each such embed as a plain link `a.media-embed` (which the
 * untrusted-HTML sanitizer keeps), then, after the sanitizer, `mediaElement` makes the link the
 * player: only links to MEDIA_PREFIX URLs, which are files the vault check resolved.
 */
import type { Element, ElementContent, Root } from 'hast';

export type AttachmentKind = 'image' | 'video' | 'audio' | 'pdf' | 'file';

const KINDS: Record<string, AttachmentKind> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
  svg: 'image',
  bmp: 'image',
  ico: 'image',
  mp4: 'video',
  webm: 'video',
  mov: 'video',
  ogv: 'video',
  mp3: 'audio',
  ogg: 'audio',
  oga: 'audio',
  wav: 'audio',
  m4a: 'audio',
  flac: 'audio',
  pdf: 'pdf',
};

/** Every extension a wikilink may name as a file of the vault rather than a note. */
export const ATTACHMENT_EXTENSIONS = Object.keys(KINDS);

export function attachmentKind(path: string): AttachmentKind {
  return KINDS[/\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? ''] ?? 'file';
}

/** Where published files are served: below the site root, away from every note URL. */
export const MEDIA_PREFIX = '/_media/';

/** The URL a vault file is served at: its vault path, each segment percent-encoded. */
export function mediaUrl(path: string): string {
  return MEDIA_PREFIX + path.split('/').map(encodeURIComponent).join('/');
}

/** The vault path a media URL serves, or undefined for any other URL (or one that climbs out). */
export function mediaPath(url: string): string | undefined {
  if (!url.startsWith(MEDIA_PREFIX)) return undefined;
  try {
    const segments = url.slice(MEDIA_PREFIX.length).split(/[?#]/)[0]!.split('/').map(decodeURIComponent);
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\\0]/.test(segment))) {
      return undefined;
    }
    return segments.join('/');
  } catch {
    return undefined;
  }
}

/**
 * A file embed as the adapters first write it: a link to the file, labelled with the author's text
 * or the file name. Obsidian's `#page=3` and `#height=400` (PDF) and media fragments (`#t=10`) ride
 * on the URL; fragments Obsidian does not know are ignored.
 */
export function mediaEmbedLink(
  path: string,
  fragment: string | undefined,
  label: string | undefined,
): { url: string; label: string; className: string[] } {
  const name = path.split('/').pop() ?? path;
  const kind = attachmentKind(path);
  const known = (fragment ?? '')
    .split('&')
    .filter((part) => (kind === 'pdf' ? /^(page|height)=\d+$/ : /^t=[\d.,:]+$/).test(part));
  return {
    url: mediaUrl(path) + (known.length > 0 ? `#${known.join('&')}` : ''),
    label: label ?? name,
    className: ['media-embed'],
  };
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** How tall a PDF is shown unless `#height=` says otherwise, in CSS pixels (Obsidian's default). */
const PDF_HEIGHT = 800;

/**
 * What an `a.media-embed` link to a published file becomes: `<video controls>`, `<audio controls>`,
 * or a PDF viewer (a same-origin `<iframe>`, within the CSP) — each named for assistive technology
 * and followed by a plain link, for browsers that cannot play or show the file. Undefined for any
 * other element.
 */
export function mediaElement(node: Element): Element | undefined {
  if (node.tagName !== 'a' || !([] as unknown[]).concat(node.properties.className ?? []).includes('media-embed'))
    return undefined;
  const href = typeof node.properties.href === 'string' ? node.properties.href : '';
  const path = mediaPath(href);
  if (!path) return undefined;
  const kind = attachmentKind(path);
  const label =
    node.children.map((child) => (child.type === 'text' ? child.value : '')).join('') || (path.split('/').pop() ?? '');
  const [file, fragment = ''] = href.split('#') as [string, string | undefined];
  const params = new URLSearchParams(fragment);
  const download = element('a', { href: file, className: ['media-download'] }, [text(`Download ${label}`)]);
  if (kind === 'video' || kind === 'audio') {
    return element('span', { className: ['media', `media-${kind}`] }, [
      element(kind, { src: href, controls: true, preload: 'metadata', ariaLabel: label }, [download]),
    ]);
  }
  if (kind === 'pdf') {
    const page = params.get('page');
    const height = Number(params.get('height')) || PDF_HEIGHT;
    return element('span', { className: ['media', 'media-pdf'] }, [
      element('iframe', { src: page ? `${file}#page=${page}` : file, title: label, height: String(height), loading: 'lazy' }),
      download,
    ]);
  }
  return undefined;
}

/** Replaces every media link of a tree (the unified path; Sätteri visits elements itself). */
export function embedMediaTree(tree: Root): void {
  const visit = (parent: { children: Root['children'] }) => {
    parent.children = parent.children.map((child) => {
      if (child.type !== 'element') return child;
      const replacement = mediaElement(child);
      if (replacement) return replacement;
      visit(child);
      return child;
    });
  };
  visit(tree);
}
