/** Embeds that would show themselves forever. */
import type { NoteRegion } from '../syntax/scan.ts';
import type { Problem, VaultPath } from '../util/types.ts';
import { compareCodePoints } from './files.ts';

/** An embed as resolved: which note (and where in it) shows which part of another. */
export interface EmbedEdge {
  from: VaultPath;
  line: number;
  target: VaultPath;
  /** The heading id or block anchor (`^id`) embedded; none for the whole note. */
  fragment?: string;
}

/**
 * Embeds that would show themselves forever. What an embed shows is a whole note, a heading's section
 * or a block, and it holds the embeds written inside it: a note may embed its own sections, or a
 * section of a note that embeds it back, as Obsidian allows. Only an embed whose part comes back to a
 * part being shown is an error, at the line of the embed that closes the circle.
 */
export function embedCycles(
  edges: readonly EmbedEdge[],
  regionsOf: (note: VaultPath) => readonly NoteRegion[],
  displayPath: (path: VaultPath) => string,
): Problem[] {
  const byNote = new Map<VaultPath, EmbedEdge[]>();
  for (const edge of edges) byNote.set(edge.from, [...(byNote.get(edge.from) ?? []), edge]);
  const keyOf = (note: VaultPath, fragment?: string) => (fragment ? `${note}#${fragment}` : note);
  const labelOf = (note: VaultPath, fragment?: string) => (fragment ? `${displayPath(note)}#${fragment}` : displayPath(note));
  /** The embeds a part of a note holds: all of the note's, or those written within the section or block. */
  const inside = (note: VaultPath, fragment?: string): EmbedEdge[] => {
    const all = byNote.get(note) ?? [];
    if (!fragment) return all;
    const region = regionsOf(note).find((candidate) => candidate.id === fragment);
    return region ? all.filter((edge) => edge.line >= region.start && edge.line <= region.end) : [];
  };
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const done = new Set<string>();
  const visit = (note: VaultPath, fragment: string | undefined, trail: { key: string; label: string }[]) => {
    const key = keyOf(note, fragment);
    if (done.has(key)) return;
    const here = [...trail, { key, label: labelOf(note, fragment) }];
    for (const edge of inside(note, fragment)) {
      const target = keyOf(edge.target, edge.fragment);
      const start = here.findIndex((step) => step.key === target);
      if (start === -1) {
        visit(edge.target, edge.fragment, here);
        continue;
      }
      const cycle = here.slice(start);
      const id = cycle
        .map((step) => step.key)
        .sort()
        .join('|');
      if (reported.has(id)) continue;
      reported.add(id);
      problems.push({
        file: displayPath(edge.from),
        line: edge.line,
        message: `embeds form a cycle: ${[...cycle.map((step) => step.label), labelOf(edge.target, edge.fragment)].join(' → ')}`,
      });
    }
    done.add(key);
  };
  for (const note of [...byNote.keys()].sort(compareCodePoints)) visit(note, undefined, []);
  return problems;
}
