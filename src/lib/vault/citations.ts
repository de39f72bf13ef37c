/**
 * The vault's citations, checked and formatted once when it is loaded: every citation group of each
 * published note — in its body, and in the frontmatter that may cite (timeline `sources`, a term's
 * `definition`, a quiz question's `explanation`) — resolved against the vault's bibliography. A key
 * the bibliography does not have is a problem at the file and line (a warning with
 * `brokenLinks: 'warn'`, and the group stays as written); the rest is formatted per note, in reading
 * order, and kept on the note for the renderers.
 */
import { findCitations, citationLookupKey, type CitationCluster } from '../syntax/citations.ts';
import { editDistance } from '../util/edit-distance.ts';
import type { CitationFormatter, NoteCitations } from '../render/citations.ts';
import type { NoteData } from '../note/note-data.ts';
import type { Problem, VaultPath } from '../util/types.ts';
import { allowedEdits } from '../site/did-you-mean.ts';

/** A citation group found in a note's body when it was scanned, with its line. */
export interface ScannedCitation {
  written: string;
  line: number;
}

/** Frontmatter that may cite, as written, with the key path its line is found by (and the line, once the note is read). */
export interface FrontmatterCitation {
  written: string;
  path: PropertyKey[];
  line?: number;
  /** `sources` entries are citations whole (`"[@taubman2003, 250]"`); other text may hold some. */
  whole: boolean;
}

export interface CitingNote {
  note: NoteData;
  body: readonly ScannedCitation[];
  frontmatter: readonly FrontmatterCitation[];
}

export interface CitationSetup {
  formatter: CitationFormatter;
  /** Every key of the vault's bibliography. */
  keys: ReadonlySet<string>;
}

/**
 * Checks and formats each note's citations (setting `note.citations`). Unknown keys go to `dead`
 * (problems or warnings, by `brokenLinks`), frontmatter that is not a citation to `problems`.
 */
export function citeNotes(
  notes: readonly CitingNote[],
  setup: CitationSetup,
  report: { problems: Problem[]; dead: Problem[]; displayPath: (path: VaultPath) => string },
): void {
  for (const { note, body, frontmatter } of notes) {
    const file = report.displayPath(note.vaultPath);
    const groups: { cluster: CitationCluster; line?: number }[] = body.flatMap((found) =>
      findCitations(found.written).map((cluster) => ({ cluster, line: found.line })),
    );
    for (const written of frontmatter) {
      const { line } = written;
      const found = findCitations(written.written);
      if (written.whole && found.length === 0) {
        report.problems.push({
          file,
          ...(line ? { line } : {}),
          message: `"${written.written}" is not a citation: write a source as "[@key]" or "[@key, 250]"`,
        });
      }
      groups.push(...found.map((cluster) => ({ cluster, ...(line ? { line } : {}) })));
    }
    const known = groups.filter(({ cluster, line }) => {
      const unknown = cluster.items.filter((item) => !setup.keys.has(item.key));
      for (const item of unknown) {
        report.dead.push({
          file,
          ...(line ? { line } : {}),
          message: `${cluster.written} cites "${item.key}", which no bibliography of the vault (.bib, .csl.json) has${hint(item.key, setup.keys)}`,
        });
      }
      return unknown.length === 0;
    });
    if (known.length === 0) continue;
    const formatted = setup.formatter.formatNote(known.map(({ cluster }) => cluster.items));
    const citations: NoteCitations = { groups: {}, references: formatted.references };
    known.forEach(({ cluster }, index) => {
      const key = citationLookupKey(cluster.written);
      // The same group written twice reads the same: the first formatting stands.
      citations.groups[key] ??= formatted.groups[index] ?? [];
    });
    note.citations = citations;
  }
}

/** "; did you mean …?" for the nearest keys of the bibliography. */
function hint(key: string, keys: ReadonlySet<string>): string {
  const allowed = Math.max(1, allowedEdits(key.length));
  const near = [...keys]
    .map((other) => ({ other, distance: editDistance(key.toLowerCase(), other.toLowerCase()) }))
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance || (a.other < b.other ? -1 : 1))
    .slice(0, 3)
    .map(({ other }) => `"${other}"`);
  return near.length > 0 ? `; did you mean ${near.join(', ')}?` : '';
}

/** The frontmatter keys that may cite, of any kind of note. */
export interface CitingFrontmatter {
  events?: readonly { sources?: readonly string[] }[];
  definition?: string;
  quiz?: readonly { explanation?: string }[];
}

/** What a note's frontmatter may cite with: timeline `sources`, a term's `definition`, quiz `explanation`s. */
export function frontmatterCitations(frontmatter: CitingFrontmatter): FrontmatterCitation[] {
  const found: FrontmatterCitation[] = [];
  frontmatter.events?.forEach((event, index) =>
    event.sources?.forEach((written, source) => found.push({ written, path: ['events', index, 'sources', source], whole: true })),
  );
  if (frontmatter.definition?.includes('@')) found.push({ written: frontmatter.definition, path: ['definition'], whole: false });
  frontmatter.quiz?.forEach((question, index) => {
    if (question.explanation?.includes('@'))
      found.push({ written: question.explanation, path: ['quiz', index, 'explanation'], whole: false });
  });
  return found;
}
