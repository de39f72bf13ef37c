/**
 * One note file → what the garden knows of it: publish decision, kind, URL and normalised data,
 * or the problems that stop it (with file and line). Pure: text in, data out.
 */
import type { HistoricalDate } from './dates.ts';
import { parseNoteSource } from './frontmatter.ts';
import { isPublished } from './publish.ts';
import { presentProperties } from './properties.ts';
import { parseFrontmatter, STUDY_TYPES, type NoteFrontmatter, type NoteType, type StudyType } from './schema.ts';
import { eventId, sortChronologically } from './timeline.ts';
import type { Problem, SiteUrl, VaultPath } from '../util/types.ts';
import { headingKey } from '../syntax/headings.ts';
import { noteUrl, urlFromPermalink, type UrlSource } from '../site/url.ts';
import { stripComments } from '../syntax/comments.ts';
import { markdownToText, type NoteHeading } from '../syntax/scan.ts';

export interface TimelineEvent {
  id: string;
  date: HistoricalDate;
  title: string;
  detail?: string;
  significance?: string;
  era?: string;
  /** Notes the event names, resolved when the vault is loaded. */
  links: VaultPath[];
}

export interface Era {
  title: string;
  start: HistoricalDate;
  end: HistoricalDate;
}

interface NoteCommon {
  vaultPath: VaultPath;
  url: SiteUrl;
  urlSource: UrlSource;
  title: string;
  description?: string;
  tags: string[];
  aliases: string[];
  created?: string;
  updated?: string;
  hidden: boolean;
  pinned: boolean;
  /** `dg-hide-in-graph`: left out of the graphs (as `dg-hide` notes are). */
  hiddenInGraph: boolean;
  format: 'md' | 'mdx';
  /** Old URLs of this note (aliases that start with `/`): each serves a redirect page here. */
  redirects: SiteUrl[];
  /** Headings of the body with their page ids. */
  headings: NoteHeading[];
  /** Links in the body to other published notes, resolved when the vault is loaded. */
  links: NoteLink[];
  /** Words of the body, for the reading time. */
  words: number;
  /** The note's language (BCP 47) when its frontmatter sets one; else the site's. */
  lang?: string;
  /** The body has math (`$…$`, `$$…$$`, ```` ```math ````): its page loads KaTeX's stylesheet. */
  math: boolean;
  /** What the page shows besides the body: the Digital Garden's `dg-show-*` keys, all shown by default. */
  display: NoteDisplay;
  /** Classes for the note's article (`cssclasses`, `dg-content-classes`), reduced to safe class names. */
  cssClasses: string[];
}

export interface NoteDisplay {
  toc: boolean;
  backlinks: boolean;
  localGraph: boolean;
  /** `false`: the title is kept for screen readers and search, not shown. */
  inlineTitle: boolean;
  tags: boolean;
}

export interface NoteLink {
  target: VaultPath;
  fragment?: string;
  embed: boolean;
  /** The sentence around the link, shown with the backlink. */
  context: string;
  /** A first mention of a glossary term, linked by the site rather than written as a link. */
  mention?: true;
}

export interface QuizQuestion {
  /** Stable within the note: deep links to a question survive edits elsewhere. */
  id: string;
  q: string;
  /** Multiple choice when present (the answer is one of them); free answer otherwise. */
  choices?: string[];
  answer: string;
  explanation?: string;
}

export interface KeyQuote {
  quote: string;
  by: string;
  context?: string;
}

/** A plain note, a brief or a quiz: any of them may carry study material. */
export interface StudyNote extends NoteCommon {
  type: StudyType;
  takeaways: string[];
  faq: { q: string; a: string }[];
  quotes: KeyQuote[];
  quiz: QuizQuestion[];
}
export interface TimelineNote extends NoteCommon {
  type: 'timeline';
  events: TimelineEvent[];
  eras: Era[];
}
export interface TermNote extends NoteCommon {
  type: 'term';
  term: string;
  definition: string;
  /** Related notes, resolved from the written `[[Politburo]]` when the vault is loaded. */
  related: VaultPath[];
}
export interface CourseNote extends NoteCommon {
  type: 'course';
  /** The reading order, resolved from the written wikilinks when the vault is loaded. */
  order: VaultPath[];
}

