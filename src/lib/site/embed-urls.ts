/**
 * The embeddable views of notes, their URLs, and the share URLs of a note's parts: one pure rule that
 * the embed pages, the share dialog, the oEmbed files, `notes.json` and any course-links export read.
 *
 * An embed's URL is `/embed/`, the view, the view's key when it has one, then the note's own URL:
 *
 * | view         | of                                     | URL                                        |
 * | ------------ | -------------------------------------- | ------------------------------------------ |
 * | `term`       | a term note: its card                  | `/embed/term/<note url>`                   |
 * | `timeline`   | a timeline note: every event           | `/embed/timeline/<note url>`               |
 * | `era`        | one era of a timeline note             | `/embed/era/<era id>/<note url>`           |
 * | `quiz`       | a note's quiz questions (self-check)   | `/embed/quiz/<note url>`                   |
 * | `flashcards` | a course's deck                        | `/embed/flashcards/<course url>`           |
 * | `section`    | one `##` section of a Markdown note    | `/embed/section/<heading id>/<note url>`   |
 *
 * The view comes first so that no two embeds can share a URL whatever the notes' URLs are: a note's
 * URL never holds the view's key, and ids hold no `/`. Embeds are not locked (they follow the note:
 * a renamed heading moves its section), but the same vault always gives the same URLs.
 *
 * No imports but types: the share island (src/scripts/share-dialog.ts) bundles it.
 */
import type { NoteData } from '../note/note-data.ts';
import type { SiteUrl } from '../util/types.ts';

export const EMBED_PREFIX = '/embed/';

