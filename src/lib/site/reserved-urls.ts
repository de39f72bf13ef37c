/**
 * The URLs a note may not take (DESIGN §3): every page, file and folder the site writes whatever the
 * vault holds, and what the file system `dist/` is written to allows. A note at `/search/` would lose
 * its page to the search page, one at `/rss.xml/` would need a folder where the feed is a file, and a
 * 300-byte segment cannot be a file name: each is a problem with the note's file and line instead.
 *
 * One list, by the file that writes each URL; tests/unit/reserved-urls.test.ts fails when a file in
 * src/pages or public/ is not in it.
 */
import { MEDIA_PREFIX } from '../render/media.ts';
import type { SiteUrl } from '../util/types.ts';
import { urlKey } from './url.ts';

export type ReservedUrl =
  /** A page at exactly this URL. */
  | { kind: 'page'; url: SiteUrl; what: string; source: string; alwaysServed?: boolean }
  /** This URL and every URL below it. */
  | { kind: 'folder'; url: SiteUrl; what: string; source: string }
  /** A file: no URL may be it, or need a folder of its name. */
  | { kind: 'file'; path: string | RegExp; what: string; source: string }
  /** A study page the site makes below a course's URL (checked against notes in src/lib/vault/collisions.ts). */
  | { kind: 'course-tool'; name: string; source: string }
  /** A file the site writes below a course's URL (checked against notes in src/lib/vault/collisions.ts). */
  | { kind: 'course-file'; name: string; what: string; source: string }
  /** The numbered pages that follow a page: `/glossary/2/`, `/glossary/3/`… (the URLs below them stay free). */
  | { kind: 'numbered'; url: SiteUrl; what: string; source: string };

export const RESERVED_URLS: readonly ReservedUrl[] = [
  { kind: 'page', url: '/' as SiteUrl, what: 'the home page', source: 'src/pages/index.astro', alwaysServed: true },
  { kind: 'page', url: '/search/' as SiteUrl, what: 'the search page', source: 'src/pages/search.astro', alwaysServed: true },
  // A vault's own `Glossary/` folder keeps its URLs: only the glossary's later pages are the site's.
  {
    kind: 'numbered',
    url: '/glossary/' as SiteUrl,
    what: "a page of the site's glossary",
    source: 'src/pages/glossary/[...page].astro',
  },
  {
    kind: 'page',
    url: '/glossary/' as SiteUrl,
    what: "the site's glossary",
    source: 'src/pages/glossary/[...page].astro',
    alwaysServed: true,
  },
  { kind: 'folder', url: '/graph/' as SiteUrl, what: 'the graph', source: 'src/pages/graph/[...view].astro' },
  { kind: 'page', url: '/graph/' as SiteUrl, what: 'the graph', source: 'src/pages/graph/[...view].astro', alwaysServed: true },
  { kind: 'folder', url: '/tags/' as SiteUrl, what: 'the tag pages', source: 'src/pages/tags/[...tag].astro' },
  // Built for a vault without tags too: course pages may link to it before the first tag is written.
  {
    kind: 'page',
    url: '/tags/' as SiteUrl,
    what: 'the list of tags',
    source: 'src/pages/tags/index.astro',
    alwaysServed: true,
  },
  {
    kind: 'folder',
    url: '/backlinks/' as SiteUrl,
    what: 'the lists of notes linking to a note',
    source: 'src/pages/backlinks/[...path].astro',
  },
  {
    kind: 'folder',
    url: '/embed/' as SiteUrl,
    what: 'the views other sites frame (term cards, timelines, quizzes, flashcards, sections)',
    source: 'src/pages/embed/[...path].astro',
  },
  {
    kind: 'folder',
    url: '/embed/' as SiteUrl,
    what: 'the oEmbed descriptions of the views other sites frame',
    source: 'src/integrations/oembed.ts',
  },
  // Astro serves src/pages/404.astro at /404/ as well as writing 404.html.
  { kind: 'page', url: '/404/' as SiteUrl, what: 'the "page not found" page', source: 'src/pages/404.astro' },
  { kind: 'file', path: '/404.html', what: 'the "page not found" page', source: 'src/pages/404.astro' },
  { kind: 'file', path: '/rss.xml', what: 'the RSS feed', source: 'src/pages/rss.xml.ts' },
  { kind: 'file', path: '/notes.json', what: 'the list of notes for course pages', source: 'src/pages/notes.json.ts' },
  {
    kind: 'file',
    path: '/search-names.json',
    what: 'the names search suggests from',
    source: 'src/pages/search-names.json.ts',
  },
  { kind: 'file', path: '/robots.txt', what: 'the rules for search engines', source: 'src/pages/robots.txt.ts' },
  { kind: 'file', path: '/sitemap-index.xml', what: 'the sitemap', source: '@astrojs/sitemap' },
  { kind: 'file', path: /^\/sitemap-\d+\.xml$/, what: 'the sitemap', source: '@astrojs/sitemap' },
  { kind: 'file', path: '/favicon.svg', what: "the site's icon", source: 'public/favicon.svg' },
  { kind: 'file', path: '/_headers', what: "the web server's headers", source: 'public/_headers' },
  { kind: 'folder', url: '/pagefind/' as SiteUrl, what: 'the search index', source: 'src/integrations/pagefind.ts' },
  { kind: 'folder', url: '/_astro/' as SiteUrl, what: "the site's scripts, styles and images", source: 'astro' },
  { kind: 'folder', url: MEDIA_PREFIX as SiteUrl, what: 'the published media files', source: 'src/integrations/media.ts' },
  // Every note's page (and its redirects and retired URLs) is `src/pages/[...path].astro`.
  { kind: 'course-tool', name: 'glossary', source: 'src/pages/[...course]/glossary.astro' },
  { kind: 'course-tool', name: 'timeline', source: 'src/pages/[...course]/timeline.astro' },
  { kind: 'course-tool', name: 'flashcards', source: 'src/pages/[...course]/flashcards.astro' },
  { kind: 'course-tool', name: 'study-sheet', source: 'src/pages/[...course]/study-sheet.astro' },
  {
    kind: 'course-file',
    name: 'course.imscc',
    what: "the course's cartridge for learning platforms",
    source: 'src/pages/[...course]/course.imscc.ts',
  },
];

