/**
 * The site's interface text in every language it speaks (one dictionary per file in
 * src/lib/site/messages/), and the rules for choosing one: a page is in its note's `lang` or the site's
 * `lang` (BCP 47); the nearest dictionary is used (`pt-PT` and `pt` → `pt-BR`), a language without one
 * is shown in English, and a key a dictionary lacks falls back to English. English is the reference: every key exists there, checked by the compiler.
 *
 * Messages are plain text with `{name}` placeholders, or plural forms (`{ one, other }`) chosen by
 * Intl.PluralRules, so that the client islands' share can be compiled into the site script as JSON
 * (see `clientTextByDictionary`).
 */
import { nearestDictionary } from './dictionary-lang.ts';
import { fill, plural, type PluralMessage, type Values } from './i18n-format.ts';
import { fail, ok, type Result } from '../util/types.ts';
import { en } from './messages/en.ts';
import { ptBR } from './messages/pt-br.ts';

/** Every message of the interface; English has them all. */
export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends PluralMessage ? PluralMessage : string };
export type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
export type PluralKey = { [K in keyof Messages]: Messages[K] extends PluralMessage ? K : never }[keyof Messages];

/**
 * The dictionaries, by the language tag they are written for. A new one may be partial (missing keys
 * show in English); add it here and to the completeness test in tests/unit/i18n.test.ts.
 */
export const DICTIONARIES: Readonly<Record<string, Partial<Messages>>> = { en, 'pt-BR': ptBR };

/**
 * A BCP 47 language tag as written by an author or in the site options, canonicalised (`pt-br` →
 * `pt-BR`, `EN` → `en`); an invalid tag is refused with a message saying what to write.
 */
export function canonicalLang(value: unknown): Result<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(`expected a language tag such as "en" or "pt-BR", got ${JSON.stringify(value)}`);
  }
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim());
    if (canonical) return ok(canonical);
  } catch {
    // RangeError: not a well-formed tag; the message below says what is.
  }
  return fail(`"${value}" is not a BCP 47 language tag; write one such as "en", "pt-BR" or "es"`);
}

/**
 * The dictionary for a page's language: the exact tag, then the language without region or script
 * (`pt-PT` → `pt`), then any dictionary of the same language (`pt` → `pt-BR`), else English.
 */
export function dictionaryLang(lang: string): string {
  return nearestDictionary(lang, Object.keys(DICTIONARIES));
}

/** A dictionary over English: every key it lacks is the English message. */
export function completeMessages(dictionary: Partial<Messages>): Messages {
  return { ...en, ...dictionary };
}

export interface Translator {
  /** The page's language, as `<html lang>` carries it. */
  lang: string;
  /** The dictionary it speaks (`en`, `pt-BR`). */
  dictionary: string;
  messages: Messages;
  t(key: TextKey, values?: Values): string;
  n(key: PluralKey, count: number, values?: Values): string;
}

const translators = new Map<string, Translator>();

/** The interface text of a page in `lang` (a canonical BCP 47 tag). */
export function translator(lang: string): Translator {
  let found = translators.get(lang);
  if (!found) {
    const dictionary = dictionaryLang(lang);
    const messages = completeMessages(DICTIONARIES[dictionary] ?? {});
    // Plural rules follow the dictionary's language, as its plural forms are written for it.
    found = {
      lang,
      dictionary,
      messages,
      t: (key, values) => fill(messages[key], values),
      n: (key, count, values) => plural(messages[key], count, dictionary, values),
    };
    translators.set(lang, found);
  }
  return found;
}

/** The messages the client islands use: the site script carries them, in every dictionary (`clientTextByDictionary`). */
const CLIENT_KEYS = [
  'searchTheNotes',
  'searchFilterAll',
  'searchFilterType',
  'searchFilterCourse',
  'searchFilterTag',
  'searchResults',
  'searchSearching',
  'searchDidYouMean',
  'searchFailed',
  'kindNote',
  'kindBrief',
  'kindQuiz',
  'kindTimeline',
  'kindTerm',
  'kindCourse',
  'typeNote',
  'typeBrief',
  'typeQuiz',
  'typeTimeline',
  'typeCourse',
  'groupGlossary',
  'linkCopied',
  'shareThis',
  'shareCopied',
  'shareCopyByHand',
  'embedEvents',
  'quizChoices',
  'quizScore',
  'quizToMark',
  'quizRight',
  'quizWrong',
  'quizUnanswered',
  'quizRightChoice',
  'flashcardAllKnown',
  'flashcardTerm',
  'flashcardEvent',
  'flashcardDefinition',
  'flashcardDate',
  'flashcardTurnOver',
  'flashcardProgress',
  'theme',
  'themeLabel',
  'themeSystem',
  'themeLight',
  'themeDark',
] as const satisfies readonly (keyof Messages)[];

export type ClientMessages = Pick<Messages, (typeof CLIENT_KEYS)[number]>;

/** The client islands' messages of one complete dictionary. */
function clientMessages(messages: Messages): ClientMessages {
  return Object.fromEntries(CLIENT_KEYS.map((key) => [key, messages[key]])) as ClientMessages;
}

/**
 * The client islands' messages of every dictionary, each completed over English, by the dictionary's
 * tag: compiled into the site script (`virtual:garden/client-text`, src/integration.ts), which picks the
 * page's with `nearestDictionary` as the server does. Once per site rather than once per page, and
 * without the rest of the dictionaries.
 */
export function clientTextByDictionary(
  dictionaries: Readonly<Record<string, Partial<Messages>>> = DICTIONARIES,
): Record<string, ClientMessages> {
  return Object.fromEntries(
    Object.entries(dictionaries).map(([tag, dictionary]) => [tag, clientMessages(completeMessages(dictionary))]),
  );
}
