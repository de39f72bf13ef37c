/**
 * A generated vault for the bounded-page tests (tests/build/page-bounds.test.ts and
 * tests/browser/page-bounds.test.ts): a hub note linked from 61 notes, 60 of them tagged `#crowd`, in a
 * course with a note three folders deep.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The notes linking to the hub beside the deep note. */
export const LINKERS = 60;

export const BOUNDS_PAGES = {
  hub: '/big-course/hub/',
  backlinks: '/backlinks/big-course/hub/',
  tag: '/tags/crowd/',
  tagPage2: '/tags/crowd/2/',
  deep: '/big-course/part-b/deep/deeper/deep-note/',
  sibling: '/big-course/part-b/deep/deeper/deep-sibling/',
  course: '/big-course/big-course/',
};

export function writeBoundsVault(vault: string): void {
  rmSync(vault, { recursive: true, force: true });
  const note = (path: string, frontmatter: string, body: string) => {
    const file = join(vault, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `---\ndg-publish: true\n${frontmatter}---\n${body}\n`);
  };
  note('Big Course/Big Course.md', 'type: course\ntitle: Big Course\n', 'The course.');
  note('Big Course/Hub.md', 'title: Hub\n', 'Every linker links here.');
  for (let index = 1; index <= LINKERS; index += 1) {
    const name = `Linker ${String(index).padStart(2, '0')}`;
    note(`Big Course/Part A/${name}.md`, `title: ${name}\ntags: [crowd]\n`, `${name} is about the [[Hub]].`);
  }
  note('Big Course/Part B/Other B.md', 'title: Other B\n', 'Beside the deep folder.');
  note('Big Course/Part B/Deep/Deeper/Deep Note.md', 'title: Deep Note\n', 'Deep down, near [[Deep Sibling]] and the [[Hub]].');
  note('Big Course/Part B/Deep/Deeper/Deep Sibling.md', 'title: Deep Sibling\n', 'Next to the deep note.');
}
