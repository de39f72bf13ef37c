/** The local graph's ranking, label texts and label placement, the large vault's clusters. */
import { describe, expect, it } from 'vitest';
import { readNote } from '../../src/lib/note/note.ts';
import type { NoteData } from '../../src/lib/note/note-data.ts';
import { vaultPath } from '../../src/lib/util/types.ts';
import { adjacency, graphEdges, graphGroups, layoutClusters, layoutRings, localNeighbourhood } from '../../src/lib/site/graph.ts';
import { drawGraph } from '../../src/lib/site/graph-draw.ts';
import { distinctLabels, intersects, placeLabels, textWidthEm, truncate } from '../../src/lib/site/graph-labels.ts';

function note(path: string, type = 'brief', title?: string): NoteData {
  const front = [`dg-publish: true`, `type: ${type}`, ...(title ? [`title: ${JSON.stringify(title)}`] : [])];
  if (type === 'term') front.push('definition: x');
  const outcome = readNote(vaultPath(path), `---\n${front.join('\n')}\n---\n`);
  if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
  return outcome.note;
}

function link(from: NoteData, to: NoteData, times = 1) {
  for (let i = 0; i < times; i++) from.links.push({ target: to.vaultPath, embed: false, context: '' });
}

function garden(notes: NoteData[]) {
  const adjacent = adjacency(graphEdges(notes));
  return { byPath: new Map(notes.map((n) => [n.vaultPath, n])), adjacent };
}

describe('the local graph', () => {
  it('shows direct links first, ranked by strength, shared links, kind and title, then two links away while room remains', () => {
    const centre = note('C/Centre.md');
    const strong = note('C/Strong.md', 'note');
    const mutual = note('C/Mutual.md', 'note');
    const shared = note('C/Shared.md', 'term');
    const course = note('C/Course.md', 'course');
    const term = note('C/Term.md', 'term');
    const far = note('C/Far.md');
    const farther = note('C/Farther.md');
    link(centre, strong, 3);
    link(centre, mutual);
    link(mutual, centre);
    link(centre, shared);
    link(shared, strong);
    link(centre, course);
    link(centre, term);
    link(strong, far);
    link(far, farther);
    const notes = [centre, strong, mutual, shared, course, term, far, farther];
    const { byPath, adjacent } = garden(notes);
    const titles = (rings: NoteData[][]) => rings.map((ring) => ring.map((n) => n.title));
    expect(titles(localNeighbourhood(centre, byPath, adjacent, 15))).toEqual([
      ['Centre'],
      ['Strong', 'Mutual', 'Shared', 'Course', 'Term'],
      ['Far'],
    ]);
    expect(titles(localNeighbourhood(centre, byPath, adjacent, 4))).toEqual([['Centre'], ['Strong', 'Mutual', 'Shared']]);
  });

  it('never shows more than the limit, however many notes are near', () => {
    const centre = note('Hub.md');
    const spokes = Array.from({ length: 40 }, (_, i) => note(`S/${i}.md`));
    const rims = Array.from({ length: 40 }, (_, i) => note(`R/${i}.md`));
    spokes.forEach((spoke, i) => {
      link(centre, spoke);
      link(spoke, rims[i]!);
    });
    const { byPath, adjacent } = garden([centre, ...spokes, ...rims]);
    const rings = localNeighbourhood(centre, byPath, adjacent, 15);
    expect(rings.flat()).toHaveLength(15);
    expect(rings).toHaveLength(2);
  });
});

describe('label texts', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncate('Short', 10)).toBe('Short');
    expect(truncate('The Cuban Missile Crisis', 14)).toBe('The Cuban…');
  });

  it('drops a shared course prefix and never gives two notes the same label', () => {
    const titles = new Map([
      ['a', "Russian History III - Khrushchev's Rise to Power and Leadership (Brief)"],
      ['b', "Russian History III - Khrushchev's Rise to Power and Leadership (Timeline)"],
      ['c', 'Russian History III - Quiz'],
      ['d', 'Same'],
      ['e', 'Same'],
    ]);
    const labels = distinctLabels(titles, 24);
    expect(labels.get('c')).toBe('Quiz');
    expect(labels.get('a')?.startsWith('Khrushchev')).toBe(true);
    expect(new Set(labels.values()).size).toBe(titles.size);
    const parts = distinctLabels(
      new Map([
        ['x', "Khrushchev's Rise to Power part 1"],
        ['y', "Khrushchev's Rise to Power part 2"],
      ]),
      16,
    );
    expect([...parts.values()]).toEqual(['Khrushch…part 1', 'Khrushch…part 2']);
    for (const max of [6, 10, 16, 24]) expect(new Set(distinctLabels(titles, max).values()).size).toBe(titles.size);
  });
});

