/**
 * The route table: every URL the site serves, with its kind, the page file that writes it, what the
 * page needs (its props), its incremental-build cache key and whether it is indexed (sitemap) and
 * listed. Each page file's `getStaticPaths`, the URL lock's served URLs and the sitemap filter read it,
 * so no other code decides what a URL is.
 */
import { cartridgeUrl } from './course-cartridge.ts';
import { COURSE_TOOLS, courseToolUrl, studySheetUrl, type CourseTool } from './course-tools.ts';
import type { Course, Garden } from './garden.ts';
import { displayTitle, hasStudyMaterial, type NoteData } from '../note/note-data.ts';
import type { PageKeys } from './page-keys.ts';
import { NOTE_ROUTE, RESERVED_URLS } from './reserved-urls.ts';
import { tagSlug, tagUrl } from '../syntax/tags.ts';
import { BACKLINKS_SHOWN, backlinksUrl, glossaryPageUrl, tagPageCount, tagPagePath, tagPageUrl } from './page-bounds.ts';
import { parseSiteUrl, type SiteUrl } from '../util/types.ts';
import type { ServedUrls, UrlLock } from './url-lock.ts';
import { routeParamForUrl, urlKey } from './url.ts';
import { EMBED_PREFIX, mainEmbed, type Embed, type EmbedView } from './embed-urls.ts';
import { embedsOf, ownCourse } from './note-embeds.ts';

/** The page file of every embed; its parameter is the embed's URL below `/embed/`. */
export const EMBED_ROUTE = 'src/pages/embed/[...path].astro';

export type RetiredUrl = UrlLock['retired'][number];

interface RouteBase {
  url: SiteUrl;
  /** The page file that writes it (`src/pages/…`). */
  source: string;
  /** Its rest parameter in that file's route, when the route has one (`a/b` for `/a/b/`). */
  param?: string;
  /** The incremental-build key: the page is copied from the last build while it is unchanged. */
  cacheKey?: string;
  /** In the sitemap: redirects, retired URLs and the 404 page are not. */
  indexed: boolean;
  /** Shown in the site's own lists (courses, tags, graph, feed): hidden notes and stand-in pages are not. */
  listed: boolean;
}

export type Route = RouteBase &
  (
    | { kind: 'home'; note?: NoteData }
    | { kind: 'note'; note: NoteData }
    | { kind: 'course-tool'; tool: CourseTool; course: Course }
    | { kind: 'study-sheet'; note: NoteData }
    /** A tag's page `page` of `pages` (TAG_PAGE_SIZE notes each). */
    | { kind: 'tag'; tag: string; page: number; pages: number }
    /** Every note linking to a note whose page shows only the first BACKLINKS_SHOWN. */
    | { kind: 'backlinks'; note: NoteData }
    /** The site's glossary, page `page` of `pages` (GLOSSARY_PAGE_SIZE terms each). */
    | { kind: 'glossary'; page: number; pages: number }
    | { kind: 'tag-index' | 'graph' | 'search' | 'not-found' }
    /** An old URL (an alias starting with `/`): a page that redirects to the note. */
    | { kind: 'alias'; to: NoteData }
    /** A URL the URL lock retires: a page that says so. */
    | { kind: 'retired'; retired: RetiredUrl }
    /** A note's view for other sites to frame (src/lib/site/embed-urls.ts); `main` when a link to the note turns into it. */
    | { kind: 'embed'; embed: Embed; note: NoteData; main: boolean }
  );

export type RouteKind = Route['kind'];

/** A file the site writes (feed, note list, robots, sitemap): served, never a page. */
export interface FileRoute {
  kind: 'file';
  path: string | RegExp;
  what: string;
  source: string;
}

/** The files of every site, from the list of the site's own routes (src/lib/site/reserved-urls.ts). */
export const FILE_ROUTES: readonly FileRoute[] = RESERVED_URLS.flatMap((entry) =>
  entry.kind === 'file' ? [{ kind: 'file' as const, path: entry.path, what: entry.what, source: entry.source }] : [],
);

/** A course's cartridge file (src/lib/site/course-cartridge.ts): served, never a page, so never locked. */
export interface CartridgeRoute {
  path: string;
  /** Its rest parameter in `src/pages/[...course]/course.imscc.ts` (none for a course at `/`). */
  param: string | undefined;
  course: Course;
}

/** Every course's cartridge, in the order of the courses. */
export function cartridgeRoutes(garden: Pick<Garden, 'courses'>): CartridgeRoute[] {
  return garden.courses.map((course) => ({ path: cartridgeUrl(course.note), param: routeParamForUrl(course.note.url), course }));
}

