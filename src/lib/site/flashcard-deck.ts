/**
 * The order flashcards come in (src/scripts/flashcards.ts): the deck, or only the cards not yet known;
 * a card marked "again" comes back a few cards later. Cards are named by their ids
 * (src/lib/site/course-tools.ts `courseFlashcards`), so the marks kept in a browser outlive a note's move.
 */
export type Mark = 'know' | 'again';
export type Marks = Record<string, Mark>;

/** A card marked "again" is seen again after this many others: soon, but not at once. */
export const AGAIN_GAP = 4;

/** The cards to study, in deck order: all, or only those not marked known. */
export function studyQueue(ids: readonly string[], marks: Readonly<Marks>, unknownOnly: boolean): string[] {
  return unknownOnly ? ids.filter((id) => marks[id] !== 'know') : [...ids];
}

/**
 * The queue with the card at `position` moved `gap` cards later (or to the end): the card that
 * followed it is now at `position`.
 */
export function requeue(queue: readonly string[], position: number, gap = AGAIN_GAP): string[] {
  const card = queue[position];
  if (card === undefined) return [...queue];
  const rest = queue.filter((_, index) => index !== position);
  rest.splice(Math.min(position + gap, rest.length), 0, card);
  return rest;
}

/** The first card not yet known, where a returning reader picks up (0 when all are known). */
export function firstUnknown(queue: readonly string[], marks: Readonly<Marks>): number {
  return Math.max(
    0,
    queue.findIndex((id) => marks[id] !== 'know'),
  );
}

/** Marks as a browser kept them: anything else (an old format, a hand edit) is no marks. */
export function parseMarks(stored: string | null): Marks {
  try {
    const value: unknown = JSON.parse(stored ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, Mark] => entry[1] === 'know' || entry[1] === 'again'),
    );
  } catch {
    return {};
  }
}
