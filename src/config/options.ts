/**
 * The site's options: what an author passes to `garden({...})` in astro.config.mjs, checked with a
 * zod schema as Starlight checks `starlight({...})`. GARDEN_* environment variables override them for
 * one build (fixture vaults in tests, an import being mended). No Astro import: the CLI and the unit
 * tests use it too.
 */
import { z } from 'zod';
import { canonicalLang } from '../lib/site/i18n.ts';
import { DEFAULT_MAX_NOTE_SIZE } from '../lib/vault/limits.ts';

/** A BCP 47 tag, canonicalised (`pt-br` → `pt-BR`); an invalid one is an error that says what to write. */
const languageTag = z.string({ error: 'must be a language tag such as en or pt-BR' }).transform((value, ctx) => {
  const lang = canonicalLang(value);
  if (lang.ok) return lang.value;
  ctx.addIssue({ code: 'custom', message: lang.reason });
  return z.NEVER;
});

/** Who may frame the embeds (CSP `frame-ancestors` sources): `*`, or an origin such as https://moodle.example.edu. */
const embedOrigin = z.string().regex(/^(?:\*|https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?)$/i, {
  error: "must be '*' or an origin such as https://moodle.example.edu (scheme and host, no path)",
});

const WORKERS = { error: "must be 'auto' or a whole number from 0 to 16" };