type RouteGarden = Pick<
  Garden,
  'notes' | 'courses' | 'redirects' | 'tags' | 'home' | 'backlinksOf' | 'siteGlossary' | 'courseHeadedBy'
>;

const SITE_PAGE_KINDS: Record<string, 'home' | 'search' | 'glossary' | 'graph' | 'tag-index' | 'not-found'> = {
  '/': 'home',
  '/search/': 'search',
  '/glossary/': 'glossary',
  '/graph/': 'graph',
  '/tags/': 'tag-index',
  '/404/': 'not-found',
};

/**
 * Every page of the site, in the order each page file lists them. `keys` gives each page its cache
 * key (the pages' build); without it (the loader's URL check) no key is computed.
 */
export function routeTable(garden: RouteGarden, retired: readonly RetiredUrl[], keys?: PageKeys): Route[] {
  const routes: Route[] = [];
  for (const entry of RESERVED_URLS) {
    if (entry.kind !== 'page') continue;
    const kind = SITE_PAGE_KINDS[entry.url];
    if (kind === undefined) throw new Error(`No route kind for the site page ${entry.url}`);
    const indexed = kind !== 'not-found';
    const base = { url: entry.url, source: entry.source, indexed, listed: indexed };
    if (kind === 'home') routes.push({ ...base, kind, ...(garden.home ? { note: garden.home } : {}) });
    // `/graph/` is one path of a rest route only so that it has a cache key.
    else if (kind === 'graph') routes.push({ ...base, kind, ...(keys ? { cacheKey: keys.site() } : {}) });
    else if (kind === 'glossary') {
      const pages = garden.siteGlossary.pages.length;
      for (let page = 1; page <= pages; page += 1) {
        // Later pages are for browsing: only the first is in the sitemap (the others say noindex).
        const first = page === 1;
        routes.push({
          ...base,
          kind,
          url: glossaryPageUrl(page),
          ...(first ? {} : { param: String(page) }),
          page,
          pages,
          indexed: first,
          listed: first,
        });
      }
    } else routes.push({ ...base, kind });
  }
  const param = (url: SiteUrl) => routeParamForUrl(url);
  for (const note of garden.notes) {
    const path = param(note.url);
    // The home note is the home page (src/pages/index.astro).
    if (path === undefined) continue;
    routes.push({
      kind: 'note',
      url: note.url,
      source: NOTE_ROUTE,
      param: path,
      note,
      indexed: true,
      listed: !note.hidden,
      ...(keys ? { cacheKey: keys.note(note) } : {}),
    });
  }
  for (const redirect of garden.redirects)
    routes.push({
      kind: 'alias',
      url: redirect.from,
      source: NOTE_ROUTE,
      to: redirect.to,
      indexed: false,
      listed: false,
      ...params(redirect.from),
    });
  for (const entry of retired)
    routes.push({
      kind: 'retired',
      url: entry.url,
      source: NOTE_ROUTE,
      retired: entry,
      indexed: false,
      listed: false,
      ...params(entry.url),
    });
  for (const tool of COURSE_TOOLS) {
    const source = `src/pages/[...course]/${tool}.astro`;
    for (const course of garden.courses) {
      const path = param(course.note.url);
      if (path === undefined) continue;
      routes.push({
        kind: 'course-tool',
        url: courseToolUrl(course.note, tool),
        source,
        param: path,
        tool,
        course,
        indexed: true,
        listed: true,
        ...(keys ? { cacheKey: keys.course(course) } : {}),
      });
    }
  }
  for (const note of garden.notes) {
    const path = hasStudyMaterial(note) ? param(note.url) : undefined;
    if (path === undefined) continue;
    routes.push({
      kind: 'study-sheet',
      url: studySheetUrl(note),
      source: 'src/pages/[...course]/study-sheet.astro',
      param: path,
      note,
      indexed: true,
      listed: !note.hidden,
      ...(keys ? { cacheKey: keys.note(note) } : {}),
    });
  }
  const tagSlugs = new Set([...garden.tags.keys()].map(tagSlug));
  for (const [tag, notes] of garden.tags) {
    // A nested tag numbered like a page (`#cold-war/2`) keeps its URL: its parent is then not split.
    const split = tagPageCount(notes.length);
    const pages = [...Array(split).keys()].some((index) => index > 0 && tagSlugs.has(tagPagePath(tag, index + 1))) ? 1 : split;
    for (let page = 1; page <= pages; page += 1) {
      const path = tagPagePath(tag, page);
      routes.push({
        kind: 'tag',
        url: page === 1 ? tagUrl(tag) : tagPageUrl(tag, page),
        source: 'src/pages/tags/[...tag].astro',
        param: path,
        tag,
        page,
        pages,
        // Later pages are for browsing: only the first is in the sitemap (the others say noindex).
        indexed: page === 1,
        listed: page === 1,
        ...(keys ? { cacheKey: keys.site() } : {}),
      });
    }
  }
  for (const note of garden.notes) {
    if (!note.display.backlinks || garden.backlinksOf(note).length <= BACKLINKS_SHOWN) continue;
    const url = backlinksUrl(note);
    routes.push({
      kind: 'backlinks',
      url,
      source: 'src/pages/backlinks/[...path].astro',
      // The page file is below /backlinks/: its parameter is the note's own URL path.
      ...params(note.url),
      note,
      indexed: false,
      listed: false,
      ...(keys ? { cacheKey: keys.note(note) } : {}),
    });
  }
  for (const note of garden.notes) {
    const embeds = embedsOf(garden, note);
    const main = mainEmbed(embeds);
    const deck = ownCourse(garden, note);
    for (const embed of embeds) {
      routes.push({
        kind: 'embed',
        url: embed.url,
        source: EMBED_ROUTE,
        param: embed.url.slice(EMBED_PREFIX.length).replace(/\/+$/, ''),
        embed,
        note,
        main: embed === main,
        // Framed by other sites, never indexed or locked: noindex, out of the sitemap and of search.
        indexed: false,
        listed: false,
        ...(keys ? { cacheKey: embed.view === 'flashcards' && deck ? keys.course(deck) : keys.note(note) } : {}),
      });
    }
  }
  return routes;
}