/** The route of every note's page, redirect and retired URL. */
export const NOTE_ROUTE = 'src/pages/[...path].astro';

/** The pages every site serves whatever the vault holds; course pages link to them (`/search/?q=`). */
export const SITE_URLS: readonly SiteUrl[] = RESERVED_URLS.flatMap((entry) =>
  entry.kind === 'page' && entry.alwaysServed ? [entry.url] : [],
);

/** The file every page is written to inside its URL's folder (`build.format: 'directory'`). */
const PAGE_FILE = 'index.html';

/**
 * The longest URL segment, in UTF-8 bytes: each segment is a folder name in `dist/`, and file systems
 * allow 255 bytes; the rest is room for a server's or a host's own suffixes.
 */
export const MAX_SEGMENT_BYTES = 200;

const utf8 = new TextEncoder();

/** How much of a name a message quotes: enough to find it in the note. */
const MESSAGE_TEXT_CHARS = 40;

/** A text for a message: a long one cut to its first {@link MESSAGE_TEXT_CHARS} characters. */
export function shortText(text: string): string {
  const chars = [...text];
  return chars.length > MESSAGE_TEXT_CHARS ? `${chars.slice(0, MESSAGE_TEXT_CHARS).join('')}…` : text;
}

/** A URL for a message, each long part cut short. */
export function shortUrl(url: string): string {
  return url.split('/').map(shortText).join('/');
}

/** Why a URL segment (decoded) cannot be a folder of the built site, or none. */
export function urlSegmentProblem(segment: string): string | undefined {
  const bytes = utf8.encode(segment).length;
  if (bytes > MAX_SEGMENT_BYTES) {
    return `its part "${shortText(segment)}" is ${bytes} bytes long; a URL part can be at most ${MAX_SEGMENT_BYTES} bytes (UTF-8), as it is a folder name on disk`;
  }
  if (segment.normalize('NFC').toLowerCase() === PAGE_FILE)
    return `its part "${segment}" is the file every page is written to (/a/ is written to /a/${PAGE_FILE}), so it would be a file of another page`;
  return undefined;
}

/**
 * Why a note's page (`page`) or an old URL's redirect (`redirect`) cannot be served at `url`, or none.
 * The home page `/` is a note's only when it is a page (`dg-home`).
 */
export function reservedUrlProblem(url: SiteUrl, as: 'page' | 'redirect'): string | undefined {
  if (url === '/') return as === 'page' ? undefined : 'it is the home page';
  const segments = url.split('/').filter(Boolean);
  for (const segment of segments) {
    const problem = urlSegmentProblem(segment);
    if (problem) return problem;
  }
  const key = urlKey(url);
  const entries = (kind: ReservedUrl['kind']) => RESERVED_URLS.filter((entry) => entry.kind === kind);
  for (const entry of entries('page'))
    if (entry.kind === 'page' && urlKey(entry.url) === key) return `it is ${entry.what}, ${entry.url}`;
  for (const entry of entries('folder'))
    if (entry.kind === 'folder' && key.startsWith(urlKey(entry.url)))
      return `it is below ${entry.url}, where the site puts ${entry.what}`;
  for (const entry of entries('numbered')) {
    if (entry.kind !== 'numbered' || !key.startsWith(urlKey(entry.url))) continue;
    const page = /^(\d+)\/$/.exec(key.slice(urlKey(entry.url).length))?.[1];
    if (page !== undefined && Number(page) >= 2) return `it is ${entry.what}, ${url}`;
  }
  // `/rss.xml/` and `/rss.xml/a/` would both need a folder where the site writes a file.
  for (let end = 1; end <= segments.length; end += 1) {
    const path = `/${segments.slice(0, end).join('/')}`;
    const pathKey = urlKey(path as SiteUrl);
    for (const entry of entries('file')) {
      if (entry.kind !== 'file') continue;
      if (typeof entry.path === 'string' ? urlKey(entry.path as SiteUrl) === pathKey : entry.path.test(pathKey))
        return `the site writes ${entry.what} to the file ${path}, so no page can be at ${path}/ or below it`;
    }
  }
  return undefined;
}
