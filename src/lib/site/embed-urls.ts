/**
 * The embeddable views of notes, their URLs, and the share URLs of a note's parts: one pure rule that
 * the embed pages, the share dialog, the oEmbed files, `notes.json` and any course-links export read.
 *
 * An embed's URL is `/embed/`, the view, then the note's own URL; a part of the view (a section, an era)
 * is the URL's fragment, so a note has at most one page per view however many parts it holds:
 *
 * | view         | of                                               | URL                                     |
 * | ------------ | ------------------------------------------------ | --------------------------------------- |
 * | `term`       | a term note: its card                            | `/embed/term/<note url>`                |
 * | `timeline`   | a timeline note: every event, or one era         | `/embed/timeline/<note url>[#<era id>]` |
 * | `quiz`       | a note's quiz questions (self-check)             | `/embed/quiz/<note url>`                |
 * | `flashcards` | a course's deck                                  | `/embed/flashcards/<course url>`        |
 * | `section`    | a Markdown note's body, or one of its `##` parts | `/embed/section/<note url>[#<heading id>]` |
 *
 * The view comes first so that no two embeds can share a URL whatever the notes' URLs are: a note's
 * URL never starts with a view. The embed's stylesheet (src/styles/embed.css) shows only the `##`
 * section or era whose heading is the fragment (`:target`). Embeds are not locked (they follow the note:
 * a renamed heading moves its section), but the same vault always gives the same URLs.
 *
 * No imports but types: the share island (src/scripts/share-dialog.ts) bundles it.
 */
import type { NoteData } from '../note/note-data.ts';
import type { SiteUrl } from '../util/types.ts';

export const EMBED_PREFIX = '/embed/';

export const EMBED_VIEWS = ['term', 'timeline', 'quiz', 'flashcards', 'section'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

/** The file of an embed's oEmbed description, inside the embed's folder. */
export const OEMBED_FILE = 'oembed.json';

/** What the height message of an embed says (`window.parent.postMessage`), documented in the README. */
export const EMBED_HEIGHT_MESSAGE = 'study-garden:embed-height';

/** The URL of a note's embed in `view`. */
export function embedUrl(noteUrl: SiteUrl | string, view: EmbedView): SiteUrl {
  return `${EMBED_PREFIX}${view}/${noteUrl.replace(/^\/+/, '')}` as SiteUrl;
}

/** The note's URL and view of an embed URL (its fragment, if any, left aside); undefined for any other URL. */
export function parseEmbedUrl(url: string): { view: EmbedView; noteUrl: SiteUrl } | undefined {
  const path = url.replace(/#.*$/s, '');
  if (!path.startsWith(EMBED_PREFIX)) return undefined;
  const [view, ...rest] = path.slice(EMBED_PREFIX.length).split('/');
  if (!(EMBED_VIEWS as readonly string[]).includes(view ?? '')) return undefined;
  const noteUrl = `/${rest.join('/')}` as SiteUrl;
  if (!noteUrl.endsWith('/')) return undefined;
  return { view: view as EmbedView, noteUrl };
}

/** An embed's oEmbed JSON file. */
export function oembedUrl(url: SiteUrl): string {
  return `${url}${OEMBED_FILE}`;
}

/**
 * The link to a part of a page (a heading, an event, a question of a note; a section or an era of an
 * embed): the page's URL and the part's id as its fragment.
 */
export function shareUrl(noteUrl: SiteUrl, id?: string): string {
  return id ? `${noteUrl}#${id}` : noteUrl;
}

export interface Embed {
  view: EmbedView;
  url: SiteUrl;
}

/** What a note's embeds are made of: the note, and the size of its course's deck. */
export interface EmbedSource {
  note: NoteData;
  /** For a course note: how many flashcards its course has (none: no deck embed). */
  cards?: number;
}

/**
 * Every embed of a note, its main one first: a term's card, a timeline, a quiz, a course's deck, then
 * the section view of a Markdown note (its body, whose `##` sections are its fragments). A term's and
 * a timeline's own sections are not embedded: the card and the timeline are. One page per view, so
 * a note has at most two embeds whatever it holds.
 */
export function noteEmbeds(source: EmbedSource): Embed[] {
  const { note } = source;
  const embeds: Embed[] = [];
  const add = (view: EmbedView) => embeds.push({ view, url: embedUrl(note.url, view) });
  if (note.type === 'term') add('term');
  if (note.type === 'timeline') add('timeline');
  if ((note.type === 'quiz' || note.type === 'brief' || note.type === 'note') && note.quiz.length > 0) add('quiz');
  if (note.type === 'course' && (source.cards ?? 0) > 0) add('flashcards');
  if (note.format === 'md' && note.type !== 'term' && note.type !== 'timeline') add('section');
  return embeds;
}

/** The ids a note's section embed takes as its fragment: its `##` headings'. */
export function sectionIds(note: NoteData): string[] {
  return note.headings.filter((heading) => heading.depth === 2).map((heading) => heading.id);
}

/** The embed a pasted link to the note turns into (oEmbed): its first, unless that is only its body. */
export function mainEmbed(embeds: readonly Embed[]): Embed | undefined {
  const first = embeds[0];
  return first && first.view !== 'section' ? first : undefined;
}

/** The iframe a host page writes for an embed (the share dialog and oEmbed give it). */
export function iframeSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${escapeHtmlAttribute(src)}" title="${escapeHtmlAttribute(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/** A plain link a host page writes. */
export function linkSnippet(href: string, text: string): string {
  return `<a href="${escapeHtmlAttribute(href)}">${escapeHtmlText(text)}</a>`;
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

/** Text for HTML a host page writes (the snippets here, a course's links: src/lib/site/course-cartridge.ts). */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeHtmlAttribute(text: string): string {
  return escapeHtmlText(text).replace(/"/g, '&quot;');
}
