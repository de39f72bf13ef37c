/**
 * The limits a note must keep, checked on its text before any parser sees it, so nothing an author
 * writes can exhaust the build: a note too large to parse in good time, nesting deeper than the
 * parsers' recursion (Sätteri stops at 128 levels of tree, the unified plugins overflow the stack
 * at about 1 000, micromark slows down with the square of the depth), more headings than a page can
 * list, or YAML aliases that expand to a "billion laughs". Each over-limit note is a `file:line`
 * problem of its own, like any other; it never reaches the scanner or the renderer.
 */

/** 1 MB, as file managers count it. */
export const MEGABYTE = 1024 * 1024;
/** The default of the site option `maxNoteSize`, in MB: a 2 MB note (a whole book) scans and renders in about 10 s. */
export const DEFAULT_MAX_NOTE_SIZE = 2;
/**
 * Levels of quotes, callouts, lists, emphasis, brackets and HTML elements inside one another. A list
 * level is two levels of tree (list and item), so 50 keeps every note well inside Sätteri's 128.
 */
export const MAX_NESTING = 50;
/** Headings in one note: a table of contents, ids and anchors for each; 1 000 take about 0.2 s. */
export const MAX_HEADINGS = 1000;
/** Values YAML aliases (`*name`) may repeat in one frontmatter: the `yaml` package's `maxAliasCount`. */
export const MAX_ALIAS_COUNT = 100;

export interface LimitProblem {
  line: number;
  message: string;
}

/** A note over the size limit: not read any further. */
export function sizeProblem(bytes: number, maxBytes: number): LimitProblem | undefined {
  return bytes > maxBytes ? { line: 1, message: tooLargeMessage(bytes, maxBytes) } : undefined;
}

/** Frontmatter that nests too deep for the YAML parser (checked for every note: every note's frontmatter is read). */
export function frontmatterLimitProblems(yaml: string, firstLine: number): LimitProblem[] {
  const line = deepestLine(yaml, firstLine, yamlDepths);
  return line ? [{ line, message: tooDeepMessage('frontmatter') }] : [];
}

/** A body that nests too deep or has too many headings (checked for published notes: only their bodies are parsed). */
export function bodyLimitProblems(body: string, firstLine: number): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const line = deepestLine(body, firstLine, markdownDepths);
  if (line) problems.push({ line, message: tooDeepMessage('body') });
  const headings = headingLines(body, firstLine);
  if (headings.length > MAX_HEADINGS) {
    problems.push({ line: headings[MAX_HEADINGS] as number, message: tooManyHeadingsMessage(headings.length) });
  }
  return problems;
}

function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `the note is ${megabytes(bytes)}, more than the ${megabytes(maxBytes)} a note may be (site option maxNoteSize); split it into smaller notes`;
}

function tooDeepMessage(part: 'body' | 'frontmatter'): string {
  return part === 'body'
    ? `quotes, callouts, lists, emphasis, brackets or HTML elements nest more than ${MAX_NESTING} levels deep here; nest less`
    : `the frontmatter nests lists or maps more than ${MAX_NESTING} levels deep here; nest less`;
}

function tooManyHeadingsMessage(count: number): string {
  return `the note has ${count} headings, more than the ${MAX_HEADINGS} a note may have (this is heading ${MAX_HEADINGS + 1}); split it into smaller notes`;
}

export function tooManyAliasesMessage(): string {
  return `the frontmatter's YAML aliases (*name) repeat their anchors (&name) more than ${MAX_ALIAS_COUNT} times; write the values out`;
}

/**
 * What an author is told when a parser or plugin fails on a note anyway (a limit the text check could
 * not see, such as depth added by embedded notes): never a stack trace or an engine's words.
 */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Maximum call stack size exceeded|nests deeper than \d+ levels/.test(message)) {
    return `it nests too deeply to be read (more than the parser can follow, with the notes it embeds); nest quotes, lists and embeds less`;
  }
  if (/Excessive alias count/.test(message)) return tooManyAliasesMessage();
  // Parsers prefix their own file name and put detail on later lines; the Problem names the file.
  return (message.split('\n').find((line) => line.trim() && !/^Failed to parse Markdown file/.test(line)) ?? message).trim();
}

