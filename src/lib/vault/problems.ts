/** The order problems are listed in, and the one message an author reads. */
import type { Problem } from '../util/types.ts';
import { compareCodePoints } from './files.ts';

export function compareProblems(a: Problem, b: Problem): number {
  return compareCodePoints(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareCodePoints(a.message, b.message);
}

/** All problems as one message an author can work through, one `file:line: message` per line. */
export function formatProblems(problems: readonly Problem[]): string {
  // A problem of the whole vault (file '') is said without a file.
  return problems.map((p) => (p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}` : p.message)).join('\n');
}
