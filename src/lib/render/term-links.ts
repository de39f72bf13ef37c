/** First mentions of glossary terms as links to their term pages, as mdast nodes for both Markdown adapters. */
import type { PhrasingContent, Root } from 'mdast';
import type { NoteData, TermNote } from '../note/note-data.ts';
import { previewProperties } from './preview.ts';
import type { TermMatcher, TermMention } from '../syntax/terms.ts';
import { hrefForUrl } from '../site/url.ts';
import { linksTermItself } from '../note/glossary.ts';

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
