/** A published URL is a promise: the URL lock fails a build that drops one, and serves retired ones. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, PROJECT_ROOT, TMP, buildVault, listFiles, readPage } from '../helpers/build.ts';
import { parsePage, textOf } from '../helpers/html.ts';

const COURSE =
  '/network-school/lectures-quizzes-and-references/briefs-timelines-and-study-guides/russian-history/russian-history-iii/russian-history-iii/';
const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'url-lock.json'), 'utf8')) as { published: string[]; retired: unknown[] };

function lockFile(name: string, content: object): string {
  mkdirSync(join(TMP, 'locks'), { recursive: true });
  writeFileSync(join(TMP, 'locks', name), JSON.stringify(content));
  return `tests/.tmp/locks/${name}`;
}

describe('the default site', () => {
  it('locks every URL it serves', () => {
    const served = listFiles(DEFAULT_SITE)
      .filter((file) => file.endsWith('/index.html'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`);
    for (const url of served) expect(lock.published, url).toContain(url);
  });
});

describe('a build that would drop a locked URL', () => {
  it('fails, naming the URL and both ways to fix it', async () => {
    const removed = '/network-school/old-course/khrushchev-brief/';
    const build = await buildVault({
      contentDir: 'content',
      outDir: join(TMP, 'lock-missing'),
      env: { GARDEN_URL_LOCK: lockFile('missing.json', { published: [...lock.published, removed] }) },
    });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain(`${removed} is locked in tests/.tmp/locks/missing.json but no note serves it any more`);
    expect(build.output).toContain(`add "${removed}" to that note's aliases`);
    expect(build.output).toContain('move it to "retired"');
  });
});

describe('a retired URL', () => {
  it('serves a page that says so and links to its course', async () => {
    const retired = '/network-school/old-course/retired-note/';
    const build = await buildVault({
      contentDir: 'content',
      outDir: join(TMP, 'lock-retired'),
      env: {
        GARDEN_URL_LOCK: lockFile('retired.json', {
          published: [...lock.published, retired],
          retired: [{ url: retired, course: COURSE }],
        }),
      },
    });
    expect(build.code, build.output).toBe(0);
    const page = parsePage(readPage(build.outDir, retired));
    expect(textOf(page.querySelector('h1'))).toBe('This note was retired');
    expect(page.querySelector('main a')?.getAttribute('href')).toBe(COURSE);
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });
});

describe('npm run urls', () => {
  it('locks every page and old URL the vault serves, and is idempotent', async () => {
    const { execFileSync } = await import('node:child_process');
    const lockPath = 'tests/.tmp/locks/from-command.json';
    const run = () =>
      execFileSync(process.execPath, ['src/cli/lock-urls.ts'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, GARDEN_CONTENT_DIR: 'tests/fixtures/vault-links', GARDEN_URL_LOCK: lockPath },
        encoding: 'utf8',
      });
    mkdirSync(join(TMP, 'locks'), { recursive: true });
    const firstRun = run();
    const written = JSON.parse(readFileSync(join(PROJECT_ROOT, lockPath), 'utf8')) as { published: string[] };
    expect(firstRun).toContain(`Locked ${written.published.length} new URL(s)`);
    expect(written.published).toContain('/notes/alpha/');
    expect(written.published).toContain('/old/gamma/');
    expect(written.published).toEqual([...written.published].sort());
    expect(run()).toContain('already lists every URL');
  });
});