function params(url: SiteUrl): { param?: string } {
  const param = routeParamForUrl(url);
  return param === undefined ? {} : { param };
}

/** The routes a page file writes, as its `getStaticPaths` returns them (the route is the page's props). */
export function staticPaths<Name extends string>(routes: readonly Route[], source: string, paramName: Name) {
  return routes
    .filter((route) => route.source === source)
    .map((route) => ({
      params: { [paramName]: route.param } as Record<Name, string | undefined>,
      props: { route },
      ...(route.cacheKey === undefined ? {} : { cacheKey: route.cacheKey }),
    }));
}

/**
 * The URLs the URL lock holds the site to: its pages and the redirects of old URLs. The 404 page is
 * not a URL anyone links to, and a retired URL is the lock's own. A tag's or the glossary's later pages and a note's
 * backlinks page come and go with the vault's counts, so they are served but never locked.
 */
export function servedUrls(routes: readonly Route[]): ServedUrls {
  const pages = routes.filter(
    (route) =>
      route.kind !== 'alias' &&
      route.kind !== 'retired' &&
      route.kind !== 'not-found' &&
      route.kind !== 'backlinks' &&
      route.kind !== 'embed' &&
      !(route.kind === 'tag' && route.page > 1) &&
      !(route.kind === 'glossary' && route.page > 1),
  );
  return {
    pages: [...new Set(pages.map((route) => route.url))],
    redirects: routes.filter((route) => route.kind === 'alias').map((route) => route.url),
  };
}

/** Whether a page's URL goes in the sitemap: looked up in the route table (by its URL key). */
/** Whether a note's page gives Pagefind its text (`data-pagefind-body`): every note but a hidden one. */
export function isSearched(note: NoteData): boolean {
  return !note.hidden;
}

/**
 * The pages whose text the search index holds, in one fixed order (Pagefind's index depends on the
 * order pages are added): the note pages, and the home page when it is a note. Every other page
 * (tags, embeds, redirects…) is left out before Pagefind reads it.
 */
export function searchedUrls(routes: readonly Route[]): SiteUrl[] {
  return routes
    .flatMap((route) =>
      (route.kind === 'note' || route.kind === 'home') && route.note && isSearched(route.note) ? [route.url] : [],
    )
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What a main embed's oEmbed file says of it (src/lib/output/oembed-files.ts): its URL, title and view. */
export interface OembedSource {
  url: SiteUrl;
  title: string;
  view: EmbedView;
}

/**
 * The embeds described by an oEmbed file: each note's main embed (a link to the note turns into it),
 * in URL order. The files are written after the pages (src/integrations/oembed.ts), not as pages.
 */
export function oembedSources(routes: readonly Route[]): OembedSource[] {
  return routes
    .flatMap((route) =>
      route.kind === 'embed' && route.main ? [{ url: route.url, title: displayTitle(route.note), view: route.embed.view }] : [],
    )
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

export function indexedUrls(routes: readonly Route[]): (url: string) => boolean | undefined {
  const byKey = new Map(routes.map((route) => [urlKey(route.url), route.indexed]));
  return (url) => {
    const parsed = parseSiteUrl(url);
    return parsed.ok ? byKey.get(urlKey(parsed.value)) : undefined;
  };
}
