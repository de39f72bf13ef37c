/**
 * Obsidian callouts through @r4ai/remark-callout: `> [!note]` as a titled box, foldable `+`/`-`
 * ones as `<details>`. Obsidian titles an untitled callout with its type ("Note"), and so do we.
 */
import { remarkCallout, type Options } from '@r4ai/remark-callout';

/** Obsidian's standard callout types and their aliases, mapped to the type whose style they share. */
export const CALLOUT_ALIASES: Record<string, string> = {
  note: 'note',
  abstract: 'abstract',
  summary: 'abstract',
  tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'failure',
  fail: 'failure',
  missing: 'failure',
  danger: 'danger',
  error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

const options: Options = {
  // With no known list, every callout passes through this hook: the place to give an untitled one
  // its type as title, as Obsidian does.
  callouts: [],
  onUnknownCallout: (callout) => ({ ...callout, title: callout.title ?? capitalise(callout.type) }),
  root: (callout) => ({
    tagName: callout.isFoldable ? 'details' : 'div',
    properties: {
      className: ['callout'],
      dataCallout: CALLOUT_ALIASES[callout.type.toLowerCase()] ?? 'note',
      dataCalloutType: callout.type.toLowerCase(),
      ...(callout.isFoldable && !callout.defaultFolded ? { open: true } : {}),
    },
  }),
  title: (callout) => ({
    tagName: callout.isFoldable ? 'summary' : 'p',
    properties: { className: ['callout-title'] },
  }),
  body: () => ({ tagName: 'div', properties: { className: ['callout-body'] } }),
};

export const calloutPlugin = [remarkCallout, options] as [typeof remarkCallout, Options];
