/**
 * The interface text of the client islands, in the page's language: the site script carries the
 * islands' messages of every dictionary (`virtual:garden/client-text`, made from src/lib/site/i18n.ts
 * at build time) and picks the one the page's `<html lang>` is shown in, as the server picked the
 * page's, so no page carries a copy and no island a dictionary of its own. Only the site script imports
 * this module; the islands it loads on demand are handed `islandTextApi`, so the bundler makes no
 * separate chunk of it and a page requests one script.
 */
import clientText from 'virtual:garden/client-text';
import type { ClientMessages } from '../lib/site/i18n.ts';
import { nearestDictionary } from '../lib/site/dictionary-lang.ts';
import { fill, plural, type PluralMessage, type Values } from '../lib/site/i18n-format.ts';

/** The page's language, as the server wrote it. */
const pageLang = () => document.documentElement.lang || 'en';

let text: ClientMessages | undefined;

export function islandText(): ClientMessages {
  // English is always there (a unit test says so); `{}` only keeps a broken build from throwing.
  text ??= clientText[nearestDictionary(pageLang(), Object.keys(clientText))] ?? ({} as ClientMessages);
  return text;
}

type TextKey = { [K in keyof ClientMessages]: ClientMessages[K] extends string ? K : never }[keyof ClientMessages];

/** A message of the page's language filled in; the key itself if the site has no text for it. */
export function say(key: TextKey, values?: Values): string {
  return fill(islandText()[key] ?? key, values);
}

/** A plural message, by the plural rules of the page's language. */
export function sayCount(message: PluralMessage | undefined, count: number, values?: Values): string {
  return message ? plural(message, count, pageLang(), values) : String(count);
}

/** What the islands loaded on demand are given (they import only its type). */
export const islandTextApi = { islandText, say, sayCount };
export type IslandText = typeof islandTextApi;
