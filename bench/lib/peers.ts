/**
 * The side-by-side run of ../shared/bench/run-peers.sh folded into the bench report: its table read
 * back into rows, the ratios the speed aims are stated in (this project against bare Astro on the
 * same processor and against Quartz without OG images, same vault, same run), and — for machines
 * without `farm-bench` — the report format that run-peers.sh and report.mjs read from it.
 */

/** One row of run-peers' table.md. */
export interface PeerRow {
  peer: string;
  notes: number;
  wallS: number | null;
  peakMib: number | null;
  outputMb: number | null;
}

const number = (cell: string | undefined): number | null => {
  const match = cell?.trim().match(/^\d+(?:\.\d+)?/);
  return match ? Number(match[0]) : null;
};

/** The rows of report.mjs's Markdown table (header and rule skipped; a skipped cell has no wall time). */
export function parsePeerTable(markdown: string): PeerRow[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(Peer|-+)\s*\|/.test(line))
    .map((line) => line.split('|').slice(1, -1))
    .filter((cells) => cells.length >= 6 && number(cells[1]) !== null)
    .map((cells) => ({
      peer: cells[0]!.trim(),
      notes: number(cells[1])!,
      wallS: number(cells[2]),
      peakMib: number(cells[3]),
      outputMb: number(cells[5]),
    }));
}

/** report.mjs's names of the peers the aims compare with. */
export const PEER_NAMES = {
  main: 'this project',
  floor: 'Astro 7 bare, Sätteri Markdown + Pagefind',
  quartz: 'Quartz 4 (no OG images)',
} as const;

export interface PeerRatio {
  notes: number;
  name: string;
  value: number;
}

/**
 * Per size: this project's wall time and output over bare Astro on Sätteri (the site's default
 * processor) and its wall time over Quartz without OG images — only where both cells were measured.
 */
export function peerRatios(rows: PeerRow[]): PeerRatio[] {
  const ratios: PeerRatio[] = [];
  const sizes = [...new Set(rows.map((row) => row.notes))].sort((a, b) => a - b);
  const cell = (peer: string, notes: number) => rows.find((row) => row.peer === peer && row.notes === notes);
  for (const notes of sizes) {
    const main = cell(PEER_NAMES.main, notes);
    const floor = cell(PEER_NAMES.floor, notes);
    const quartz = cell(PEER_NAMES.quartz, notes);
    if (!main?.wallS) continue;
    if (floor?.wallS) ratios.push({ notes, name: 'this project / bare Astro (Sätteri): time', value: main.wallS / floor.wallS });
    if (main.outputMb && floor?.outputMb)
      ratios.push({ notes, name: 'this project / bare Astro (Sätteri): output bytes', value: main.outputMb / floor.outputMb });
    if (quartz?.wallS)
      ratios.push({ notes, name: 'this project / Quartz (no OG images): time', value: main.wallS / quartz.wallS });
  }
  return ratios;
}

export interface TimedRun {
  wallS: number;
  peakMib: number;
  exit: number;
}

/**
 * What `farm-bench -n N -- cmd` prints, as far as run-peers.sh (`A wall s` median in field 5, `A exit
 * 0 (N of N)`) and report.mjs (`A wall s|peak MiB min median max`, `runs counted: A N`) read it.
 */
export function farmReport(runs: TimedRun[]): string {
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    return `${sorted[0]!.toFixed(2)} ${median.toFixed(2)} ${sorted.at(-1)!.toFixed(2)}`;
  };
  if (runs.length === 0) return 'runs counted: A 0\nA exit none (0 of 0)\n';
  const ok = runs.filter((run) => run.exit === 0).length;
  const codes = [...new Set(runs.map((run) => run.exit))].join(',');
  return [
    `runs counted: A ${runs.length}`,
    `A exit ${ok === runs.length ? 0 : codes} (${ok} of ${runs.length})`,
    `A wall s ${stats(runs.map((run) => run.wallS))}`,
    `A peak MiB ${stats(runs.map((run) => run.peakMib))}`,
    '',
  ].join('\n');
}
