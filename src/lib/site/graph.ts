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
 * A note's local graph: its direct links first, ranked, and notes two links away only while room
 * remains — at most `limit` notes in all, the note included. Returned as rings (the note, its direct
 * links, the notes two links away), each in rank order.
 *
 * Direct links are ranked by
 * 1. strength: how many links the two notes write to each other, both ways counted (a note linked
 *    five times, or linking back, matters more than one passing mention);
 * 2. shared links: how many neighbours the two have in common (the notes of one topic cluster);
 * 3. kind: the course first (the note's context), then briefs, timelines, quizzes and notes, glossary
 *    terms last (many notes link a term in passing);
 * 4. title, so the choice is stable.
 * Notes two links away are ranked by how many of the shown direct links reach them, then by kind and
 * title. The rank also orders the labels: better-ranked notes get theirs placed first.
 */
export function localNeighbourhood(
  note: NoteData,
  notesByPath: ReadonlyMap<VaultPath, NoteData>,
  adjacent: ReadonlyMap<VaultPath, readonly VaultPath[]>,
  limit = 15,
): NoteData[][] {
  const mine = new Set(adjacent.get(note.vaultPath) ?? []);
  const direct = [...mine].flatMap((path) => {
    const other = notesByPath.get(path);
    if (!other) return [];
    const strength = (linkCounts(note).get(path) ?? 0) + (linkCounts(other).get(note.vaultPath) ?? 0);
    return [{ note: other, strength, shared: sharedCount(mine, adjacent.get(path) ?? []) }];
  });
  const first = firstRanked(
    direct,
    Math.max(0, limit - 1),
    // Shared links never reach 2^20 (a million): strength first, then shared, as one number.
    (entry) => entry.strength * 2 ** 20 + entry.shared,
    (a, b) =>
      b.strength - a.strength ||
      b.shared - a.shared ||
      KIND_RANK[a.note.type] - KIND_RANK[b.note.type] ||
      byTitle(a.note, b.note),
  ).map((entry) => entry.note);
  const rings: NoteData[][] = [[note]];
  if (first.length === 0) return rings;
  rings.push(first);
  const room = limit - 1 - first.length;
  if (room <= 0) return rings;
  const shown = new Set([note.vaultPath, ...first.map((other) => other.vaultPath)]);
  const reach = new Map<VaultPath, number>();
  for (const near of first) {
    for (const path of adjacent.get(near.vaultPath) ?? []) {
      if (!shown.has(path) && notesByPath.has(path)) reach.set(path, (reach.get(path) ?? 0) + 1);
    }
  }
  const second = firstRanked(
    [...reach].map(([path, count]) => ({ note: notesByPath.get(path) as NoteData, count })),
    room,
    (entry) => entry.count,
    (a, b) => b.count - a.count || KIND_RANK[a.note.type] - KIND_RANK[b.note.type] || byTitle(a.note, b.note),
  ).map((entry) => entry.note);
  if (second.length > 0) rings.push(second);
  return rings;
}

/**
 * The first `count` items in `compare`'s order, whose first key is `score`, highest first. Next to a
 * hub the candidates are hundreds and a page shows a dozen: only those scoring at least the
 * `count`-th best score are sorted (ties at that score are broken by `compare`, as in a full sort).
 */
function firstRanked<T>(items: T[], count: number, score: (item: T) => number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  let candidates = items;
  if (items.length > count * 4) {
    const threshold = items.map(score).sort((a, b) => b - a)[count - 1] as number;
    candidates = items.filter((item) => score(item) >= threshold);
  }
  return candidates.sort(compare).slice(0, count);
}

/** A neighbour list as a set, once per build: a hub's neighbours are many, and asked about from every page near it. */
const NEIGHBOUR_SETS = new WeakMap<readonly VaultPath[], ReadonlySet<VaultPath>>();

/**
 * How many of `theirs` are in `mine`, walking the shorter side: a note next to a hub checks its few
 * neighbours against the hub's set instead of walking the hub's hundreds. (Neighbour lists hold each
 * note once: the edges are deduplicated.)
 */
function sharedCount(mine: ReadonlySet<VaultPath>, theirs: readonly VaultPath[]): number {
  let shared = 0;
  if (theirs.length <= mine.size) {
    for (const path of theirs) if (mine.has(path)) shared++;
    return shared;
  }
  let set = NEIGHBOUR_SETS.get(theirs);
  if (!set) NEIGHBOUR_SETS.set(theirs, (set = new Set(theirs)));
  for (const path of mine) if (set.has(path)) shared++;
  return shared;
}

/** Each note's links counted by target, once per build: every page's local graph ranks its neighbours by them. */
const LINK_COUNTS = new WeakMap<NoteData, Map<VaultPath, number>>();

function linkCounts(note: NoteData): Map<VaultPath, number> {
  let counts = LINK_COUNTS.get(note);
  if (!counts) {
    counts = new Map();
    for (const target of targetsOf(note)) counts.set(target, (counts.get(target) ?? 0) + 1);
    LINK_COUNTS.set(note, counts);
  }
  return counts;
}

const KIND_RANK: Record<NoteData['type'], number> = { course: 0, brief: 1, timeline: 2, quiz: 3, note: 4, term: 5 };

function byTitle(a: NoteData, b: NoteData): number {
  return compareCodePoints(a.title, b.title) || compareCodePoints(a.vaultPath, b.vaultPath);
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
  frame: { height?: number; marginX?: number; marginY?: number } = {},
): Graph {
  const notes = rings.flat();
  const edges = edgesAmong(notes, adjacent);
  const degree = new Map<VaultPath, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const ringCount = Math.max(1, rings.length - 1);
  // The rings are ellipses, so a tall narrow drawing (a phone's) uses its height.
  const radiusX = size / 2 - (frame.marginX ?? 100);
  const height = frame.height ?? (rings.length > 1 ? size - 40 : 200);
  const radiusY = frame.marginY === undefined ? radiusX : height / 2 - frame.marginY;
  const centre = size / 2;
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
    const [rx, ry] = [(radiusX * depth) / ringCount, (radiusY * depth) / ringCount];
    ordered.forEach((note, index) => {
      // Start at the top; offset the outer ring by half a step so its labels fall between the inner ones.
      const angle = ((index + (depth > 1 ? 0.5 : 0)) / ordered.length) * 2 * Math.PI;
      angleOf.set(note.vaultPath, angle);
      placed.push({
        note,
        x: round(centre + rx * Math.sin(angle)),
        y: round(middleY - ry * Math.cos(angle)),
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

/** A group of notes drawn together on the whole-site graph of a large vault: a course, or a folder. */
export interface GraphGroup {
  key: string;
  title: string;
  notes: readonly NoteData[];
}

export interface ClusterGraph extends Graph {
  /** Each drawn group: its title's place (above its notes) and how many of its notes are shown. */
  groups: { key: string; title: string; x: number; y: number; shown: number; total: number }[];
}

/** Above this many notes, the whole-site graph shows each course's most linked notes as a cluster. */
export const CLUSTER_THRESHOLD = 300;

/**
 * The whole-site graph of a large vault, bounded: at most `budget` notes and `maxGroups` groups
 * whatever the vault's size, so the page does not grow with it. Each group (largest first) gets a
 * share of the budget by its size, at least three notes, and shows its most linked notes; they sit in
 * a sunflower spiral in the group's cell, the most linked in the middle, with the links among them.
 * Every note's own page still shows all its connections.
 */
export function layoutClusters(
  groups: readonly GraphGroup[],
  adjacent: ReadonlyMap<VaultPath, readonly VaultPath[]>,
  budget = 160,
  maxGroups = 24,
): ClusterGraph {
  const degreeOf = (note: NoteData) => adjacent.get(note.vaultPath)?.length ?? 0;
  const kept = [...groups]
    .filter((group) => group.notes.length > 0)
    .sort((a, b) => b.notes.length - a.notes.length || compareCodePoints(a.key, b.key))
    .slice(0, maxGroups);
  const total = kept.reduce((sum, group) => sum + group.notes.length, 0);
  const chosen = kept.map((group) => {
    const share = Math.max(3, Math.floor((budget * group.notes.length) / Math.max(1, total)));
    const notes = [...group.notes]
      .sort((a, b) => degreeOf(b) - degreeOf(a) || compareCodePoints(a.vaultPath, b.vaultPath))
      .slice(0, share);
    return { group, notes };
  });
  const largest = Math.max(1, ...chosen.map((entry) => entry.notes.length));
  const spacing = 34;
  const cell = Math.round(2 * spacing * Math.sqrt(largest) + 200);
  const columns = Math.max(1, Math.min(3, Math.ceil(Math.sqrt(chosen.length))));
  const round = (value: number) => Math.round(value * 10) / 10;
  const nodes: GraphNode[] = [];
  const placedGroups: ClusterGraph['groups'] = [];
  chosen.forEach(({ group, notes }, index) => {
    const cx = (index % columns) * cell + cell / 2;
    const top = Math.floor(index / columns) * cell;
    const cy = top + cell / 2 + 12;
    placedGroups.push({
      key: group.key,
      title: group.title,
      x: round(cx),
      y: top + 28,
      shown: notes.length,
      total: group.notes.length,
    });
    notes.forEach((note, i) => {
      // The golden angle spreads the spiral evenly; radius grows with √i so the density is even.
      const angle = i * 2.39996;
      const r = spacing * Math.sqrt(i);
      nodes.push({ note, x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)), degree: degreeOf(note) });
    });
  });
  // Links within a group only: lines across the whole drawing between groups would hide the groups.
  const groupOf = new Map(chosen.flatMap(({ group, notes }) => notes.map((note) => [note.vaultPath, group.key] as const)));
  const edges = edgesAmong(
    nodes.map((node) => node.note),
    adjacent,
  ).filter((edge) => groupOf.get(edge.source) === groupOf.get(edge.target));
  return {
    nodes: nodes.sort((a, b) => compareCodePoints(a.note.vaultPath, b.note.vaultPath)),
    edges,
    width: columns * cell,
    height: Math.ceil(chosen.length / columns) * cell,
    groups: placedGroups,
  };
}

/** The drawing size of the whole-site graph: room for its notes' labels, within what a screen scrolls. */
export function layoutSize(count: number): number {
  return Math.min(1600, Math.max(640, Math.round(70 * Math.sqrt(count))));
}

/**
 * The notes of a large vault's graph in groups: each course's notes (its course note first), then the
 * notes outside every course by their top folder.
 */
export function graphGroups(
  notes: readonly NoteData[],
  courses: readonly { note: NoteData; notes: readonly NoteData[] }[],
): GraphGroup[] {
  const shown = new Set(notes.map((note) => note.vaultPath));
  const grouped = new Set<VaultPath>();
  const groups: GraphGroup[] = [];
  for (const course of courses) {
    const members = [course.note, ...course.notes].filter((note) => shown.has(note.vaultPath) && !grouped.has(note.vaultPath));
    for (const note of members) grouped.add(note.vaultPath);
    groups.push({ key: course.note.vaultPath, title: course.note.title, notes: members });
  }
  const byFolder = new Map<string, NoteData[]>();
  for (const note of notes) {
    if (grouped.has(note.vaultPath)) continue;
    const folder = note.vaultPath.includes('/') ? note.vaultPath.slice(0, note.vaultPath.indexOf('/')) : '';
    const members = byFolder.get(folder);
    if (members) members.push(note);
    else byFolder.set(folder, [note]);
  }
  for (const [folder, members] of [...byFolder].sort(([a], [b]) => compareCodePoints(a, b))) {
    groups.push({ key: `folder:${folder}`, title: folder || '/', notes: members });
  }
  return groups;
}
