/**
 * Filling in interface text: `{name}` placeholders and plural forms. Kept apart from the dictionaries
 * (src/lib/site/i18n.ts) because the client islands use it too, and they must not carry every language.
 */

/** A message that depends on a count: Intl.PluralRules picks the form (`one`, `few`, `many`…), else `other`. */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type Values = Record<string, string | number>;

/** `"Card {n} of {total}"` with `{ n: 1, total: 9 }` → `"Card 1 of 9"`; an unknown placeholder stays as written. */
export function fill(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * CLDR's rules for `pt` count 0 as singular ("0 nota"); Brazilian usage, like Portugal's, says "0 notas",
 * which is what CLDR's `pt-PT` rules give.
 */
const pluralLocale = (lang: string) => (lang.toLowerCase().split('-')[0] === 'pt' ? 'pt-PT' : lang);

/** The form of a plural message for `count` in `lang`, filled in with `{count}` and `values`. */
/** One PluralRules per locale: building one is far slower than asking it, and every page asks many times. */
const pluralRules = new Map<string, Intl.PluralRules>();
function rulesFor(lang: string): Intl.PluralRules {
  const locale = pluralLocale(lang);
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

export function plural(message: PluralMessage, count: number, lang: string, values: Values = {}): string {
  const form = message[rulesFor(lang).select(count)] ?? message.other;
  return fill(form, { count, ...values });
}

/**
 * A template cut at its placeholders, for markup between the words: `"Run {start} to build"` →
 * `["Run ", { name: "start" }, " to build"]`, so a component can put a `<code>` or a link there.
 */
export function splitTemplate(template: string): (string | { name: string })[] {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => (/^\{\w+\}$/.test(part) ? { name: part.slice(1, -1) } : part));
}
