/** What the garden knows of a note, by kind, and the helpers that read it. */
import type { HistoricalDate } from './dates.ts';
import { STUDY_TYPES, type NoteType, type StudyType } from './schema.ts';
import type { SiteUrl, VaultPath } from '../util/types.ts';
import type { UrlSource } from '../site/url.ts';
import type { NoteHeading } from '../syntax/scan.ts';
import type { NoteCitations } from '../render/citations.ts';
import { citedText } from '../render/citation-links.ts';

export interface TimelineEvent {
  id: string;
  date: HistoricalDate;
  title: string;
  detail?: string;
  significance?: string;
  era?: string;
  /** Citations of its sources as written (`[@taubman2003, 250]`), formatted with the note's citations. */
  sources?: string[];
  /** Notes the event names, resolved when the vault is loaded. */
  links: VaultPath[];
}

export interface Era {
  title: string;
  start: HistoricalDate;
  end: HistoricalDate;
}
export interface NoteCommon {
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
  /** Its citations formatted, and the works they cite, when it cites any (src/lib/vault/citations.ts). */
  citations?: NoteCitations;
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

export interface FaqItem {
  id: string;
  q: string;
  a: string;
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
  /** Each entry with its id, stable within the note, for deep links. */
  faq: FaqItem[];
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
 * A wikilink written in frontmatter, waiting for the whole vault to be known: plain data, so that a
 * note's reading can be kept between builds (src/loaders/read-cache.ts). `line` is where it was
 * written (for a problem with it); `slot` is where the resolved note belongs (`addReference`).
 */
export interface PendingReference {
  written: string;
  line?: number;
  slot: ReferenceSlot;
}

/** Where a frontmatter wikilink's note goes: a term's `related`, a course's `order`, an event's `links`. */
export type ReferenceSlot = { kind: 'related' } | { kind: 'order' } | { kind: 'event'; id: string };

/** Puts a resolved frontmatter wikilink's note in its place in the note's data. */
export function addReference(note: NoteData, slot: ReferenceSlot, target: VaultPath): void {
  if (slot.kind === 'related' && note.type === 'term') note.related.push(target);
  else if (slot.kind === 'order' && note.type === 'course') note.order.push(target);
  else if (slot.kind === 'event' && note.type === 'timeline')
    note.events.find((event) => event.id === slot.id)?.links.push(target);
  else throw new Error(`a ${slot.kind} reference in a ${note.type} note`);
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

/**
 * What a note is about, in a sentence: a term's definition (its citations formatted, as words), else its
 * description if it has one.
 */
export function summaryOf(note: NoteData): string | undefined {
  return note.type === 'term' ? citedText(note.definition, note.citations) : note.description;
}
