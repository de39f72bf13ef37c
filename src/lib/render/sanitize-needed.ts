/**
 * Which notes need their HTML sanitized (src/markdown/rehype-safe-html.ts). Sanitizing parses the whole
 * tree again and, under Sätteri, copies it out of the parser and back: most of a note's render time.
 * A note needs it when its Markdown holds what the sanitizer would change: raw HTML, a URL with a
 * scheme the site refuses, footnotes (whose markup the sanitizer rewrites) or task-list checkboxes
 * (which it labels). Anything else is Markdown the parser and the site's own plugins built, already in
 * the safe subset: sanitizing it changes nothing, and a test over every fixture holds both paths to the
 * same HTML. Read from the mdast, so both processors decide the same way on the same nodes.
 */

/** The schemes a link, an image or a citation may use (relative URLs are always allowed). */
export const SAFE_PROTOCOLS = {
  href: ['http', 'https', 'mailto'],
  src: ['http', 'https'],
  cite: ['http', 'https'],
} as const;

/**
 * Whether a URL keeps its value under the sanitizer's protocol rule (hast-util-sanitize's own test):
 * a colon before any `/`, `?` or `#` starts a scheme, which must be one of the allowed.
 */
export function isSafeUrl(url: string, allowed: readonly string[]): boolean {
  const colon = url.indexOf(':');
  if (colon === -1) return true;
  for (const mark of ['/', '?', '#']) {
    const at = url.indexOf(mark);
    if (at !== -1 && at < colon) return true;
  }
  return allowed.includes(url.slice(0, colon).toLowerCase());
}

/** The mdast node types that make a note need sanitizing, or that carry a URL to check. */
export const SANITIZE_NODE_TYPES = [
  'html',
  'footnoteReference',
  'footnoteDefinition',
  'listItem',
  'link',
  'image',
  'definition',
] as const;

/** Whether one mdast node makes its note need sanitizing. */
export function needsSanitizing(node: { type: string; url?: string; checked?: boolean | null }): boolean {
  switch (node.type) {
    case 'html':
    case 'footnoteReference':
    case 'footnoteDefinition':
      return true;
    case 'listItem':
      return typeof node.checked === 'boolean';
    // A definition may serve an image (`![x][ref]`) as well as a link: it must suit both.
    case 'image':
    case 'definition':
      return !isSafeUrl(node.url ?? '', SAFE_PROTOCOLS.src);
    case 'link':
      return !isSafeUrl(node.url ?? '', SAFE_PROTOCOLS.href);
    default:
      return false;
  }
}
