/**
 * The vault's bibliography: every `*.bib` (BibTeX, BibLaTeX) and `*.csl.json` (a CSL-JSON array) file
 * in it, read with citation-js into CSL items. Keys are global to the vault. An entry that cannot be
 * read, and a key given twice, are problems with the file and line an author opens.
 */
import { plugins, type CSL } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Problem, VaultPath } from '../util/types.ts';
import { chicagoAuthorDate, createCitationFormatter } from '../render/citations.ts';
import { citeNotes, type CitingNote } from './citations.ts';
import { compareCodePoints } from './files.ts';

/** A CSL-JSON item, as citation-js normalises it (its key a string): what the citation style formats. */
export type CslItem = CSL & { id: string };

export interface BibliographyFile {
  /** Vault path. */
  path: string;
  text: string;
}

export interface Bibliography {
  /** Every work, by key, in key order (same input, same output). */
  items: CslItem[];
  problems: Problem[];
}

export function isBibliographyPath(path: string): boolean {
  return /\.(?:bib|csl\.json)$/i.test(path);
}

/** A work as read, with where it was written. */
interface Read {
  item: CslItem;
  line: number;
}

export function loadBibliography(
  files: readonly BibliographyFile[],
  displayPath: (path: string) => string = (path) => path,
): Bibliography {
  const problems: Problem[] = [];
  const byKey = new Map<string, { item: CslItem; file: string; line: number }>();
  for (const file of [...files].sort((a, b) => compareCodePoints(a.path, b.path))) {
    const shown = displayPath(file.path);
    const read = /\.bib$/i.test(file.path) ? readBibtex(file.text) : readCslJson(file.text);
    for (const problem of read.problems) problems.push({ file: shown, ...problem });
    for (const { item, line } of read.items) {
      const first = byKey.get(item.id);
      if (first) {
        problems.push({
          file: shown,
          line,
          message: `the citation key "${item.id}" is already used at ${first.file}:${first.line}; give one of them another key`,
        });
      } else byKey.set(item.id, { item, file: shown, line });
    }
  }
  const items = [...byKey.values()].map((entry) => entry.item).sort((a, b) => compareCodePoints(a.id, b.id));
  return { items, problems };
}

type FileRead = { items: Read[]; problems: { line?: number; message: string }[] };

/**
 * CSL items from BibTeX text or CSL-JSON items, normalised by citation-js. The type is given, never
 * guessed: citation-js would fetch a text that looks like a web address.
 */
function parsed(input: string | unknown[], forceType: '@biblatex/text' | '@csl/list+object'): CslItem[] {
  const options = { generateGraph: false, forceType } as Parameters<typeof plugins.input.chain>[1];
  return plugins.input.chain(input, options).map((item) => ({ ...item, id: String(item.id) }));
}

/**
 * A .bib file, whole; should it not parse, entry by entry (each with the file's `@string`
 * abbreviations), so that one broken entry is one problem at its line and the others still count.
 */
function readBibtex(text: string): FileRead {
  const entries = bibtexEntries(text);
  const lineOfKey = new Map(entries.flatMap((entry) => (entry.key ? [[entry.key, entry.line] as const] : [])));
  try {
    return { items: parsed(text, '@biblatex/text').map((item) => ({ item, line: lineOfKey.get(item.id) ?? 1 })), problems: [] };
  } catch {
    // Some entry is broken: find which, below.
  }
  const strings = entries.filter((entry) => /^@string\b/i.test(entry.text.trim())).map((entry) => entry.text);
  const result: FileRead = { items: [], problems: [] };
  for (const entry of entries) {
    if (/^@(?:string|comment|preamble)\b/i.test(entry.text.trim())) continue;
    try {
      for (const item of parsed([...strings, entry.text].join('\n'), '@biblatex/text'))
        result.items.push({ item, line: entry.line });
    } catch (error) {
      result.problems.push({
        line: entry.line,
        message: `this bibliography entry${entry.key ? ` "${entry.key}"` : ''} cannot be read: ${firstLine(error)}`,
      });
    }
  }
  return result;
}

/** The file cut at each line that starts an entry (`@book{key,`), with that line and key. */
function bibtexEntries(text: string): { text: string; line: number; key?: string }[] {
  const lines = text.split('\n');
  const entries: { text: string; line: number; key?: string }[] = [];
  lines.forEach((line, index) => {
    const start = /^\s*@(\w+)\s*[{(]\s*([^,\s]*)/.exec(line);
    if (start) entries.push({ text: line, line: index + 1, ...(start[2] ? { key: start[2] } : {}) });
    else if (entries.length > 0) entries[entries.length - 1]!.text += `\n${line}`;
  });
  return entries;
}

/** A CSL-JSON file: an array of items, each with a string `id`. */
function readCslJson(text: string): FileRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const line = /line (\d+)/.exec(firstLine(error))?.[1];
    return {
      items: [],
      problems: [{ ...(line ? { line: Number(line) } : {}), message: `is not valid JSON: ${firstLine(error)}` }],
    };
  }
  if (!Array.isArray(data)) return { items: [], problems: [{ message: 'a CSL-JSON bibliography is an array of items' }] };
  const result: FileRead = { items: [], problems: [] };
  let searchFrom = 0;
  data.forEach((entry: unknown, index) => {
    const id = (entry as { id?: unknown } | null)?.id;
    const at = typeof id === 'string' ? idLine(text, id, searchFrom) : undefined;
    if (at) searchFrom = at.offset;
    const where = at ? { line: at.line } : {};
    if (typeof id !== 'string' || id === '') {
      result.problems.push({ ...where, message: `item ${index + 1} has no "id" (the citation key), so it cannot be cited` });
      return;
    }
    try {
      for (const item of parsed([entry], '@csl/list+object')) result.items.push({ item: { ...item, id }, line: at?.line ?? 1 });
    } catch (error) {
      result.problems.push({ ...where, message: `the item "${id}" cannot be read: ${firstLine(error)}` });
    }
  });
  return result;
}

/** Where `"id": "key"` is written, from an offset on (the items come in order). */
function idLine(text: string, id: string, from: number): { line: number; offset: number } | undefined {
  const pattern = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  if (!match) return undefined;
  return { line: text.slice(0, match.index).split('\n').length, offset: match.index + match[0].length };
}

/** A parser's message, its first line, without the parser's own position (the problem has the file's). */
function firstLine(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return line.replace(/\s+at line \d+ col \d+:?$/, '');
}

/**
 * The vault's citations checked against its bibliography and formatted, note by note (src/lib/vault/citations.ts);
 * the bibliography read only when some note cites. Its problems, and unknown keys, go to `dead`: like a
 * dead link, an author importing a vault may let them wait (`brokenLinks: 'warn'`).
 */
export function citeVault(
  notes: readonly CitingNote[],
  options: { bibliography?: readonly BibliographyFile[]; citationStyle?: string },
  report: { problems: Problem[]; dead: Problem[]; displayPath: (path: VaultPath) => string },
): void {
  const files = options.bibliography ?? [];
  const bibliography = loadBibliography(files, (path) => report.displayPath(path as VaultPath));
  report.dead.push(...bibliography.problems);
  const citing = notes.filter((entry) => entry.body.length > 0 || entry.frontmatter.length > 0);
  if (citing.length === 0) return;
  const formatter = createCitationFormatter(bibliography.items, options.citationStyle ?? chicagoAuthorDate());
  citeNotes(citing, { formatter, keys: new Set(bibliography.items.map((item) => item.id)) }, report);
}
