/**
 * Site options, checked with a zod schema as Starlight checks its configuration. Environment
 * variables override them for one build (fixture vaults in tests, an import being mended).
 */
import { z } from 'zod';
import { canonicalLang } from './lib/i18n.ts';
import { DEFAULT_MAX_NOTE_SIZE } from './lib/limits.ts';

/** A BCP 47 tag, canonicalised (`pt-br` → `pt-BR`); an invalid one is an error that says what to write. */
const languageTag = z.string().transform((value, ctx) => {
  const lang = canonicalLang(value);
  if (lang.ok) return lang.value;
  ctx.addIssue({ code: 'custom', message: lang.reason });
  return z.NEVER;
});

export const siteConfigSchema = z.object({
  /** The site's name, in the header and in every page title. */
  title: z.string().min(1).default('Study Notes Garden'),
  /** One sentence for the home page and search engines. */
  description: z.string().default('History study notes: briefs, timelines and a glossary, linked and searchable.'),
  /** The public origin the site is deployed at (canonical URLs, sitemap, feeds). */
  site: z.url().default('https://notes.example.org'),
  /** The Obsidian vault folder, relative to the project root. */
  contentDir: z.string().min(1).default('content'),
  /** What a dead link does to the build (DESIGN §5). */
  brokenLinks: z.enum(['error', 'warn']).default('error'),
  /** The committed list of every published URL (relative to the project root); empty turns the check off. */
  urlLock: z.string().default('url-lock.json'),
  /**
   * Threads that render notes: `auto` uses up to four cores once a build has 100 notes to render
   * (fewer render faster on the main thread); 0 renders on the main thread.
   */
  renderWorkers: z.union([z.literal('auto'), z.int().min(0).max(16)]).default('auto'),
  /**
   * What renders Markdown: `satteri` (Astro 7's Rust processor, about three times faster on a large
   * vault) or `unified` (remark/rehype plugins, the reference). Both give the same HTML, note for note
   * (tests/unit/markdown-processors.test.ts): that is why the faster one is the default.
   */
  markdownProcessor: z.enum(['unified', 'satteri']).default('satteri'),
  /**
   * The language of the site (BCP 47: `en`, `pt-BR`): `<html lang>`, the interface text (src/lib/i18n.ts)
   * and dates. A note's own `lang` property sets its page's.
   */
  lang: languageTag.default('en'),
  /**
   * The largest note, in MB: a larger note is an error naming it, never parsed (src/lib/limits.ts has
   * the other limits, which are fixed).
   */
  maxNoteSize: z.number().positive().default(DEFAULT_MAX_NOTE_SIZE),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;

export function resolveSiteConfig(
  options: z.input<typeof siteConfigSchema>,
  env: Record<string, string | undefined>,
): SiteConfig {
  const parsed = siteConfigSchema.safeParse({
    ...options,
    ...(env.GARDEN_CONTENT_DIR ? { contentDir: env.GARDEN_CONTENT_DIR } : {}),
    ...(env.GARDEN_BROKEN_LINKS ? { brokenLinks: env.GARDEN_BROKEN_LINKS } : {}),
    ...(env.GARDEN_SITE ? { site: env.GARDEN_SITE } : {}),
    ...(env.GARDEN_URL_LOCK !== undefined ? { urlLock: env.GARDEN_URL_LOCK } : {}),
    ...(env.GARDEN_RENDER_WORKERS
      ? { renderWorkers: env.GARDEN_RENDER_WORKERS === 'auto' ? 'auto' : Number(env.GARDEN_RENDER_WORKERS) }
      : {}),
    ...(env.GARDEN_MARKDOWN_PROCESSOR ? { markdownProcessor: env.GARDEN_MARKDOWN_PROCESSOR } : {}),
    ...(env.GARDEN_LANG ? { lang: env.GARDEN_LANG } : {}),
    ...(env.GARDEN_MAX_NOTE_SIZE ? { maxNoteSize: Number(env.GARDEN_MAX_NOTE_SIZE) } : {}),
  });
  // One readable sentence per bad option (GARDEN_* variables included), not a zod dump.
  if (!parsed.success)
    throw new Error(`Site options (src/site.config.ts, GARDEN_* variables):\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const siteConfig = resolveSiteConfig({}, process.env);