function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MEGABYTE / 10) return `${Math.round(bytes / 1024)} kB`;
  return `${Number((bytes / MEGABYTE).toFixed(1))} MB`;
}

/** How deep each line of a text nests, line by line (an estimate from above, never below). */
type DepthScanner = (lines: readonly string[]) => Iterable<{ index: number; depth: number }>;

/** The file line of the first line that nests deeper than the limit, if any. */
function deepestLine(text: string, firstLine: number, depths: DepthScanner): number | undefined {
  for (const { index, depth } of depths(text.split(/\r\n?|\n/))) {
    if (depth > MAX_NESTING) return firstLine + index;
  }
  return undefined;
}

/** The depth of each line of a note body, for deepestLine (exported for tests). */
export function* markdownDepths(lines: readonly string[]): Iterable<{ index: number; depth: number }> {
  let fence: { char: string; length: number; depth: number } | undefined;
  let block = 0;
  const inline = inlineCounter();
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      // A paragraph ends: brackets and emphasis do not reach past it (HTML elements do).
      block = 0;
      inline.endParagraph();
      continue;
    }
    const prefix = containerPrefix(line);
    if (fence) {
      // Code is not parsed: only the containers it is in count, not its own indentation.
      const closing = FENCE.exec(prefix.rest);
      yield { index, depth: Math.min(prefix.depth, fence.depth) };
      if (closing?.[1]?.[0] === fence.char && closing[1].length >= fence.length && closing[2]?.trim() === '') fence = undefined;
      continue;
    }
    const opening = FENCE.exec(prefix.rest);
    if (opening && !(opening[1]?.[0] === '`' && opening[2]?.includes('`'))) {
      fence = { char: opening[1]?.[0] as string, length: opening[1]?.length as number, depth: prefix.depth };
      yield { index, depth: prefix.depth };
      continue;
    }
    block = Math.max(block, prefix.depth);
    yield { index, depth: block + inline.feed(prefix.rest) };
  }
}

/** The depth of each line of YAML: its indentation (one level a column: YAML nests by one space), `- ` items and flow brackets. */
export function* yamlDepths(lines: readonly string[]): Iterable<{ index: number; depth: number }> {
  let flow = 0;
  for (const [index, line] of lines.entries()) {
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    const items = /^(?:[ \t]*-(?:[ \t]+|$))*/.exec(line)?.[0].match(/-/g)?.length ?? 0;
    let deepest = flow;
    for (const char of line) {
      if (char === '[' || char === '{') deepest = Math.max(deepest, ++flow);
      else if ((char === ']' || char === '}') && flow > 0) flow--;
    }
    yield { index, depth: indent + items + deepest };
  }
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const ORDERED_MARKER = /^\d{1,9}[.)](?=[ \t]|$)/;

/**
 * A line's container markers (`>` quotes and callouts, list markers) and indentation, as levels:
 * one a marker, one each two columns of indentation (a nested list item is indented at least two).
 */
function containerPrefix(line: string): { depth: number; rest: string } {
  let depth = 0;
  let column = 0;
  let run = 0;
  let index = 0;
  while (index < line.length) {
    const char = line[index] as string;
    if (char === ' ' || char === '\t') {
      const width = char === '\t' ? 4 - (column % 4) : 1;
      column += width;
      run += width;
      index++;
      continue;
    }
    depth += run >> 1;
    run = 0;
    const next = line[index + 1];
    if (char === '>') {
      depth++;
      index++;
      column++;
    } else if ((char === '-' || char === '+' || char === '*') && (next === undefined || next === ' ' || next === '\t')) {
      depth++;
      index++;
      column++;
    } else {
      const ordered = ORDERED_MARKER.exec(line.slice(index, index + 11));
      if (!ordered) break;
      depth++;
      index += ordered[0].length;
      column += ordered[0].length;
    }
  }
  return { depth: depth + (run >> 1), rest: line.slice(index) };
}

