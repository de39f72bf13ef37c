/**
 * The language of the page being rendered: a page whose note sets `lang` puts it in `Astro.locals`
 * before anything renders (its components, and the study components an `.mdx` note uses without
 * props, all read it here); every other page is in the site's language.
 */
import { translator, type Translator } from '../lib/site/i18n.ts';
import siteConfig from 'virtual:garden/config';

export function pageLang(locals: App.Locals): string {
  return locals.lang ?? siteConfig.lang;
}

export function pageText(locals: App.Locals): Translator {
  return translator(pageLang(locals));
}

/** The text of a page that belongs to a note: the note's own `lang`, when it sets one, is the page's. */
export function noteText(locals: App.Locals, note: { lang?: string | undefined }): Translator {
  if (note.lang) locals.lang = note.lang;
  return pageText(locals);
}
