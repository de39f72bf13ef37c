/**
 * Citations in a note's text as the links a reader follows: each work's part of a formatted group
 * links to its entry in the note's reference list. Mdast nodes for both Markdown adapters, and the same
 * parts for the components that show frontmatter (timeline sources, definitions, quiz explanations).
 */
import type { PhrasingContent } from 'mdast';
import { citationLookupKey, findCitations } from '../syntax/citations.ts';
import type { CitationPart, NoteCitations } from './citations.ts';
import type { LinkContext } from './link-render.ts';
import { hrefForUrl } from '../site/url.ts';
import type { VaultPath } from '../util/types.ts';

/** The id of a work's entry in a note's reference list, which its citations link to. */
export function referenceId(key: string): string {
  return `ref-${key}`;
}

/** A piece of a text: as written, or a citation group's part (linked when it has a `key`). */
export interface TextPiece {
  text: string;
  /** The href of the reference the piece links to. */
  href?: string;
  citation?: true;
}

/**
 * A text with its citation groups replaced by their formatted parts. A group the note's load did not
 * format (a key not in the bibliography, reported then) stays as written. `page` is the URL of the
 * page whose reference list the links go to: empty for the page being rendered.
 */
export function citedPieces(text: string, citations: NoteCitations | undefined, page = ''): TextPiece[] {
  if (!citations) return [{ text }];
  const pieces: TextPiece[] = [];
  let cursor = 0;
  for (const group of findCitations(text)) {
    const parts = citations.groups[citationLookupKey(group.written)];
    if (!parts) continue;
    if (group.start > cursor) pieces.push({ text: text.slice(cursor, group.start) });
    pieces.push(...parts.map((part) => pieceOf(part, page)));
    cursor = group.end;
  }
  if (cursor === 0) return [{ text }];
  if (cursor < text.length) pieces.push({ text: text.slice(cursor) });
  return pieces;
}

function pieceOf(part: CitationPart, page: string): TextPiece {
  return part.key
    ? { text: part.text, href: `${page}#${referenceId(part.key)}`, citation: true }
    : { text: part.text, citation: true };
}

/** A text with its citations formatted, as words only: for previews, search, flashcards and metadata. */
export function citedText(text: string, citations: NoteCitations | undefined): string {
  return citedPieces(text, citations)
    .map((piece) => piece.text)
    .join('');
}

/** The same, as mdast: text, and links with the class `citation`; undefined when the text cites nothing formatted. */
export function citationNodes(text: string, citations: NoteCitations | undefined, page = ''): PhrasingContent[] | undefined {
  const pieces = citedPieces(text, citations, page);
  if (pieces.length === 1 && !pieces[0]?.citation) return undefined;
  return pieces.map((piece) =>
    piece.href
      ? {
          type: 'link',
          url: piece.href,
          children: [{ type: 'text', value: piece.text }],
          data: { hProperties: { className: ['citation'] } },
        }
      : { type: 'text', value: piece.text },
  );
}

/**
 * What a text node of a note being rendered becomes: its citations linked, or undefined when it has
 * none. Text embedded from another note cites that note's works, and links to its page's list.
 */
export function citationReplacement(
  node: { value: string; data?: { embeddedFrom?: VaultPath } },
  context: Pick<LinkContext, 'notes'>,
  from: VaultPath,
): PhrasingContent[] | undefined {
  if (!node.value.includes('@')) return undefined;
  const source = node.data?.embeddedFrom ?? from;
  const note = context.notes.get(source)?.note;
  return citationNodes(node.value, note?.citations, source === from || !note ? '' : hrefForUrl(note.url));
}
