/**
 * The frontmatter contract (DESIGN §4) as zod schemas, one per note kind. Unknown keys are allowed
 * (Obsidian notes carry many); a known key of the wrong type or an impossible date is an error, and
 * so is a near miss of a kind (`breif`), while a `type` of the author's own makes a plain note.
 * Empty properties were removed before (properties.ts). Schemas only check and normalise shapes:
 * URL, publish and link rules live elsewhere. src/lib/note/validate.ts applies them and words the issues.
 */
import { z } from 'zod';
import { isEmptyProperty } from './properties.ts';
import { normaliseTag, tagProblem } from '../syntax/tags.ts';
import { parseCalendarDate, parseHistoricalDate, type HistoricalDate } from './dates.ts';
import { canonicalLang } from '../site/i18n.ts';

export const NOTE_TYPES = ['note', 'brief', 'quiz', 'timeline', 'term', 'course'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];
/** Kinds that may carry study material (takeaways, FAQ, quotes, quiz) in their frontmatter. */
export const STUDY_TYPES = ['note', 'brief', 'quiz'] as const;
export type StudyType = (typeof STUDY_TYPES)[number];

/**
 * A YAML list, or a single value that Obsidian authors often write instead of a one-item list. Empty
 * items (`- ` with nothing after it) are dropped, as Obsidian drops them.
 */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      value === undefined ? value : (Array.isArray(value) ? value : [value]).filter((entry) => !isEmptyProperty(entry)),
    z.array(item),
  );

/** A text or a number (YAML reads `1962` or `42` as a number), as text. */
const textOrNumber = z.union([z.string(), z.number()], { error: 'must be text' }).transform(String);

const text = z.string();
const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/**
 * A tag as Obsidian writes it, with or without `#`: `#cold-war` → `cold-war`. A tag written with
 * spaces in a property (`Anatomia Humana`) is kept as written; its page gets a URL-safe slug (tags.ts).
 */
