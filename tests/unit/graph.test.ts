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

  it('ranks next to hubs exactly as sorting every candidate would', () => {
    // Random vaults with a few hubs (a glossary term linked from everywhere) and many ties: the
    // ranking sorts only the candidates that can place, and must pick what a full sort picks.
    const rank = { course: 0, brief: 1, timeline: 2, quiz: 3, note: 4, term: 5 } as const;
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const byTitle = (a: NoteData, b: NoteData) => order(a.title, b.title) || order(a.vaultPath, b.vaultPath);
    function reference(centre: NoteData, byPath: Map<string, NoteData>, adjacent: ReturnType<typeof adjacency>, limit: number) {
      const counts = (from: NoteData, to: string) => from.links.filter((l) => l.target === to).length;
      const mine = new Set(adjacent.get(centre.vaultPath) ?? []);
      const direct = [...mine].map((path) => {
        const other = byPath.get(path) as NoteData;
        const shared = (adjacent.get(path) ?? []).filter((next) => mine.has(next)).length;
        return { note: other, strength: counts(centre, path) + counts(other, centre.vaultPath), shared };
      });
      direct.sort(
        (a, b) =>
          b.strength - a.strength || b.shared - a.shared || rank[a.note.type] - rank[b.note.type] || byTitle(a.note, b.note),
      );
      const first = direct.slice(0, limit - 1).map((e) => e.note);
      const rings = [[centre]];
      if (first.length === 0) return rings;
      rings.push(first);
      const room = limit - 1 - first.length;
      if (room <= 0) return rings;
      const shown = new Set([centre.vaultPath, ...first.map((n) => n.vaultPath)]);
      const reach = new Map<string, number>();
      for (const near of first)
        for (const path of adjacent.get(near.vaultPath) ?? []) if (!shown.has(path)) reach.set(path, (reach.get(path) ?? 0) + 1);
      const second = [...reach]
        .map(([path, count]) => ({ note: byPath.get(path) as NoteData, count }))
        .sort((a, b) => b.count - a.count || rank[a.note.type] - rank[b.note.type] || byTitle(a.note, b.note))
        .slice(0, room)
        .map((e) => e.note);
      if (second.length > 0) rings.push(second);
      return rings;
    }
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const types = ['brief', 'note', 'term'];
    for (let trial = 0; trial < 12; trial++) {
      const notes = Array.from({ length: 150 }, (_, i) =>
        note(`V/${i}.md`, types[Math.floor(random() * types.length)], `N${Math.floor(random() * 30)}`),
      );
      const hubs = notes.slice(0, 4);
      for (const from of notes) {
        const links = Math.floor(random() * 6);
        for (let i = 0; i < links; i++) link(from, notes[Math.floor(random() * notes.length)]!, 1 + Math.floor(random() * 2));
        if (random() < 0.6) link(from, hubs[Math.floor(random() * hubs.length)]!);
      }
      const { byPath, adjacent } = garden(notes);
      for (const centre of notes) {
        for (const limit of [4, 15]) {
          const paths = (rings: NoteData[][]) => rings.map((ring) => ring.map((n) => n.vaultPath));
          expect(paths(localNeighbourhood(centre, byPath, adjacent, limit))).toEqual(
            paths(reference(centre, byPath, adjacent, limit)),
          );
        }
      }
    }
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