describe('label placement', () => {
  it('places labels whose boxes never intersect each other, any node or the drawing’s edge', () => {
    // A crowded grid: many labels must be dropped or shortened.
    const requests = Array.from({ length: 60 }, (_, i) => ({
      id: String(i),
      x: 20 + (i % 10) * 36,
      y: 20 + Math.floor(i / 10) * 30,
      r: 5,
      texts: [`A rather long label number ${i}`, `Label ${i}`],
    }));
    const placed = placeLabels(requests, { width: 380, height: 220, fontSize: 12 });
    expect(placed.length).toBeGreaterThan(3);
    for (const [i, a] of placed.entries()) {
      expect(a.box.left).toBeGreaterThanOrEqual(0);
      expect(a.box.right).toBeLessThanOrEqual(380);
      for (const b of placed.slice(i + 1)) expect(intersects(a.box, b.box)).toBe(false);
      for (const node of requests) {
        const box = { left: node.x - node.r, top: node.y - node.r, right: node.x + node.r, bottom: node.y + node.r };
        expect(intersects(a.box, box)).toBe(false);
      }
    }
    expect(new Set(placed.map((label) => label.text)).size).toBe(placed.length);
  });

  it('shortens a label that does not fit at full length', () => {
    const [label] = placeLabels([{ id: 'a', x: 60, y: 20, r: 5, texts: ['A label far too long to fit here', 'Short'] }], {
      width: 120,
      height: 60,
      fontSize: 12,
    });
    expect(label?.text).toBe('Short');
  });

  it('estimates text wider for capitals than for narrow letters', () => {
    expect(textWidthEm('MMMM')).toBeGreaterThan(textWidthEm('iiii'));
  });

  it('gives a drawn local graph distinct, non-overlapping labels for notes titled alike', () => {
    const centre = note('C/Russian History III - Khrushchev (Brief).md');
    const others = Array.from({ length: 14 }, (_, i) =>
      note(`C/Russian History III - Khrushchev's Rise to Power part ${i}.md`, i % 3 === 0 ? 'note' : 'brief'),
    );
    for (const other of others) link(centre, other);
    const { byPath, adjacent } = garden([centre, ...others]);
    for (const [width, height, marginX] of [
      [320, 460, 40],
      [640, 440, 130],
    ] as const) {
      const graph = layoutRings(localNeighbourhood(centre, byPath, adjacent), adjacent, width, { height, marginX, marginY: 50 });
      const drawn = drawGraph(graph, { fontSize: 12 });
      const labels = drawn.nodes.flatMap((node) => (node.label ? [node.label] : []));
      expect(labels.length, labels.map((l) => l.text).join(' | ')).toBeGreaterThan(4);
      expect(new Set(labels.map((label) => label.text)).size).toBe(labels.length);
      for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(intersects(a.box, b.box)).toBe(false);
    }
  });
});

describe('the whole-site graph of a large vault', () => {
  it('groups notes by folder and shows a bounded number of them however large the vault', () => {
    const notes = Array.from({ length: 2000 }, (_, i) => note(`F${i % 7}/N${i}.md`));
    notes.forEach((n, i) => link(n, notes[(i * 7 + 3) % notes.length]!));
    const { adjacent } = garden(notes);
    const groups = graphGroups(notes, []);
    expect(groups.map((group) => group.title)).toEqual(['F0', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    const graph = layoutClusters(groups, adjacent, 160);
    expect(graph.nodes.length).toBeLessThanOrEqual(160 + 3 * groups.length);
    expect(graph.groups).toHaveLength(7);
    const folder = (path: string) => path.split('/')[0];
    for (const edge of graph.edges) expect(folder(edge.source)).toBe(folder(edge.target));
    expect(graph.width * graph.height).toBeLessThan(3000 * 3000);
  });
});

describe('labels on a ring', () => {
  it('face away from the middle where they fit', () => {
    const placed = placeLabels(
      [
        { id: 'top', x: 200, y: 60, r: 5, texts: ['Top'] },
        { id: 'bottom', x: 200, y: 340, r: 5, texts: ['Bottom'] },
        { id: 'left', x: 60, y: 200, r: 5, texts: ['Left'] },
      ],
      { width: 400, height: 400, fontSize: 12, outwardFrom: { x: 200, y: 200 } },
    );
    const at = new Map(placed.map((label) => [label.id, label]));
    expect(at.get('top')!.y).toBeLessThan(60);
    expect(at.get('bottom')!.y).toBeGreaterThan(340);
    expect(at.get('left')!.anchor).toBe('end');
  });
});