/** Elements that never hold themselves: void, or closed by the next of their kind (`<p>`, `<li>`). */
const UNNESTED = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rp rt caption colgroup'.split(
    ' ',
  ),
);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(\/?)>/y;
const EMPHASIS = new Set(['*', '_', '~', '=']);
/** The characters inlineCounter looks at, by code: escapes, brackets, braces, tags and emphasis marks. */
const MARKS = new Uint8Array(128);
for (const char of ['\\', '[', ']', '{', '}', '<', ...EMPHASIS]) MARKS[char.charCodeAt(0)] = 1;
const SPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Running inline depth: open brackets and braces, open emphasis runs (a run of n marks counts n) in
 * the current paragraph, and open HTML elements in the whole body (raw HTML is parsed as one document).
 */
function inlineCounter() {
  let brackets = 0;
  let html = 0;
  const open = new Map<string, number>();
  // The sum of `open`'s counts, kept as they change: it is read at every bracket of every line.
  let emphasis = 0;
  const setOpen = (char: string, count: number) => {
    emphasis += count - (open.get(char) ?? 0);
    open.set(char, count);
  };
  return {
    endParagraph() {
      brackets = 0;
      open.clear();
      emphasis = 0;
    },
    /** The deepest the line reaches. */
    feed(text: string): number {
      let deepest = brackets + emphasis + html;
      const note = () => (deepest = Math.max(deepest, brackets + emphasis + html));
      for (let index = 0; index < text.length; index++) {
        // Most characters open and close nothing: they are passed over by their code alone.
        const code = text.charCodeAt(index);
        if (code >= MARKS.length || MARKS[code] === 0) continue;
        const char = text[index] as string;
        if (char === '\\') index++;
        else if (char === '[' || char === '{') {
          brackets++;
          note();
        } else if ((char === ']' || char === '}') && brackets > 0) brackets--;
        else if (char === '<') {
          TAG.lastIndex = index;
          const tag = TAG.exec(text);
          if (!tag || UNNESTED.has((tag[2] as string).toLowerCase())) continue;
          if (tag[1]) html = Math.max(0, html - 1);
          else if (!tag[3]) {
            html++;
            note();
          }
          index += tag[0].length - 1;
        } else if (EMPHASIS.has(char)) {
          let end = index;
          while (text[end + 1] === char) end++;
          const length = end - index + 1;
          const before = text[index - 1];
          const after = text[end + 1];
          const opens =
            after !== undefined && !SPACE.test(after) && (before === undefined || SPACE.test(before) || PUNCTUATION.test(before));
          const closes =
            before !== undefined && !SPACE.test(before) && (after === undefined || SPACE.test(after) || PUNCTUATION.test(after));
          const current = open.get(char) ?? 0;
          if (closes && (current > 0 || !opens)) setOpen(char, Math.max(0, current - length));
          else if (opens) {
            setOpen(char, current + length);
            note();
          }
          index = end;
        }
      }
      return deepest;
    },
  };
}

/** The file lines of a body's headings: `#` headings and `===`/`---` underlines, outside code. */
function headingLines(body: string, firstLine: number): number[] {
  const lines: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let previous = '';
  for (const [index, line] of body.split(/\r\n?|\n/).entries()) {
    const { rest } = containerPrefix(line);
    const marks = FENCE.exec(rest);
    if (fence) {
      if (marks?.[1]?.[0] === fence.char && marks[1].length >= fence.length && marks[2]?.trim() === '') fence = undefined;
    } else if (marks) fence = { char: marks[1]?.[0] as string, length: marks[1]?.length as number };
    else if (/^#{1,6}(?:[ \t]|$)/.test(rest) || (/^(?:=+|-+)[ \t]*$/.test(rest) && previous.trim() !== '')) {
      lines.push(firstLine + index);
      previous = '';
      continue;
    }
    previous = fence ? '' : rest;
  }
  return lines;
}
