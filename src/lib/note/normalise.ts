/** Valid frontmatter → a note's data: defaults, old URLs, timeline ids, quiz ids, pending wikilinks. */
import type { NoteCommon, NoteData, PendingReference, QuizQuestion, ReferenceSlot, TimelineEvent } from './note-data.ts';
import type { NoteFrontmatter } from './schema.ts';
import { eventId, sortChronologically } from './timeline.ts';
import type { SiteUrl, VaultPath } from '../util/types.ts';
import { headingKey } from '../syntax/headings.ts';
import { urlFromPermalink, type UrlSource } from '../site/url.ts';
import { markdownToText } from '../syntax/reader-text.ts';

export const fileName = (path: string) => (path.split('/').pop() as string).replace(/\.mdx?$/i, '');

export function normalise(
  vaultPath: VaultPath,
  frontmatter: NoteFrontmatter,
  url: SiteUrl,
  urlSource: UrlSource,
  report: (message: string, path: PropertyKey[]) => void,
  references: PendingReference[],
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): NoteData {
  const refer = (written: readonly string[] | undefined, key: PropertyKey[], slot: ReferenceSlot) =>
    (written ?? []).forEach((link, index) => {
      const line = lineOf([...key, index]);
      references.push({ written: link, ...(line !== undefined ? { line } : {}), slot });
    });
  const common: NoteCommon = {
    vaultPath,
    url,
    urlSource,
    title: frontmatter.title ?? fileName(vaultPath),
    ...((frontmatter.description ?? frontmatter['dg-metatags']?.description)
      ? { description: markdownToText(frontmatter.description ?? frontmatter['dg-metatags']?.description ?? '') }
      : {}),
    tags: [...new Set(frontmatter.tags ?? [])],
    aliases: frontmatter.aliases ?? [],
    ...((frontmatter.created ?? frontmatter['dg-created']) ? { created: frontmatter.created ?? frontmatter['dg-created'] } : {}),
    ...((frontmatter.updated ?? frontmatter['dg-updated']) ? { updated: frontmatter.updated ?? frontmatter['dg-updated'] } : {}),
    ...(frontmatter.lang ? { lang: frontmatter.lang } : {}),
    hidden: frontmatter['dg-hide'] ?? false,
    pinned: frontmatter['dg-pinned'] ?? false,
    hiddenInGraph: frontmatter['dg-hide-in-graph'] ?? false,
    format: vaultPath.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md',
    redirects: [],
    headings: [],
    links: [],
    words: 0,
    display: {
      toc: frontmatter['dg-show-toc'] ?? true,
      backlinks: frontmatter['dg-show-backlinks'] ?? true,
      localGraph: frontmatter['dg-show-local-graph'] ?? true,
      inlineTitle: frontmatter['dg-show-inline-title'] ?? true,
      tags: frontmatter['dg-show-tags'] ?? true,
    },
    cssClasses: safeClassNames([
      ...(frontmatter.cssclasses ?? []),
      ...(frontmatter.cssclass ?? []),
      ...(frontmatter['dg-content-classes'] ?? []),
    ]),
    math: false,
  };
  (frontmatter.aliases ?? []).forEach((alias, index) => {
    if (!alias.startsWith('/')) return;
    const old = urlFromPermalink(alias);
    if (old.ok) common.redirects.push(old.value);
    else report(`aliases[${index}] "${alias}" is not a URL this site can serve: ${old.reason}`, ['aliases', index]);
  });
  common.aliases = common.aliases.filter((alias) => !alias.startsWith('/'));
  switch (frontmatter.type) {
    case 'timeline': {
      const eras = frontmatter.eras ?? [];
      const eraTitles = new Set(eras.map((era) => era.title));
      const seen = new Map<string, number>();
      const events = frontmatter.events.map((event, index): TimelineEvent => {
        const id = event.id ?? eventId(event.date, event.title);
        if (seen.has(id)) {
          report(`events[${index}] has the same id "${id}" as events[${seen.get(id)}]; give one of them its own id`, [
            'events',
            index,
          ]);
        }
        seen.set(id, index);
        // Filled in by id once the vault is known (a published timeline's event ids are unique).
        const links: VaultPath[] = [];
        refer(event.links, ['events', index, 'links'], { kind: 'event', id });
        if (event.era !== undefined && !eraTitles.has(event.era)) {
          report(`events[${index}].era "${event.era}" is not the title of any entry in eras`, ['events', index, 'era']);
        }
        return {
          id,
          date: event.date,
          title: event.title,
          ...(event.detail ? { detail: event.detail } : {}),
          ...(event.significance ? { significance: event.significance } : {}),
          ...(event.era ? { era: event.era } : {}),
          ...(event.sources?.length ? { sources: event.sources } : {}),
          links,
        };
      });
      return {
        ...common,
        type: 'timeline',
        events: sortChronologically(events, (event) => event.date),
        eras: sortChronologically(eras, (era) => era.start),
      };
    }
    case 'term': {
      const related: VaultPath[] = [];
      refer(frontmatter.related, ['related'], { kind: 'related' });
      return {
        ...common,
        type: 'term',
        term: frontmatter.term ?? common.title,
        definition: markdownToText(frontmatter.definition),
        related,
      };
    }
    case 'course': {
      const order: VaultPath[] = [];
      refer(frontmatter.order, ['order'], { kind: 'order' });
      return { ...common, type: 'course', order };
    }
    default: {
      // Questions and FAQ entries are deep-linkable: an id from their text, unique within the note.
      const quizId = uniqueIds('quiz');
      const quiz = (frontmatter.quiz ?? []).map((question): QuizQuestion => ({
        id: quizId(question.q),
        q: question.q,
        ...(question.choices ? { choices: question.choices } : {}),
        answer: question.answer,
        ...(question.explanation ? { explanation: question.explanation } : {}),
      }));
      const faqId = uniqueIds('faq');
      const faq = (frontmatter.faq ?? []).map((item) => ({ id: faqId(item.q), q: item.q, a: item.a }));
      const quotes = (frontmatter.quotes ?? []).map((quote) => ({
        quote: quote.quote,
        by: quote.by,
        ...(quote.context ? { context: quote.context } : {}),
      }));
      return {
        ...common,
        type: frontmatter.type,
        takeaways: frontmatter.takeaways ?? [],
        faq,
        quotes,
        quiz,
      };
    }
  }
}

/** `quiz-what-post-did…`: a prefix and the text's slug (at most 48 characters), `-1`, `-2`… when taken. */
function uniqueIds(prefix: string): (text: string) => string {
  const taken = new Map<string, number>();
  return (text) => {
    const base = `${prefix}-${headingKey(text).slice(0, 48).replace(/-+$/, '')}`;
    const count = taken.get(base) ?? 0;
    taken.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/**
 * Author-chosen classes, namespaced so they style only what the author's own CSS snippet targets and
 * never take a class of the site's (`note-class-wide`): letters, digits, `-` and `_`; anything else is dropped.
 */
function safeClassNames(written: readonly string[]): string[] {
  return [...new Set(written.filter((name) => /^[A-Za-z_][\w-]*$/.test(name)).map((name) => `note-class-${name}`))];
}
