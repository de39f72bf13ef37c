/**
 * One `##` section of a note's rendered HTML, for its section embed (src/lib/site/embed-urls.ts): the
 * heading with the given id and what follows it at its own level, up to the next `#`/`##` heading or
 * the end of the block that holds it.
 *
 * The HTML is cut, not parsed and written again: Astro's image placeholders (`__ASTRO_IMAGE_="…"`),
 * which `render()` turns into images, are case-sensitive attributes that an HTML parser lower-cases.
 * The bodies are the site's own serialized HTML (sanitized, text and attributes escaped), so a scan of
 * its tags that knows void elements, comments and raw text is enough.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

// A comment, or a start or end tag with its attributes (quoted values may hold `>`).
const TOKEN =
  /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

const idOf = (attributes: string): string | undefined =>
  /\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i
    .exec(attributes)
    ?.slice(1)
    .find((value) => value !== undefined);

const decode = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const FOOTNOTES = /\sdata-footnotes(?:[\s=]|$)/i;

/**
 * The section under the `h2` with id `id`, as HTML cut from `html`, and the note's footnotes after it
 * when it refers to one (GFM puts them all at the end of the note); undefined when there is no such heading.
 */
export function sectionHtml(html: string, id: string): string | undefined {
  const section = cutSection(html, id);
  if (section === undefined || !/\sdata-footnote-ref[\s=>]/.test(section)) return section;
  return section + (footnotesHtml(html) ?? '');
}

/** The note's footnotes block (`<section data-footnotes>`), if it has one. */
function footnotesHtml(html: string): string | undefined {
  return scan(html, (name, attributes) => name === 'section' && FOOTNOTES.test(attributes), true);
}

function cutSection(html: string, id: string): string | undefined {
  return scan(
    html,
    (name, attributes) => name === 'h2' && idOf(attributes) !== undefined && decode(idOf(attributes) as string) === id,
    false,
  );
}

/**
 * From the first start tag that `starts`, to the end of its element (`whole`) or, for a heading, to the
 * next `#`/`##` heading or footnotes block at its level or the end of the block that holds it.
 */
function scan(html: string, starts: (name: string, attributes: string) => boolean, whole: boolean): string | undefined {
  let depth = 0;
  let start = -1;
  let level = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [token, closing, rawName, attributes = '', selfClosing] = match;
    if (token.startsWith('<!--')) continue;
    const name = (rawName ?? '').toLowerCase();
    if (closing) {
      depth -= 1;
      if (start >= 0 && whole && depth === level) return html.slice(start, match.index + token.length);
      if (start >= 0 && depth < level) return html.slice(start, match.index);
      continue;
    }
    if (
      start >= 0 &&
      !whole &&
      depth === level &&
      (name === 'h1' || name === 'h2' || (name === 'section' && FOOTNOTES.test(attributes)))
    )
      return html.slice(start, match.index);
    if (start < 0 && starts(name, attributes)) {
      start = match.index;
      level = depth;
    }
    if (selfClosing || VOID.has(name)) continue;
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
      if (end < 0) break;
      TOKEN.lastIndex = end;
    }
    depth += 1;
  }
  return start >= 0 ? html.slice(start) : undefined;
}
