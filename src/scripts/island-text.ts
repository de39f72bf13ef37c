/**
 * The interface text of the client islands, in the page's language: BaseLayout writes it into the page
 * as JSON (src/lib/site/i18n.ts `clientMessages`), so no island carries a dictionary of its own. Only the
 * site script imports this module; the islands it loads on demand are handed `islandTextApi`, so
 * the bundler makes no separate chunk of it and a page requests one script.
 */
import type { ClientMessages } from '../lib/site/i18n.ts';
import { fill, plural, type PluralMessage, type Values } from '../lib/site/i18n-format.ts';
import { ISLAND_TEXT_ID } from '../lib/site/page-ids.ts';

let text: ClientMessages | undefined;

export function islandText(): ClientMessages {
  text ??= JSON.parse(document.getElementById(ISLAND_TEXT_ID)?.textContent ?? '{}') as ClientMessages;
  return text;
}

type TextKey = { [K in keyof ClientMessages]: ClientMessages[K] extends string ? K : never }[keyof ClientMessages];

/** A message of the page's language filled in; the key itself if the page has no text for it. */
export function say(key: TextKey, values?: Values): string {
  return fill(islandText()[key] ?? key, values);
}

/** A plural message, by the plural rules of the page's language. */
export function sayCount(message: PluralMessage | undefined, count: number, values?: Values): string {
  return message ? plural(message, count, document.documentElement.lang || 'en', values) : String(count);
}

/** What the islands loaded on demand are given (they import only its type). */
export const islandTextApi = { islandText, say, sayCount };
export type IslandText = typeof islandTextApi;
