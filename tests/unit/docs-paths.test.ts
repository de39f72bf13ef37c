/**
 * Files named in the README, ARCHITECTURE.md and code comments exist: a comment that says "see src/lib/x.ts" after
 * x.ts was renamed sends the next reader nowhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build.ts';

/**
 * A path of the project as prose writes it: `src/lib/site/url.ts`, `tests/fixtures/`, `src/pages/[...path].astro`.
 * Not one inside a longer path or address (`../shared/bench/x.mjs`, `https://…/src/…`).
 */
const PROJECT_PATH = /(?<![\w./-])(?:src|tests|bench)\/[\w.@[\]/-]*/g;

/** Comments of TypeScript, JavaScript, CSS and Astro files: `// …`, `/* … *\/`, `<!-- … -->`. */
const COMMENT = /\/\*[\s\S]*?\*\/|(?<![:\w])\/\/[^\n]*|<!--[\s\S]*?-->/g;

/** The paths a text names, without the punctuation of the sentence around them. */
function namedPaths(text: string): string[] {
  return [...text.matchAll(PROJECT_PATH)]
    .map((match) => match[0].replace(/[.,;:)\]]+$/, ''))
    .filter((path) => !/[*…<>{}]/.test(path) && !/^(src|tests|bench)\/?$/.test(path));
}

/** Files only: a build of bench/floor/ leaves a folder named `.astro` there. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|js|astro|css)$/.test(entry.name))
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)));
}

/** Folders the tests and scripts write (git ignores them), so a fresh clone has none of them yet. */
const WRITTEN_LATER = ['tests/.tmp/', 'bench/results/screenshots/'];

function missing(where: string, text: string): string[] {
  return namedPaths(text)
    .filter((path) => !WRITTEN_LATER.includes(path) && !existsSync(join(PROJECT_ROOT, path)))
    .map((path) => `${where}: ${path}`);
}

describe('paths named in the docs', () => {
  it('reads paths as prose writes them', () => {
    expect(
      namedPaths(
        'See src/lib/site/url.ts, `tests/fixtures/` and src/pages/[...path].astro. Not ../shared/bench/x.mjs or src/**/*.ts.',
      ),
    ).toEqual(['src/lib/site/url.ts', 'tests/fixtures/', 'src/pages/[...path].astro']);
    expect([...'// src/a.ts\nconst url = "https://x.org/src/b.ts"; /* tests/c.ts */'.matchAll(COMMENT)].map((m) => m[0])).toEqual(
      ['// src/a.ts', '/* tests/c.ts */'],
    );
  });

  it.each(['README.md', 'ARCHITECTURE.md'])('exist, in %s', (doc) => {
    expect(missing(doc, readFileSync(join(PROJECT_ROOT, doc), 'utf8'))).toEqual([]);
  });

  it('exist, in the comments of src/ and bench/', () => {
    const found = [...sourceFiles('src'), ...sourceFiles('bench')].flatMap((file) => {
      const comments = [...readFileSync(join(PROJECT_ROOT, file), 'utf8').matchAll(COMMENT)].map((match) => match[0]);
      return missing(file, comments.join('\n'));
    });
    expect(found).toEqual([]);
  });
});
