/**
 * The course menu of one page, bounded whatever the course's size: the path to the page's note (its
 * ancestors' folders, open) with the notes of the note's own folder listed; every other folder is a
 * link to that folder in the full tree, which only the course page itself shows.
 */
import type { NoteData } from '../note/note-data.ts';
import type { TreeFolder } from './garden.ts';
import { COURSE_FOLDER_ID } from './page-ids.ts';

export interface NavFolder {
  name: string;
  /** The folder's id in the full tree on the course page (`course-folder-2-1`): what a link points to. */
  id: string;
  /** Its notes as the menu lists them: none for a folder only passed through or shown as a link. */
  notes: readonly NoteData[];
  folders: NavFolder[];
  /** `tree`: its contents are listed; `link`: only a link to it on the course page. */
  shown: 'tree' | 'link';
  /** Open: it holds the current page. */
  open: boolean;
  /** The notes at or below it. */
  count: number;
}

// Counted once per folder of the site, not again on every page of its course.
const counts = new WeakMap<TreeFolder, number>();
function countOf(folder: TreeFolder): number {
  let count = counts.get(folder);
  if (count === undefined) {
    count = folder.notes.length + folder.folders.reduce((sum, child) => sum + countOf(child), 0);
    counts.set(folder, count);
  }
  return count;
}

/**
 * The menu's tree: `full` (the course page) lists every folder and note; otherwise only the folders
 * on the way to `current` are entered and only `current`'s folder lists its notes. With no current
 * note (the course's study pages) the course's top folder is the one listed.
 */
export function courseNav(tree: TreeFolder, current: NoteData | undefined, full: boolean): NavFolder {
  const holds = (folder: TreeFolder): boolean =>
    current !== undefined && (folder.notes.includes(current) || folder.folders.some(holds));
  const home = current === undefined || !tree.folders.some(holds);
  const walk = (folder: TreeFolder, id: string, shown: NavFolder['shown']): NavFolder => {
    const open = holds(folder);
    const listsNotes =
      full || (shown === 'tree' && (id === ROOT_ID ? home : current !== undefined && folder.notes.includes(current)));
    // Only the top folder and those on the way to the note are entered; their other folders are links.
    const entered = full || shown === 'tree';
    return {
      name: folder.name,
      id,
      notes: listsNotes ? folder.notes : [],
      folders: entered
        ? folder.folders.map((child, index) => {
            const childId = `${id}-${index + 1}`;
            return walk(child, childId, full || holds(child) ? 'tree' : 'link');
          })
        : [],
      shown,
      open,
      count: countOf(folder),
    };
  };
  return walk(tree, ROOT_ID, 'tree');
}

const ROOT_ID = COURSE_FOLDER_ID;