const tag = z.union([z.string(), z.number()], { error: 'must be a tag (text)' }).transform((value, ctx) => {
  const cleaned = String(value).trim().replace(/^#/, '').replace(/\s+/g, ' ');
  const problem = tagProblem(cleaned);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a tag: ${problem}` });
    return z.NEVER;
  }
  return normaliseTag(cleaned);
});

/** CSS classes for a note's page, as Obsidian's `cssclasses` and the garden's `dg-content-classes` give them. */
const cssClassList = listOf(z.string({ error: 'must be a class name' })).transform((names) =>
  names.flatMap((entry) => entry.split(/[\s,]+/)).filter(Boolean),
);

const calendarDate = z.unknown().transform((value, ctx) => {
  const parsed = parseCalendarDate(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.value;
});

const historicalDate = z.unknown().transform((value, ctx): HistoricalDate => {
  const parsed = parseHistoricalDate(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.value;
});

/** A wikilink written in frontmatter: `"[[Note]]"`, `"[[Folder/Note|text]]"` (or the bare name). */
const noteReference = nonEmptyText;

/** Keys every kind shares. */
const common = {
  title: nonEmptyText.optional(),
  description: text.optional(),
  tags: listOf(tag).optional(),
  aliases: listOf(textOrNumber).optional(),
  created: calendarDate.optional(),
  updated: calendarDate.optional(),
  'dg-created': calendarDate.optional(),
  'dg-updated': calendarDate.optional(),
  'dg-publish': z.boolean().optional(),
  'dg-home': z.boolean().optional(),
  'dg-hide': z.boolean().optional(),
  'dg-pinned': z.boolean().optional(),
  'dg-hide-in-graph': z.boolean().optional(),
  permalink: nonEmptyText.optional(),
  'dg-permalink': nonEmptyText.optional(),
  'dg-path': nonEmptyText.optional(),
  // The Digital Garden plugin's per-note display keys (README, "Frontmatter reference").
  'dg-show-toc': z.boolean().optional(),
  'dg-show-backlinks': z.boolean().optional(),
  'dg-show-local-graph': z.boolean().optional(),
  'dg-show-inline-title': z.boolean().optional(),
  'dg-show-tags': z.boolean().optional(),
  'dg-content-classes': cssClassList.optional(),
  cssclasses: cssClassList.optional(),
  cssclass: cssClassList.optional(),
  // Accepted and not shown: the site has no file tree to put an icon in.
  'dg-note-icon': z.union([z.string(), z.number()], { error: 'must be an icon name' }).optional(),
  'dg-metatags': z.looseObject({ description: text.optional() }, { error: 'must be a set of key: value pairs' }).optional(),
  /** The note's language (BCP 47), canonicalised (`lang:` with no value never gets here: properties.ts). */
  lang: z
    .unknown()
    .transform((value, ctx) => {
      const lang = canonicalLang(value);
      if (!lang.ok) ctx.addIssue({ code: 'custom', message: lang.reason });
      return lang.ok ? lang.value : z.NEVER;
    })
    .optional(),
};

const faqItem = z.object({ q: nonEmptyText, a: nonEmptyText });

/** A quiz question: multiple choice when it has `choices` (then `answer` is one of them), else free answer. */
const quizQuestion = z
  .object({
    q: nonEmptyText,
    choices: z.array(textOrNumber).min(2, 'a multiple-choice question needs at least two choices').optional(),
    answer: textOrNumber,
    explanation: text.optional(),
  })
  .superRefine((question, ctx) => {
    if (question.choices && !question.choices.includes(question.answer)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `"${question.answer}" is not one of the choices` });
    }
    if (question.choices && new Set(question.choices).size !== question.choices.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'two choices are the same' });
    }
  });

const keyQuote = z.object({ quote: nonEmptyText, by: nonEmptyText, context: text.optional() });

const studyMaterial = {
  takeaways: listOf(nonEmptyText).optional(),
  faq: z.array(faqItem).optional(),
  quotes: z.array(keyQuote).optional(),
  quiz: z.array(quizQuestion).optional(),
};

/** A plain note (no `type`, or one of the author's own) or a brief: either may carry study material. */
export const studySchema = z.looseObject({ ...common, ...studyMaterial });

/** A note that is a quiz: its questions are what it is. */
export const quizSchema = z.looseObject({
  ...common,
  ...studyMaterial,
  quiz: z.array(quizQuestion).min(1, 'a quiz needs at least one question'),
});

export type QuizQuestionFrontmatter = z.output<typeof quizQuestion>;
export type KeyQuoteFrontmatter = z.output<typeof keyQuote>;

const eventSchema = z.object({
  date: historicalDate,
  title: nonEmptyText,
  detail: text.optional(),
  significance: text.optional(),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'an event id is lowercase letters, digits and hyphens, e.g. 1962-10-24-naval-blockade')
    .optional(),
  era: nonEmptyText.optional(),
  links: listOf(noteReference).optional(),
  /** Citations of the event's sources, as written: `"[@taubman2003, 250]"` (src/lib/syntax/citations.ts). */
  sources: listOf(nonEmptyText).optional(),
});

const eraSchema = z.object({ title: nonEmptyText, start: historicalDate, end: historicalDate });

export const timelineSchema = z.looseObject({
  ...common,
  type: z.literal('timeline'),
  events: z.array(eventSchema).min(1, 'a timeline needs at least one event'),
  eras: z.array(eraSchema).optional(),
});

export const termSchema = z.looseObject({
  ...common,
  type: z.literal('term'),
  term: nonEmptyText.optional(),
  definition: nonEmptyText,
  related: listOf(noteReference).optional(),
});

export const courseSchema = z.looseObject({
  ...common,
  type: z.literal('course'),
  order: listOf(noteReference).optional(),
});

export const frontmatterSchemas = {
  note: studySchema,
  brief: studySchema,
  quiz: quizSchema,
  timeline: timelineSchema,
  term: termSchema,
  course: courseSchema,
} as const;

export type StudyFrontmatter = z.output<typeof studySchema>;
export type TimelineFrontmatter = z.output<typeof timelineSchema>;
export type TermFrontmatter = z.output<typeof termSchema>;
export type CourseFrontmatter = z.output<typeof courseSchema>;
export type TimelineEventFrontmatter = z.output<typeof eventSchema>;

export type NoteFrontmatter =
  ({ type: StudyType } & StudyFrontmatter) | TimelineFrontmatter | TermFrontmatter | CourseFrontmatter;