/**
 * A wikilink written in frontmatter, waiting for the whole vault to be known. `path` is where it was
 * written (for the error's line); `add` puts the resolved note where it belongs.
 */
export interface PendingReference {
  written: string;
  path: PropertyKey[];
  add: (target: VaultPath) => void;
}

export type NoteData = StudyNote | TimelineNote | TermNote | CourseNote;

export function isStudyNote(note: NoteData): note is StudyNote {
  return (STUDY_TYPES as readonly string[]).includes(note.type);
}

/** Takeaways, FAQ, quotes or quiz questions: what a study sheet is made of. */
export function hasStudyMaterial(note: NoteData): note is StudyNote {
  return isStudyNote(note) && note.takeaways.length + note.faq.length + note.quotes.length + note.quiz.length > 0;
}
export type { NoteType };

/** The name a note is shown by, in links, lists, headings and search: a term's term, else its title. */
export function displayTitle(note: NoteData): string {
  return note.type === 'term' ? note.term : note.title;
}

/** What a note is about, in a sentence: a term's definition, else its description if it has one. */
export function summaryOf(note: NoteData): string | undefined {
  return note.type === 'term' ? note.definition : note.description;
}

export type NoteOutcome =
  | {
      status: 'published';
      note: NoteData;
      body: string;
      bodyLine: number;
      /** File line of a frontmatter key path, for problems found later (e.g. a dead link in `order`). */
      lineOf: (path: readonly PropertyKey[]) => number | undefined;
      references: PendingReference[];
      /** File lines of what makes the note's URLs, for problems with them found later (src/lib/site/reserved-urls.ts). */
      urlLines: UrlLines;
      /** A `type` of the author's own (the note is a plain note), for the build's summary warning. */
      ownType?: string;
    }
  | { status: 'unpublished'; title: string; aliases: string[] }
  | { status: 'invalid'; problems: Problem[] };

const fileName = (path: string) => (path.split('/').pop() as string).replace(/\.mdx?$/i, '');

/** Where a note's URLs are written: its URL's key, each old URL (as `redirects`), each frontmatter tag. */
export interface UrlLines {
  url?: number;
  redirects: (number | undefined)[];
  tags: Map<string, number>;
}

export function readNote(vaultPath: VaultPath, text: string): NoteOutcome {
  const source = parseNoteSource(text);
  const problem = (message: string, line?: number): Problem => ({ file: vaultPath, ...(line ? { line } : {}), message });
  if (source.problems.length > 0) {
    return { status: 'invalid', problems: source.problems.map((p) => problem(p.message, p.line)) };
  }
  const data = presentProperties(source.data);
  const publish = isPublished(data);
  if (!publish.ok) {
    const key = Object.hasOwn(data, 'dg-publish') ? 'dg-publish' : 'publish';
    return { status: 'invalid', problems: [problem(publish.reason, source.lineOf([key]))] };
  }
  if (!publish.value) {
    // Unpublished notes are only checked enough to be linked to as plain text; nothing else is kept.
    const written = data.aliases === undefined ? [] : Array.isArray(data.aliases) ? data.aliases : [data.aliases];
    const aliases = written
      .filter((alias) => typeof alias === 'string' || typeof alias === 'number')
      .map(String)
      .filter((alias) => !alias.startsWith('/'));
    return { status: 'unpublished', title: fileName(vaultPath), aliases };
  }

  const parsed = parseFrontmatter(data);
  if (!parsed.ok) {
    return { status: 'invalid', problems: parsed.issues.map((issue) => problem(issue.message, source.lineOf(issue.path))) };
  }
  const frontmatter = parsed.value;
  const permalink = frontmatter.permalink ?? frontmatter['dg-permalink'];
  const url = noteUrl({
    vaultPath,
    ...(frontmatter['dg-home'] ? { home: true } : {}),
    ...(permalink !== undefined ? { permalink } : {}),
    ...(frontmatter['dg-path'] !== undefined ? { dgPath: frontmatter['dg-path'] } : {}),
  });
  if (!url.ok) {
    const key =
      frontmatter.permalink !== undefined ? 'permalink' : frontmatter['dg-permalink'] !== undefined ? 'dg-permalink' : 'dg-path';
    return { status: 'invalid', problems: [problem(url.reason, source.lineOf([key]))] };
  }

  const problems: Problem[] = [];
  const references: PendingReference[] = [];
  const note = normalise(
    vaultPath,
    frontmatter,
    url.value.url,
    url.value.source,
    (message, path) => problems.push(problem(message, source.lineOf(path))),
    references,
  );
  if (problems.length > 0) return { status: 'invalid', problems };
  const urlKeyName =
    url.value.source === 'permalink'
      ? frontmatter.permalink !== undefined
        ? 'permalink'
        : 'dg-permalink'
      : url.value.source === 'path'
        ? undefined
        : url.value.source;
  const urlLine = urlKeyName ? source.lineOf([urlKeyName]) : undefined;
  const tagLines = new Map<string, number>();
  (frontmatter.tags ?? []).forEach((tag, index) => {
    const line = source.lineOf(['tags', index]) ?? source.lineOf(['tags']);
    if (line !== undefined && !tagLines.has(tag)) tagLines.set(tag, line);
  });
  return {
    status: 'published',
    note,
    body: source.body,
    bodyLine: source.bodyLine,
    lineOf: source.lineOf,
    references,
    urlLines: {
      ...(urlLine !== undefined ? { url: urlLine } : {}),
      // The old URLs are the aliases that start with `/`, in order (each valid, or the note is invalid).
      redirects: (frontmatter.aliases ?? []).flatMap((alias, index) =>
        alias.startsWith('/') ? [source.lineOf(['aliases', index]) ?? source.lineOf(['aliases'])] : [],
      ),
      tags: tagLines,
    },
    ...(parsed.ownType !== undefined ? { ownType: parsed.ownType } : {}),
  };
}

