/** Which terms a brief's first mentions may link: the glossary's names, less the terms it links itself. */
import type { PhrasingContent, Root } from 'mdast';
import type { NoteData, TermNote } from './note.ts';
import { previewProperties } from './preview.ts';
import type { TermMatcher, TermMention, TermName } from './terms.ts';
import { hrefForUrl } from './url.ts';
import type { VaultPath } from './types.ts';

/** Every published term with the names a brief may mention it by: the term and its other names. */
export function glossaryNames(notes: readonly NoteData[]): TermName<TermNote>[] {
  return notes.flatMap((note) => (note.type === 'term' ? [{ term: note, names: [note.term, ...note.aliases] }] : []));
}

/** Whether a note already links to a term with a link its author wrote (then no first-mention link). */
export function linksTermItself(note: NoteData): (term: TermNote) => boolean {
  const written = new Set<VaultPath>(note.links.filter((link) => !link.mention).map((link) => link.target));
  return (term) => written.has(term.vaultPath);
}

/** A text node's value with its first mentions of terms as links to them (term previews included). */
export function termLinkNodes(text: string, mentions: readonly TermMention<TermNote>[]): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let cursor = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    if (mention.start > cursor) parts.push({ type: 'text', value: text.slice(cursor, mention.start) });
    parts.push({
      type: 'link',
      url: hrefForUrl(mention.term.url),
      children: [{ type: 'text', value: text.slice(mention.start, mention.end) }],
      data: { hProperties: { className: ['internal-link', 'term-link'], ...previewProperties(mention.term) } },
    });
    cursor = mention.end;
  }
  if (cursor < text.length) parts.push({ type: 'text', value: text.slice(cursor) });
  return parts;
}

/** The first mentions a brief's prose links, by text node; none for other notes. */
export function mentionsByNode(
  tree: Root,
  note: NoteData | undefined,
  matcher: TermMatcher<TermNote>,
): Map<TermMention<TermNote>['node'], TermMention<TermNote>[]> {
  const byNode = new Map<TermMention<TermNote>['node'], TermMention<TermNote>[]>();
  if (!note || note.type !== 'brief') return byNode;
  for (const mention of matcher.firstMentions(tree, linksTermItself(note))) {
    byNode.set(mention.node, [...(byNode.get(mention.node) ?? []), mention]);
  }
  return byNode;
}
