/**
 * The frontmatter contract (DESIGN §4) as zod schemas, one per note kind. Unknown keys are allowed
 * (Obsidian notes carry many); a known key of the wrong type, an impossible date or an unknown `type`
 * is an error. Schemas only check and normalise shapes: URL, publish and link rules live elsewhere.
 */
import { z } from 'zod';
import { normaliseTag } from './tags.ts';
import { parseCalendarDate, parseHistoricalDate, type HistoricalDate } from './dates.ts';
import { canonicalLang } from './i18n.ts';

export const NOTE_TYPES = ['brief', 'timeline', 'term', 'course'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/** A YAML list, or a single value that Obsidian authors often write instead of a one-item list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item));

const text = z.string();
const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** A tag as Obsidian writes it, with or without `#`: `#cold-war` → `cold-war`. */
const tag = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const cleaned = String(value).trim().replace(/^#/, '');
  if (cleaned === '' || /\s/.test(cleaned)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a tag (tags have no spaces)` });
    return z.NEVER;
  }
  return normaliseTag(cleaned);
});

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
  aliases: listOf(z.union([z.string(), z.number()]).transform(String)).optional(),
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
  /** The note's language (BCP 47), canonicalised; `lang:` with no value is absent. */
  lang: z
    .unknown()
    .transform((value, ctx) => {
      if (value === null || value === undefined || value === '') return undefined;
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
    choices: z
      .array(z.union([z.string(), z.number()]).transform(String))
      .min(2, 'a multiple-choice question needs at least two choices')
      .optional(),
    answer: z.union([z.string(), z.number()]).transform(String),
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

export const briefSchema = z.looseObject({
  ...common,
  type: z.literal('brief').optional(),
  takeaways: listOf(nonEmptyText).optional(),
  faq: z.array(faqItem).optional(),
  quotes: z.array(keyQuote).optional(),
  quiz: z.array(quizQuestion).optional(),
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
  brief: briefSchema,
  timeline: timelineSchema,
  term: termSchema,
  course: courseSchema,
} as const;

export type BriefFrontmatter = z.output<typeof briefSchema>;
export type TimelineFrontmatter = z.output<typeof timelineSchema>;
export type TermFrontmatter = z.output<typeof termSchema>;
export type CourseFrontmatter = z.output<typeof courseSchema>;
export type TimelineEventFrontmatter = z.output<typeof eventSchema>;

export type NoteFrontmatter = ({ type: 'brief' } & BriefFrontmatter) | TimelineFrontmatter | TermFrontmatter | CourseFrontmatter;

export interface SchemaIssue {
  path: PropertyKey[];
  message: string;
}

/** Validates frontmatter against its kind's schema; the kind comes from `type` (default `brief`). */
export function parseFrontmatter(
  data: Record<string, unknown>,
): { ok: true; value: NoteFrontmatter } | { ok: false; issues: SchemaIssue[] } {
  const type = data.type ?? 'brief';
  if (typeof type !== 'string' || !(NOTE_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      issues: [{ path: ['type'], message: `unknown type ${JSON.stringify(type)}; use one of ${NOTE_TYPES.join(', ')}` }],
    };
  }
  const result = frontmatterSchemas[type as NoteType].safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({
        path: issue.path,
        message: describeIssue(issue, valueAt(data, issue.path)),
      })),
    };
  }
  return { ok: true, value: { ...result.data, type } as NoteFrontmatter };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const key =
    issue.path.length > 0
      ? issue.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .replace(/^\./, '')
      : 'frontmatter';
  if (issue.code === 'invalid_type') {
    if (input === undefined) return `${key} is required`;
    const got = Array.isArray(input)
      ? 'a list'
      : input === null
        ? 'empty'
        : `${typeof input === 'object' ? 'a mapping' : JSON.stringify(input)}`;
    return `${key} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${got}`;
  }
  return `${key}: ${issue.message}`;
}
