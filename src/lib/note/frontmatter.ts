/**
 * Splits a note into frontmatter and body, and parses the frontmatter as YAML 1.2 (JSON frontmatter,
 * as the Digital Garden plugin exports it, is YAML too). YAML 1.2 keeps `1962-10-24` a string and
 * `yes` a string, so nothing is silently turned into a Date or a boolean.
 */
import { LineCounter, parseDocument, isMap, visit, type Document } from 'yaml';
import { MAX_ALIAS_COUNT, tooManyAliasesMessage } from '../vault/limits.ts';

export interface ParsedNoteSource {
  /** The frontmatter mapping ({} when there is none). */
  data: Record<string, unknown>;
  /** The body as the author wrote it, after the closing `---`. */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** 1-based file line of a frontmatter key path (e.g. `['events', 3, 'date']`), where known. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  problems: { line?: number; message: string }[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** A note's text split at its frontmatter, without parsing it: its YAML, its body and their file lines. */
export type SplitNote =
  | { yaml?: undefined; body: string; bodyLine: 1; unclosed?: false }
  | { yaml: string; body: string; bodyLine: number; unclosed?: false }
  | { yaml?: undefined; body: ''; bodyLine: 1; unclosed: true };

export function splitNote(source: string): SplitNote {
  // A note checked out on Windows reads the same as on any other system; lines keep their numbers.
  const text = source.replace(/\r\n?/g, '\n');
  const opening = OPENING.exec(text);
  if (!opening) return { body: text.replace(/^\uFEFF/, ''), bodyLine: 1 };
  const lines = text.slice(opening[0].length).split('\n');
  const closingIndex = lines.findIndex((line) => CLOSING.test(line.replace(/\r$/, '')));
  if (closingIndex === -1) return { body: '', bodyLine: 1, unclosed: true };
  return {
    yaml: lines.slice(0, closingIndex).join('\n'),
    body: lines.slice(closingIndex + 1).join('\n'),
    bodyLine: closingIndex + 3, // opening line + frontmatter lines + closing line, 1-based
  };
}

export function parseNoteSource(source: string): ParsedNoteSource {
  const split = splitNote(source);
  if (split.unclosed) {
    return {
      data: {},
      body: '',
      bodyLine: 1,
      lineOf: () => undefined,
      problems: [{ line: 1, message: 'the frontmatter opened with --- is never closed by a --- line' }],
    };
  }
  const { yaml: yamlText, body, bodyLine } = split;
  if (yamlText === undefined) return { data: {}, body, bodyLine, lineOf: () => undefined, problems: [] };
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // Frontmatter starts on file line 2.
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const problems = document.errors.map((error) => ({
    line: error.linePos ? error.linePos[0].line + 1 : undefined,
    // The file line is reported separately; the parser's own "at line N" counts from the frontmatter.
    message: `malformed frontmatter: ${(error.message.split('\n')[0] as string).replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(document, path, fileLine);
  if (problems.length > 0) return { data: {}, body, bodyLine, lineOf, problems };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // A "billion laughs" (aliases of aliases that would expand to millions of values), reported at
    // its first alias; any other failure of the YAML library is malformed frontmatter.
    const message = error instanceof Error ? error.message : String(error);
    let alias: number | undefined;
    visit(document, { Alias: (_, node) => ((alias ??= node.range?.[0]), visit.BREAK) });
    const problem = /Excessive alias count/.test(message)
      ? { line: alias === undefined ? 2 : fileLine(alias), message: tooManyAliasesMessage() }
      : { line: 2, message: `malformed frontmatter: ${message.split('\n')[0] as string}` };
    return { data: {}, body, bodyLine, lineOf, problems: [problem] };
  }
  if (value === null || value === undefined) return { data: {}, body, bodyLine, lineOf, problems };
  if (!isMap(document.contents) || typeof value !== 'object' || Array.isArray(value)) {
    return {
      data: {},
      body,
      bodyLine,
      lineOf,
      problems: [{ line: 2, message: 'the frontmatter must be a set of key: value pairs' }],
    };
  }
  return { data: value as Record<string, unknown>, body, bodyLine, lineOf, problems };
}

function lineOfPath(document: Document, path: readonly PropertyKey[], fileLine: (offset: number) => number): number | undefined {
  // The deepest node along the path that exists: a missing key is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return fileLine(node.range[0]);
    if (depth > 0) {
      // A key whose value is null has no node; find the key itself in its parent map.
      const parent = document.getIn(path.slice(0, depth - 1) as unknown[], true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path[depth - 1]);
        const key = pair?.key as { range?: [number, number, number] } | undefined;
        if (key?.range) return fileLine(key.range[0]);
      }
    }
  }
  return undefined;
}