/** The body as the Markdown parser sees it, at build and in the vault scan alike: comments out, lines kept. */
export function renderableBody(body: string, bodyLine: number): string {
  return padToLine(stripComments(body), bodyLine);
}

/** Blank lines in place of the frontmatter, so the Markdown parser's line numbers are the file's. */
export function padToLine(body: string, line: number): string {
  return '\n'.repeat(Math.max(0, line - 1)) + body;
}

/** Ids a heading of this note may not take: the page's sections, its events and eras. */
export function reservedIds(note: NoteData): string[] {
  if (isStudyNote(note)) return note.quiz.map((question) => question.id);
  if (note.type !== 'timeline') return [];
  return [...note.events.map((event) => event.id), ...note.eras.map((era) => eraId(era.title))];
}

export function eraId(title: string): string {
  return `era-${headingKey(title)}`;
}

function normalise(
  vaultPath: VaultPath,
  frontmatter: NoteFrontmatter,
  url: SiteUrl,
  urlSource: UrlSource,
  report: (message: string, path: PropertyKey[]) => void,
  references: PendingReference[],
): NoteData {
  const refer = (written: readonly string[] | undefined, key: PropertyKey[], into: VaultPath[]) =>
    (written ?? []).forEach((link, index) =>
      references.push({ written: link, path: [...key, index], add: (target) => into.push(target) }),
    );
  const common: NoteCommon = {
    vaultPath,
    url,
    urlSource,
    title: frontmatter.title ?? fileName(vaultPath),
    ...((frontmatter.description ?? frontmatter['dg-metatags']?.description)
      ? { description: markdownToText(frontmatter.description ?? frontmatter['dg-metatags']?.description ?? '') }
      : {}),
    tags: [...new Set(frontmatter.tags ?? [])],
    aliases: frontmatter.aliases ?? [],
    ...((frontmatter.created ?? frontmatter['dg-created']) ? { created: frontmatter.created ?? frontmatter['dg-created'] } : {}),
    ...((frontmatter.updated ?? frontmatter['dg-updated']) ? { updated: frontmatter.updated ?? frontmatter['dg-updated'] } : {}),
    ...(frontmatter.lang ? { lang: frontmatter.lang } : {}),
    hidden: frontmatter['dg-hide'] ?? false,
    pinned: frontmatter['dg-pinned'] ?? false,
    hiddenInGraph: frontmatter['dg-hide-in-graph'] ?? false,
    format: vaultPath.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md',
    redirects: [],
    headings: [],
    links: [],
    words: 0,
    display: {
      toc: frontmatter['dg-show-toc'] ?? true,
      backlinks: frontmatter['dg-show-backlinks'] ?? true,
      localGraph: frontmatter['dg-show-local-graph'] ?? true,
      inlineTitle: frontmatter['dg-show-inline-title'] ?? true,
      tags: frontmatter['dg-show-tags'] ?? true,
    },
    cssClasses: safeClassNames([
      ...(frontmatter.cssclasses ?? []),
      ...(frontmatter.cssclass ?? []),
      ...(frontmatter['dg-content-classes'] ?? []),
    ]),
    math: false,
  };
  (frontmatter.aliases ?? []).forEach((alias, index) => {
    if (!alias.startsWith('/')) return;
    const old = urlFromPermalink(alias);
    if (old.ok) common.redirects.push(old.value);
    else report(`aliases[${index}] "${alias}" is not a URL this site can serve: ${old.reason}`, ['aliases', index]);
  });
  common.aliases = common.aliases.filter((alias) => !alias.startsWith('/'));
  switch (frontmatter.type) {
    case 'timeline': {
      const eras = frontmatter.eras ?? [];
      const eraTitles = new Set(eras.map((era) => era.title));
      const seen = new Map<string, number>();
      const events = frontmatter.events.map((event, index): TimelineEvent => {
        const id = event.id ?? eventId(event.date, event.title);
        if (seen.has(id)) {
          report(`events[${index}] has the same id "${id}" as events[${seen.get(id)}]; give one of them its own id`, [
            'events',
            index,
          ]);
        }
        seen.set(id, index);
        const links: VaultPath[] = [];
        refer(event.links, ['events', index, 'links'], links);
        if (event.era !== undefined && !eraTitles.has(event.era)) {
          report(`events[${index}].era "${event.era}" is not the title of any entry in eras`, ['events', index, 'era']);
        }
        return {
          id,
          date: event.date,
          title: event.title,
          ...(event.detail ? { detail: event.detail } : {}),
          ...(event.significance ? { significance: event.significance } : {}),
          ...(event.era ? { era: event.era } : {}),
          links,
        };
      });
      return {
        ...common,
        type: 'timeline',
        events: sortChronologically(events, (event) => event.date),
        eras: sortChronologically(eras, (era) => era.start),
      };
    }
    case 'term': {
      const related: VaultPath[] = [];
      refer(frontmatter.related, ['related'], related);
      return {
        ...common,
        type: 'term',
        term: frontmatter.term ?? common.title,
        definition: markdownToText(frontmatter.definition),
        related,
      };
    }
    case 'course': {
      const order: VaultPath[] = [];
      refer(frontmatter.order, ['order'], order);
      return { ...common, type: 'course', order };
    }
    default: {
      const taken = new Map<string, number>();
      const quiz = (frontmatter.quiz ?? []).map((question): QuizQuestion => {
        const base = `quiz-${headingKey(question.q).slice(0, 48).replace(/-+$/, '')}`;
        const count = taken.get(base) ?? 0;
        taken.set(base, count + 1);
        return {
          id: count === 0 ? base : `${base}-${count}`,
          q: question.q,
          ...(question.choices ? { choices: question.choices } : {}),
          answer: question.answer,
          ...(question.explanation ? { explanation: question.explanation } : {}),
        };
      });
      const quotes = (frontmatter.quotes ?? []).map((quote) => ({
        quote: quote.quote,
        by: quote.by,
        ...(quote.context ? { context: quote.context } : {}),
      }));
      return {
        ...common,
        type: frontmatter.type,
        takeaways: frontmatter.takeaways ?? [],
        faq: frontmatter.faq ?? [],
        quotes,
        quiz,
      };
    }
  }
}

/**
 * Author-chosen classes, namespaced so they style only what the author's own CSS snippet targets and
 * never take a class of the site's (`note-class-wide`): letters, digits, `-` and `_`; anything else is dropped.
 */
function safeClassNames(written: readonly string[]): string[] {
  return [...new Set(written.filter((name) => /^[A-Za-z_][\w-]*$/.test(name)).map((name) => `note-class-${name}`))];
}
