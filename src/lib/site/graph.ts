/**
 * The note graph: notes as nodes, links between them as edges, laid out once at build time with
 * d3-force (seeded, so the same vault gives the same picture and the same bytes). Pages ship the
 * result as SVG; no layout runs in the browser.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { NoteData } from '../note/note-data.ts';
import type { VaultPath } from '../util/types.ts';
import { compareCodePoints } from '../vault/files.ts';

export interface GraphNode {
  note: NoteData;
  x: number;
  y: number;
  /** Links in and out: drawn larger the more connected a note is. */
  degree: number;
}

export interface GraphEdge {
  source: VaultPath;
  target: VaultPath;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

/** Notes shown in graphs: not `dg-hide`, not `dg-hide-in-graph`. */
export function graphNotes(notes: readonly NoteData[]): NoteData[] {
  return notes.filter((note) => !note.hidden && !note.hiddenInGraph);
}

/** Every note a note points to: links in its body, and its frontmatter's related terms, order and event links. */
function targetsOf(note: NoteData): VaultPath[] {
  const targets = note.links.map((link) => link.target);
  if (note.type === 'term') targets.push(...note.related);
  if (note.type === 'course') targets.push(...note.order);
  if (note.type === 'timeline') targets.push(...note.events.flatMap((event) => event.links));
  return targets;
}

/** Undirected, deduplicated edges between the given notes. */
export function graphEdges(notes: readonly NoteData[]): GraphEdge[] {
  const included = new Set(notes.map((note) => note.vaultPath));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const note of notes) {
    for (const to of targetsOf(note)) {
      if (to === note.vaultPath || !included.has(to)) continue;
      const [source, target] = [note.vaultPath, to].sort(compareCodePoints) as [VaultPath, VaultPath];
      const key = `${source}\n${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ source, target });
    }
  }
  return edges.sort((a, b) => compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target));
}

/** Each note's neighbours, once per build. */
export function adjacency(edges: readonly GraphEdge[]): Map<VaultPath, VaultPath[]> {
  const adjacent = new Map<VaultPath, VaultPath[]>();
  for (const edge of edges) {
    const from = adjacent.get(edge.source);
    if (from) from.push(edge.target);
    else adjacent.set(edge.source, [edge.target]);
    const to = adjacent.get(edge.target);
    if (to) to.push(edge.source);
    else adjacent.set(edge.target, [edge.source]);
  }
  return adjacent;
}

/**
 * The notes within `depth` links of a note (either direction), itself included, nearest first and at
 * most `limit` of them: a local graph stays readable (and quick to draw) in a dense vault. Each ring
 * holds the notes one more link away, in the order they were reached. It follows the adjacency lists
 * only, so a page pays for its neighbourhood, never for the size of the vault.
 */
export function neighbourhoodRings(
  note: NoteData,
  notesByPath: ReadonlyMap<VaultPath, NoteData>,
  adjacent: ReadonlyMap<VaultPath, readonly VaultPath[]>,
  depth = 2,
  limit = 40,
): NoteData[][] {
  const reached = new Set<VaultPath>([note.vaultPath]);
  const rings: NoteData[][] = [[note]];
  let frontier = [note.vaultPath];
  for (let step = 0; step < depth && reached.size < limit; step++) {
    const next: VaultPath[] = [];
    for (const path of frontier) {
      for (const neighbour of adjacent.get(path) ?? []) {
        if (reached.has(neighbour) || reached.size >= limit || !notesByPath.has(neighbour)) continue;
        reached.add(neighbour);
        next.push(neighbour);
      }
    }
    if (next.length === 0) break;
    rings.push(next.map((path) => notesByPath.get(path) as NoteData));
    frontier = next;
  }
  return rings;
}

/** The edges among some notes, found from their adjacency lists (each edge once, in a stable order). */
export function edgesAmong(notes: readonly NoteData[], adjacent: ReadonlyMap<VaultPath, readonly VaultPath[]>): GraphEdge[] {
  const included = new Set(notes.map((note) => note.vaultPath));
  const edges: GraphEdge[] = [];
  for (const source of [...included].sort(compareCodePoints)) {
    for (const target of adjacent.get(source) ?? []) {
      if (included.has(target) && compareCodePoints(source, target) < 0) edges.push({ source, target });
    }
  }
  return edges.sort((a, b) => compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target));
}

/**
 * A local graph laid out as rings around the note: its direct links on the inner ring, the notes two
 * links away on the outer one, each placed near the inner note it was reached through. It costs a few
 * arithmetic steps per note (a force layout on every page dominated large builds) and reads well at
 * this size: distance from the middle is distance in links.
 */
export function layoutRings(
  rings: readonly (readonly NoteData[])[],
  adjacent: ReadonlyMap<VaultPath, readonly VaultPath[]>,
  size = 520,
): Graph {
  const notes = rings.flat();
  const edges = edgesAmong(notes, adjacent);
  const degree = new Map<VaultPath, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const ringCount = Math.max(1, rings.length - 1);
  const radius = (size - 200) / 2;
  const centre = size / 2;
  const height = rings.length > 1 ? size - 40 : 200;
  const middleY = height / 2;
  const round = (value: number) => Math.round(value * 10) / 10;
  const angleOf = new Map<VaultPath, number>();
  const placed: GraphNode[] = [];
  rings.forEach((ring, depth) => {
    if (depth === 0) {
      for (const note of ring) {
        angleOf.set(note.vaultPath, 0);
        placed.push({ note, x: centre, y: middleY, degree: degree.get(note.vaultPath) ?? 0 });
      }
      return;
    }
    // Outer notes sit in the order of the inner note that reached them, so links stay short.
    const parentAngle = (note: NoteData) => {
      const parents = (adjacent.get(note.vaultPath) ?? []).filter((path) => angleOf.has(path));
      return parents.length > 0 ? Math.min(...parents.map((path) => angleOf.get(path) as number)) : 0;
    };
    const ordered =
      depth === 1
        ? [...ring].sort((a, b) => compareCodePoints(a.vaultPath, b.vaultPath))
        : [...ring].sort((a, b) => parentAngle(a) - parentAngle(b) || compareCodePoints(a.vaultPath, b.vaultPath));
    const r = (radius * depth) / ringCount;
    ordered.forEach((note, index) => {
      // Start at the top; offset the outer ring by half a step so its labels fall between the inner ones.
      const angle = ((index + (depth > 1 ? 0.5 : 0)) / ordered.length) * 2 * Math.PI;
      angleOf.set(note.vaultPath, angle);
      placed.push({
        note,
        x: round(centre + r * Math.sin(angle)),
        y: round(middleY - r * Math.cos(angle)),
        degree: degree.get(note.vaultPath) ?? 0,
      });
    });
  });
  const order = new Map(placed.map((node) => [node.note.vaultPath, node]));
  return {
    nodes: [...order.keys()].sort(compareCodePoints).map((path) => order.get(path) as GraphNode),
    edges,
    width: size,
    height,
  };
}

/** A small linear congruential generator: d3-force's jiggle, made repeatable. */
function seededRandom(seed = 42): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

interface SimNode extends SimulationNodeDatum {
  id: VaultPath;
}

/** Layout steps for a graph of n notes: fewer as it grows (each step costs n log n), at least enough to settle. */
export function layoutTicks(n: number): number {
  return Math.max(60, Math.min(300, Math.round((300 * 600) / Math.max(1, n))));
}

export function layoutGraph(
  notes: readonly NoteData[],
  edges: readonly GraphEdge[],
  size = 600,
  ticks = layoutTicks(notes.length),
): Graph {
  const sorted = [...notes].sort((a, b) => compareCodePoints(a.vaultPath, b.vaultPath));
  const nodes: SimNode[] = sorted.map((note) => ({ id: note.vaultPath }));
  const links = edges.map((edge) => ({ source: edge.source, target: edge.target }));
  const simulation = forceSimulation(nodes)
    .randomSource(seededRandom())
    .force(
      'link',
      forceLink<SimNode, { source: VaultPath; target: VaultPath }>(links)
        .id((node) => node.id)
        .distance(70),
    )
    .force('charge', forceManyBody().strength(-220))
    .force('collide', forceCollide(28))
    // A pull to the middle keeps notes without links near the rest instead of drifting away.
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.06))
    .stop();
  simulation.tick(ticks);
  const degree = new Map<VaultPath, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  // Fit the layout into the drawing, keeping a margin for labels; round for stable, small output.
  const xs = nodes.map((node) => node.x ?? 0);
  const ys = nodes.map((node) => node.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(1.6, (size - 200) / Math.max(1, maxX - minX, maxY - minY));
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    nodes: sorted.map((note, index) => ({
      note,
      x: round(100 + ((nodes[index]?.x ?? 0) - minX) * scale),
      y: round(40 + ((nodes[index]?.y ?? 0) - minY) * scale),
      degree: degree.get(note.vaultPath) ?? 0,
    })),
    edges: [...edges],
    width: size,
    height: Math.max(200, Math.round(80 + (maxY - minY) * scale)),
  };
}
