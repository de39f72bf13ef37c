/**
 * Graph labels placed at build time: the text of each node's label (short, and different for every
 * note) and where it goes, so that no two labels overlap and none covers another node. Pure
 * arithmetic on estimated text boxes; the page ships the result as SVG `<text>`.
 */

/** A box in the drawing's units: left, top, right, bottom. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface LabelRequest {
  id: string;
  x: number;
  y: number;
  /** The node's radius: the label keeps clear of it. */
  r: number;
  /** The label's texts, longest first: the first that fits somewhere is used; none fits → no label. */
  texts: readonly string[];
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** The text's anchor point (SVG `x`, `y` of a `<text>` with `text-anchor`). */
  x: number;
  y: number;
  anchor: Anchor;
  box: Box;
}

// Advance widths in em, rounded up from the widest common UI sans-serifs (DejaVu Sans, the fallback
// of system-ui on Linux, is the widest): an estimate must never be narrower than the drawn text.
const NARROW = new Set("iljI.,:;'|!()[]{} ’‘`");
const WIDE = new Set('mwMW@%');

/** The estimated width of a text in em: a little wider than any likely font draws it. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text) {
    if (NARROW.has(char)) width += 0.4;
    else if (WIDE.has(char)) width += 1;
    else if (char >= 'A' && char <= 'Z') width += 0.78;
    else if (char.charCodeAt(0) > 0x2e7f)
      width += 1.05; // CJK and other full-width scripts
    else width += 0.64;
  }
  return width;
}

/** Whether two boxes share any area. */
export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

interface PlaceOptions {
  width: number;
  height: number;
  fontSize: number;
  /** Space kept between a label and anything else. */
  gap?: number;
  /** Try the positions that face away from this point first (a ring's middle): labels point outward. */
  outwardFrom?: { x: number; y: number };
}

/**
 * Labels placed greedily in the order given (put the most important first): for each node, each of
 * its texts (longest first) is tried at eight positions around it (below, above, right, left, then the
 * diagonals); the first position whose box stays inside the drawing and touches no placed label and
 * no node is taken. A node whose texts fit nowhere gets no label (its full title is still its link's
 * name). A text already shown by another node is never shown twice.
 */
export function placeLabels(requests: readonly LabelRequest[], options: PlaceOptions): PlacedLabel[] {
  const { width, height, fontSize } = options;
  const gap = options.gap ?? 2;
  const ascent = fontSize * 0.95;
  const descent = fontSize * 0.3;
  const nodeBoxes = requests.map((node) => ({
    id: node.id,
    box: { left: node.x - node.r, top: node.y - node.r, right: node.x + node.r, bottom: node.y + node.r },
  }));
  const placed: PlacedLabel[] = [];
  const shown = new Set<string>();
  const round = (value: number) => Math.round(value * 10) / 10;
  for (const node of requests) {
    const fit = (text: string): PlacedLabel | undefined => {
      if (shown.has(text)) return undefined;
      const w = textWidthEm(text) * fontSize;
      const near = node.r + gap + 1;
      // Baselines and anchors around the node; the box is where the text's glyphs can reach.
      const candidates: [number, number, Anchor][] = [
        [node.x, node.y + near + ascent, 'middle'],
        [node.x, node.y - near - descent, 'middle'],
        [node.x + near, node.y + ascent / 2 - descent / 2, 'start'],
        [node.x - near, node.y + ascent / 2 - descent / 2, 'end'],
        [node.x + near * 0.7, node.y + near * 0.7 + ascent, 'start'],
        [node.x - near * 0.7, node.y + near * 0.7 + ascent, 'end'],
        [node.x + near * 0.7, node.y - near * 0.7 - descent, 'start'],
        [node.x - near * 0.7, node.y - near * 0.7 - descent, 'end'],
      ];
      const out = options.outwardFrom;
      if (out && (node.x !== out.x || node.y !== out.y)) {
        // Stable sort by how far each position's direction agrees with the way out from the middle.
        const [ox, oy] = [node.x - out.x, node.y - out.y];
        const facing = ([x, y, anchor]: [number, number, Anchor]) => {
          const cx = anchor === 'start' ? x + 1 : anchor === 'end' ? x - 1 : x;
          const [dx, dy] = [cx - node.x, y - ascent / 2 - node.y];
          return (dx * ox + dy * oy) / (Math.hypot(dx, dy) * Math.hypot(ox, oy) || 1);
        };
        candidates.sort((a, b) => facing(b) - facing(a));
      }
      for (const [x, y, anchor] of candidates) {
        const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
        const box = { left, top: y - ascent, right: left + w, bottom: y + descent };
        if (box.left < 0 || box.top < 0 || box.right > width || box.bottom > height) continue;
        const padded = { left: box.left - gap, top: box.top - gap, right: box.right + gap, bottom: box.bottom + gap };
        if (placed.some((label) => intersects(padded, label.box))) continue;
        if (nodeBoxes.some((other) => intersects(padded, other.box))) continue;
        return { id: node.id, text, x: round(x), y: round(y), anchor, box };
      }
      return undefined;
    };
    for (const text of node.texts) {
      const label = fit(text);
      if (!label) continue;
      placed.push(label);
      shown.add(text);
      break;
    }
  }
  return placed;
}