export const gardenOptionsSchema = z.strictObject(
  {
    /** The site's name, in the header and in every page title. */
    title: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }).default('Study Notes Garden'),
    /** One sentence for the home page and search engines. */
    description: z
      .string({ error: 'must be text' })
      .default('History study notes: briefs, timelines and a glossary, linked and searchable.'),
    /** The public origin the site is deployed at (canonical URLs, sitemap, feeds). */
    site: z
      .url({ error: 'must be a full URL with its scheme, such as https://notes.example.org' })
      .default('https://notes.example.org'),
    /** The Obsidian vault folder, relative to the project root. */
    contentDir: z
      .string({ error: 'must be a folder path' })
      .min(1, { error: 'must be a folder path, not empty' })
      .default('content'),
    /** What a dead link does to the build (DESIGN §5). */
    brokenLinks: z.enum(['error', 'warn'], { error: "must be 'error' or 'warn'" }).default('error'),
    /** The committed list of every published URL (relative to the project root); empty turns the check off. */
    urlLock: z.string({ error: "must be a file path, or '' for no URL lock" }).default('url-lock.json'),
    /**
     * Threads that render notes: `auto` uses up to four cores once a build has 100 notes to render
     * (fewer render faster on the main thread); 0 renders on the main thread.
     */
    renderWorkers: z.union([z.literal('auto'), z.int().min(0, WORKERS).max(16, WORKERS)], WORKERS).default('auto'),
    /**
     * What renders Markdown: `satteri` (Astro 7's Rust processor, about three times faster on a large
     * vault) or `unified` (remark/rehype plugins, the reference). Both give the same HTML, note for note
     * (tests/unit/markdown-processors.test.ts): that is why the faster one is the default.
     */
    markdownProcessor: z.enum(['unified', 'satteri'], { error: "must be 'satteri' or 'unified'" }).default('satteri'),
    /**
     * The language of the site (BCP 47: `en`, `pt-BR`): `<html lang>`, the interface text (src/lib/site/i18n.ts)
     * and dates. A note's own `lang` property sets its page's.
     */
    lang: languageTag.default('en'),
    /**
     * The largest note, in MB: a larger note is an error naming it, never parsed (src/lib/vault/limits.ts has
     * the other limits, which are fixed).
     */
    maxNoteSize: z
      .number({ error: 'must be a number of MB' })
      .positive({ error: 'must be a positive number of MB' })
      .default(DEFAULT_MAX_NOTE_SIZE),
    /**
     * The CSL style citations are formatted in: a `.csl` file, relative to the project root; empty for
     * Chicago author-date (src/lib/render/citations.ts).
     */
    citationStyle: z.string({ error: "must be the path of a .csl file, or '' for Chicago author-date" }).default(''),
    /**
     * The sites that may show the embeds (`/embed/…`) in a frame: origins such as
     * `https://moodle.example.edu` (`https://*.example.edu` for its subdomains), or `*` for any; `[]`
     * for none. Every other page may be framed by no site (src/lib/output/security-headers.ts).
     */
    embedOrigins: z
      .array(embedOrigin, { error: "must be a list of origins, such as ['https://moodle.example.edu'], or ['*']" })
      .default(['*']),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown option${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `'${key}'`).join(', ')}`
        : undefined,
  },
);

/** What `garden({...})` accepts: every option may be left out. */
export type GardenOptions = z.input<typeof gardenOptionsSchema>;
/** The options once checked, with their defaults: what pages, the loader and the integration read. */
export type GardenConfig = z.output<typeof gardenOptionsSchema>;

/** The environment variables that override an option for one build, by option. */
const ENV_OVERRIDES = {
  contentDir: 'GARDEN_CONTENT_DIR',
  brokenLinks: 'GARDEN_BROKEN_LINKS',
  site: 'GARDEN_SITE',
  urlLock: 'GARDEN_URL_LOCK',
  renderWorkers: 'GARDEN_RENDER_WORKERS',
  markdownProcessor: 'GARDEN_MARKDOWN_PROCESSOR',
  lang: 'GARDEN_LANG',
  maxNoteSize: 'GARDEN_MAX_NOTE_SIZE',
  embedOrigins: 'GARDEN_EMBED_ORIGINS',
} as const satisfies Partial<Record<keyof GardenConfig, string>>;

/** Numbers arrive as text; `GARDEN_RENDER_WORKERS=auto` stays a word. */
const FROM_TEXT: Partial<Record<keyof typeof ENV_OVERRIDES, (text: string) => unknown>> = {
  renderWorkers: (text) => (text === 'auto' ? 'auto' : Number(text)),
  maxNoteSize: Number,
  // `GARDEN_EMBED_ORIGINS="https://a.example https://b.example"`; `none` for no site.
  embedOrigins: (text) => (text.trim() === 'none' ? [] : text.split(/[\s,]+/).filter(Boolean)),
};

/**
 * The options the environment sets. An empty variable sets nothing, except `GARDEN_URL_LOCK=`, which
 * turns the URL lock off.
 */
function envOverrides(env: Record<string, string | undefined>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(ENV_OVERRIDES).flatMap(([option, variable]) => {
      const text = env[variable];
      if (text === undefined || (text === '' && option !== 'urlLock')) return [];
      const convert = FROM_TEXT[option as keyof typeof ENV_OVERRIDES];
      return [[option, convert ? convert(text) : text]];
    }),
  );
}

/**
 * The options with the environment's overrides, checked. A bad option is an error with one readable
 * sentence per problem, each naming the option (and the variable it came from), not a zod dump.
 */
export function resolveGardenOptions(options: GardenOptions, env: Record<string, string | undefined>): GardenConfig {
  const parsed = gardenOptionsSchema.safeParse({ ...options, ...envOverrides(env) });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const option = String(issue.path[0] ?? '');
    const variable = option in ENV_OVERRIDES ? ENV_OVERRIDES[option as keyof typeof ENV_OVERRIDES] : undefined;
    const from = variable && env[variable] !== undefined && env[variable] !== '' ? ` (from ${variable})` : '';
    return option ? `- ${option}${from}: ${issue.message}` : `- ${issue.message}`;
  });
  throw new GardenOptionsError(`Invalid garden({...}) options in astro.config.mjs:\n${problems.join('\n')}`);
}

/** A bad option: the message says all there is to fix, so Astro prints it without a stack trace. */
export class GardenOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GardenOptionsError';
    this.stack = '';
  }
}
