/**
 * A laid-out graph made ready to draw: each node's shape by kind, its size by links, its label placed
 * (src/lib/site/graph-labels.ts) and its full title for hover and screen readers; the edges as
 * lines. GraphView.astro only writes this out as SVG.
 */
import { displayTitle, type NoteData } from '../note/note-data.ts';
import { distinctLabels, placeLabels, type PlacedLabel } from './graph-labels.ts';
import type { Graph } from './graph.ts';

export type NodeKind = NoteData['type'];

/** The kinds in the order the legend lists them. */
export const NODE_KINDS: readonly NodeKind[] = ['course', 'brief', 'timeline', 'quiz', 'term', 'note'];

export interface DrawnNode {
  note: NoteData;
  title: string;
  x: number;
  y: number;
  r: number;
  /** The SVG path of the node's shape (its kind's shape, so kinds differ by more than colour). */
  d: string;
  label?: PlacedLabel;
}

export interface DrawnGraph {
  width: number;
  height: number;
  nodes: DrawnNode[];
  edges: { x1: number; y1: number; x2: number; y2: number }[];
  /** The kinds present, in legend order. */
  kinds: NodeKind[];
}

/**
 * The local graph's one drawing: laid out for a phone's column, and shown 1 unit = 1 CSS px or larger
 * (graph.css: full width up to {@link LOCAL_GRAPH_MAX_WIDTH} px), so its 12-unit labels never fall below 11 px.
 */
export const LOCAL_GRAPH_LAYOUT = { width: 320, height: 460, marginX: 40, marginY: 50, fontSize: 12, labelMax: 18 } as const;

/** The widest the local graph is shown, in CSS px (graph.css `.graph-local`): labels at most 15 px. */
export const LOCAL_GRAPH_MAX_WIDTH = 400;

const round = (value: number) => Math.round(value * 100) / 100;

/** A kind's shape around (x, y) with "radius" r: a circle, square, diamond, triangle or hexagon. */
export function shapePath(kind: NodeKind, x: number, y: number, r: number): string {
  const polygon = (points: [number, number][]) =>
    `M${points.map(([px, py]) => `${round(x + px * r)} ${round(y + py * r)}`).join('L')}Z`;
  switch (kind) {
    case 'brief':
      return polygon([
        [-0.85, -0.85],
        [0.85, -0.85],
        [0.85, 0.85],
        [-0.85, 0.85],
      ]);
    case 'timeline':
      return polygon([
        [0, -1.15],
        [1.15, 0],
        [0, 1.15],
        [-1.15, 0],
      ]);
    case 'term':
      return polygon([
        [0, -1.15],
        [1.05, 0.85],
        [-1.05, 0.85],
      ]);
    case 'quiz':
      return polygon([
        [-1.05, -0.85],
        [1.05, -0.85],
        [0, 1.15],
      ]);
    case 'course':
      return polygon([0, 1, 2, 3, 4, 5].map((i) => [Math.cos((i * Math.PI) / 3), Math.sin((i * Math.PI) / 3)]));
    default:
      return `M${round(x - r)} ${round(y)}a${round(r)} ${round(r)} 0 1 0 ${round(2 * r)} 0a${round(r)} ${round(r)} 0 1 0 ${round(-2 * r)} 0Z`;
  }
}

interface DrawOptions {
  /** Label size in the drawing's units: the page shows the drawing at 1 unit = 1 CSS px or larger. */
  fontSize?: number;
  /** Longest label, in characters (a shorter one is tried where it does not fit). */
  labelMax?: number;
  /** Notes whose labels are placed first, most important first (the rest follow by links). */
  priority?: readonly NoteData[];
  /** Labels face away from this point where they fit (the middle of a local graph's rings). */
  outwardFrom?: { x: number; y: number };
}

/** A node's radius: larger the more links it has, small enough to leave room for labels. */
export function nodeRadius(degree: number): number {
  return Math.min(9, 5 + Math.floor(degree / 2));
}

export function drawGraph(graph: Graph, options: DrawOptions = {}): DrawnGraph {
  const fontSize = options.fontSize ?? 12;
  const labelMax = options.labelMax ?? 24;
  const at = new Map(graph.nodes.map((node) => [node.note.vaultPath, node]));
  const titles = new Map(graph.nodes.map((node) => [node.note.vaultPath as string, displayTitle(node.note)]));
  const long = distinctLabels(titles, labelMax);
  const short = distinctLabels(titles, Math.max(8, Math.round(labelMax / 2)));
  const rank = new Map((options.priority ?? []).map((note, index) => [note.vaultPath as string, index]));
  const order = [...graph.nodes].sort(
    (a, b) =>
      (rank.get(a.note.vaultPath) ?? Infinity) - (rank.get(b.note.vaultPath) ?? Infinity) ||
      b.degree - a.degree ||
      (a.note.vaultPath < b.note.vaultPath ? -1 : a.note.vaultPath > b.note.vaultPath ? 1 : 0),
  );
  const labels = placeLabels(
    order.map((node) => {
      const id = node.note.vaultPath;
      const texts = [long.get(id), short.get(id)].filter((text): text is string => text !== undefined);
      return { id, x: node.x, y: node.y, r: nodeRadius(node.degree) + 1, texts: [...new Set(texts)] };
    }),
    { width: graph.width, height: graph.height, fontSize, ...(options.outwardFrom ? { outwardFrom: options.outwardFrom } : {}) },
  );
  const labelOf = new Map(labels.map((label) => [label.id, label]));
  const present = new Set(graph.nodes.map((node) => node.note.type));
  return {
    width: graph.width,
    height: graph.height,
    nodes: graph.nodes.map((node) => {
      const r = nodeRadius(node.degree);
      const label = labelOf.get(node.note.vaultPath);
      return {
        note: node.note,
        title: displayTitle(node.note),
        x: node.x,
        y: node.y,
        r,
        d: shapePath(node.note.type, node.x, node.y, r),
        ...(label ? { label } : {}),
      };
    }),
    edges: graph.edges.flatMap((edge) => {
      const from = at.get(edge.source);
      const to = at.get(edge.target);
      return from && to ? [{ x1: from.x, y1: from.y, x2: to.x, y2: to.y }] : [];
    }),
    kinds: NODE_KINDS.filter((kind) => present.has(kind)),
  };
}
