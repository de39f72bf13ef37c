/**
 * One URL of every kind of page a built site has, read from its `notes.json` and its files: the
 * layout tests open each at every width, and `npm run screenshots` photographs each.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PageKind {
  /** A short name for reports and screenshot files. */
  kind: string;
  path: string;
}

interface NotesJson {
  notes: { url: string; type: string; embeds?: { view: string; url: string }[]; headings?: { embed?: string }[] }[];
}

const NOTE_KINDS = ['course', 'brief', 'timeline', 'quiz', 'term', 'note'] as const;
const COURSE_TOOLS = ['glossary', 'timeline', 'flashcards', 'study-sheet'] as const;

export function pageKinds(siteDir: string): PageKind[] {
  const { notes } = JSON.parse(readFileSync(join(siteDir, 'notes.json'), 'utf8')) as NotesJson;
  const built = (path: string) => existsSync(join(siteDir, decodeURIComponent(path), 'index.html'));
  const kinds: PageKind[] = [{ kind: 'home', path: '/' }];
  for (const type of NOTE_KINDS) {
    const note = notes.find((candidate) => candidate.type === type);
    if (note) kinds.push({ kind: type, path: note.url });
  }
  const course = notes.find((note) => note.type === 'course');
  for (const tool of course ? COURSE_TOOLS : []) {
    const path = `${course?.url}${tool}/`;
    if (built(path)) kinds.push({ kind: `course-${tool}`, path });
  }
  const sheet = notes.find((note) => note.type !== 'course' && built(`${note.url}study-sheet/`));
  if (sheet) kinds.push({ kind: 'note-study-sheet', path: `${sheet.url}study-sheet/` });
  kinds.push({ kind: 'glossary', path: '/glossary/' }, { kind: 'tags', path: '/tags/' });
  const tag = readdirSync(join(siteDir, 'tags'), { withFileTypes: true }).find((entry) => entry.isDirectory());
  if (tag) kinds.push({ kind: 'tag', path: `/tags/${tag.name}/` });
  kinds.push(
    { kind: 'graph', path: '/graph/' },
    { kind: 'search', path: '/search/' },
    { kind: 'not-found', path: '/no-such-page/' },
  );
  return kinds;
}

/**
 * One embed (`/embed/…`) of every view the site has, a section by its fragment: for screenshots (an
 * embed has no site header, so the layout tests of site pages do not apply to it).
 */
export function embedKinds(siteDir: string): PageKind[] {
  const { notes } = JSON.parse(readFileSync(join(siteDir, 'notes.json'), 'utf8')) as NotesJson;
  const kinds = new Map<string, string>();
  for (const note of notes) {
    for (const embed of note.embeds ?? []) if (!kinds.has(embed.view)) kinds.set(embed.view, embed.url);
    const section = note.headings?.find((heading) => heading.embed)?.embed;
    if (section && !kinds.has('section-part')) kinds.set('section-part', section);
  }
  return [...kinds].map(([view, path]) => ({ kind: `embed-${view}`, path }));
}