export const EMBED_VIEWS = ['term', 'timeline', 'era', 'quiz', 'flashcards', 'section'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

/** The views whose URL carries a key (an era's or a heading's id) before the note's URL. */
const KEYED: ReadonlySet<EmbedView> = new Set(['era', 'section']);

/**
 * At most this many section embeds per note (its first `##` headings): a note's embed pages stay
 * bounded whatever it holds, so a 5000-note vault gains at most this many pages per note.
 */
export const MAX_SECTION_EMBEDS = 12;

/** The file of an embed's oEmbed description, inside the embed's folder. */
export const OEMBED_FILE = 'oembed.json';

/** What the height message of an embed says (`window.parent.postMessage`), documented in the README. */
export const EMBED_HEIGHT_MESSAGE = 'study-garden:embed-height';

/** The URL of a note's embed in `view` (with the era's or heading's id for `era` and `section`). */
export function embedUrl(noteUrl: SiteUrl | string, view: EmbedView, key?: string): SiteUrl {
  if (KEYED.has(view) !== (key !== undefined && key !== '')) {
    throw new Error(`The ${view} embed ${KEYED.has(view) ? 'needs' : 'takes no'} a key`);
  }
  if (key?.includes('/')) throw new Error(`An embed key holds no "/": ${key}`);
  return `${EMBED_PREFIX}${view}/${key ? `${key}/` : ''}${noteUrl.replace(/^\/+/, '')}` as SiteUrl;
}

/** The note's URL, view and key of an embed URL; undefined for any other URL. */
export function parseEmbedUrl(url: string): { view: EmbedView; key?: string; noteUrl: SiteUrl } | undefined {
  if (!url.startsWith(EMBED_PREFIX)) return undefined;
  const [view, ...rest] = url.slice(EMBED_PREFIX.length).split('/');
  if (!(EMBED_VIEWS as readonly string[]).includes(view ?? '')) return undefined;
  const keyed = KEYED.has(view as EmbedView);
  const key = keyed ? rest.shift() : undefined;
  if (keyed && !key) return undefined;
  const noteUrl = `/${rest.join('/')}` as SiteUrl;
  if (!noteUrl.endsWith('/')) return undefined;
  return { view: view as EmbedView, ...(key ? { key } : {}), noteUrl };
}

/** An embed's oEmbed JSON file. */
export function oembedUrl(url: SiteUrl): string {
  return `${url}${OEMBED_FILE}`;
}

/** The link to a part of a note (a heading, an event, a question): its URL and the part's id. */
export function shareUrl(noteUrl: SiteUrl, id?: string): string {
  return id ? `${noteUrl}#${id}` : noteUrl;
}

export interface Embed {
  view: EmbedView;
  key?: string;
  url: SiteUrl;
}

/** What a note's embeds are made of: the note, with the eras that have events and the size of its course's deck. */
export interface EmbedSource {
  note: NoteData;
  /** For a course note: how many flashcards its course has (none: no deck embed). */
  cards?: number;
  /** Whether an era's or a heading's id can be a URL part (a folder name): a too long one has no embed. */
  usableKey?: (key: string) => boolean;
}

/** An era's id from its title, as the timeline pages write it (src/lib/note/note.ts `eraId`). */
export type EraIds = (title: string) => string;

/**
 * Every embed of a note, its main one first: a term's card, a timeline (then each era with events), a
 * quiz, a course's deck, then one section per `##` heading of a Markdown note (at most
 * {@link MAX_SECTION_EMBEDS}). A term's and a timeline's own sections are not embedded: the card and
 * the timeline are.
 */
export function noteEmbeds(source: EmbedSource, eraId: EraIds): Embed[] {
  const { note } = source;
  const embeds: Embed[] = [];
  const add = (view: EmbedView, key?: string) =>
    embeds.push({ view, ...(key ? { key } : {}), url: embedUrl(note.url, view, key) });
  const usable = source.usableKey ?? (() => true);
  if (note.type === 'term') add('term');
  if (note.type === 'timeline') {
    add('timeline');
    const eras = new Set(note.events.flatMap((event) => (event.era ? [event.era] : [])));
    const seen = new Set<string>();
    for (const era of note.eras) {
      const id = eraId(era.title);
      if (!eras.has(era.title) || seen.has(id) || !usable(id)) continue;
      seen.add(id);
      add('era', id);
    }
  }
  if ((note.type === 'quiz' || note.type === 'brief' || note.type === 'note') && note.quiz.length > 0) add('quiz');
  if (note.type === 'course' && (source.cards ?? 0) > 0) add('flashcards');
  if (note.format === 'md' && note.type !== 'term' && note.type !== 'timeline') {
    const sections = note.headings.filter((heading) => heading.depth === 2 && usable(heading.id));
    for (const heading of sections.slice(0, MAX_SECTION_EMBEDS)) add('section', heading.id);
  }
  return embeds;
}

/** The embed a pasted link to the note turns into (oEmbed): its first, unless that is only a section. */
export function mainEmbed(embeds: readonly Embed[]): Embed | undefined {
  const first = embeds[0];
  return first && first.view !== 'section' ? first : undefined;
}

/** The iframe a host page writes for an embed (the share dialog and oEmbed give it). */
export function iframeSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/** A plain link a host page writes. */
export function linkSnippet(href: string, text: string): string {
  return `<a href="${escapeAttribute(href)}">${escapeText(text)}</a>`;
}

/** The width an oEmbed consumer is told the embed needs (the iframe itself takes the host's column). */
export const OEMBED_WIDTH = 640;

/** A static oEmbed response (oembed.com, `type: rich`) for an embed at the absolute URL `src`. */
export function oembedJson(embed: { src: string; title: string; view: EmbedView; providerName: string; providerUrl: string }) {
  const height = EMBED_HEIGHTS[embed.view];
  return {
    version: '1.0',
    type: 'rich',
    title: embed.title,
    provider_name: embed.providerName,
    provider_url: embed.providerUrl,
    html: iframeSnippet(embed.src, embed.title, height),
    width: OEMBED_WIDTH,
    height,
  };
}

/** How tall an iframe starts, by view, before the embed says its height. */
export const EMBED_HEIGHTS: Record<EmbedView, number> = {
  term: 240,
  timeline: 600,
  era: 600,
  quiz: 600,
  flashcards: 480,
  section: 480,
};

/**
 * A timeline embed's `?from=` or `?to=` bound: the first (`end` false) or last (`end` true) instant of
 * `1953`, `1953-03` or `1953-03-05` (`-0044` for 45 BC), in ms UTC, as events' `earliest`/`latest` are.
 * Undefined for anything else.
 */
export function rangeBound(text: string | null, end: boolean): number | undefined {
  const match = /^(-?\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) - 1 : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  const date = new Date(0);
  // setUTCFullYear keeps years below 100 as written (Date.UTC would read 50 as 1950).
  if (!end) date.setUTCFullYear(year, month ?? 0, day ?? 1);
  else if (day !== undefined) date.setUTCFullYear(year, month ?? 0, day + 1);
  else if (month !== undefined) date.setUTCFullYear(year, month + 1, 1);
  else date.setUTCFullYear(year + 1, 0, 1);
  date.setUTCHours(0, 0, 0, 0);
  return end ? date.getTime() - 1 : date.getTime();
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
