/**
 * The note graph: notes as nodes, links between them as edges, laid out once at build time with
 * d3-force (seeded, so the same vault gives the same picture and the same bytes). Pages ship the
 * result as SVG; no layout runs in the browser.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { NoteData } from './note.ts';
import type { VaultPath } from './types.ts';
import { compareCodePoints } from './vault.ts';

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
 * most `limit` of them: a local graph stays readable (and quick to lay out) in a dense vault.
 */
export function neighbourhood(
  note: NoteData,
  notes: readonly NoteData[],
  adjacent: ReadonlyMap<VaultPath, readonly VaultPath[]>,
  depth = 2,
  limit = 40,
): NoteData[] {
  const reached = new Set<VaultPath>([note.vaultPath]);
  let frontier = [note.vaultPath];
  for (let step = 0; step < depth && reached.size < limit; step++) {
    const next: VaultPath[] = [];
    for (const path of frontier) {
      for (const neighbour of adjacent.get(path) ?? []) {
        if (reached.has(neighbour) || reached.size >= limit) continue;
        reached.add(neighbour);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return notes.filter((candidate) => reached.has(candidate.vaultPath));
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

export function layoutGraph(notes: readonly NoteData[], edges: readonly GraphEdge[], size = 600, ticks = 300): Graph {
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