/** Separators after which a title's distinctive part starts ("Course - Topic", "Course: Topic"). */
const SEPARATOR = /\s[-–—:|]\s|:\s/g;

/** A text cut to at most `max` characters at a word boundary where one is near, with "…". */
export function truncate(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const chars = [...text].slice(0, Math.max(1, max - 1));
  const cut = chars.join('');
  const space = cut.lastIndexOf(' ');
  const head = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s\-–—:,;.]+$/u, '')}…`;
}

/** A text cut to at most `max` characters by leaving out its middle: "Khrushchev's…part 12". */
export function truncateMiddle(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const tail = Math.floor((max - 1) / 2);
  const head = max - 1 - tail;
  return `${chars.slice(0, head).join('').trimEnd()}…${chars
    .slice(chars.length - tail)
    .join('')
    .trimStart()}`;
}

/**
 * Labels for a set of notes, each at most `max` characters, different for different notes. A prefix
 * that two or more titles share up to a separator ("Russian History III - ") says nothing that tells
 * them apart, so it is dropped; a label that still matches another's is given more of its title, and
 * two identical titles are numbered.
 */
export function distinctLabels(titles: ReadonlyMap<string, string>, max: number): Map<string, string> {
  const prefixes = new Map<string, number>();
  const prefixOf = (title: string) => {
    let end = -1;
    for (const match of title.matchAll(SEPARATOR)) end = match.index + match[0].length;
    return end > 0 && end < title.length ? title.slice(0, end) : '';
  };
  for (const title of titles.values()) {
    const prefix = prefixOf(title);
    if (prefix) prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + 1);
  }
  const bases = new Map<string, string>();
  for (const [id, title] of titles) {
    const prefix = prefixOf(title);
    bases.set(id, prefix && (prefixes.get(prefix) ?? 0) > 1 ? title.slice(prefix.length) : title);
  }
  const labels = new Map<string, string>();
  for (const [id, base] of bases) labels.set(id, truncate(base, max));
  // Titles that differ only at the end ("… part 1", "… part 2") keep their start and their end.
  for (const id of clashing(labels)) labels.set(id, truncateMiddle(bases.get(id) ?? '', max));
  // Lengthen clashing labels until they differ (or are whole); number the ones that are the same text.
  for (let length = max + 4; ; length += 4) {
    const clashes = clashing(labels);
    if (clashes.size === 0) break;
    let grew = false;
    for (const id of clashes) {
      const longer = truncate(bases.get(id) ?? '', length);
      if (longer !== labels.get(id)) grew = true;
      labels.set(id, longer);
    }
    if (!grew) {
      const count = new Map<string, number>();
      for (const id of [...clashes].sort()) {
        const text = labels.get(id) ?? '';
        const n = (count.get(text) ?? 0) + 1;
        count.set(text, n);
        if (n > 1) labels.set(id, `${text} (${n})`);
      }
      if (clashing(labels).size === 0) break;
    }
  }
  return labels;
}

function clashing(labels: ReadonlyMap<string, string>): Set<string> {
  const byText = new Map<string, string[]>();
  for (const [id, text] of labels) byText.set(text, [...(byText.get(text) ?? []), id]);
  return new Set([...byText.values()].filter((ids) => ids.length > 1).flat());
}
