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
  it('locks every URL it serves, but the embeds', () => {
    const served = listFiles(DEFAULT_SITE)
      // Embeds follow their notes (a section's URL moves with its heading): served, never locked.
      .filter((file) => file.endsWith('/index.html') && !file.startsWith('embed/'))
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
    // The vault has no tags, and /tags/ is built all the same: a course page may link to it.
    expect(written.published).toContain('/tags/');
    expect(written.published).toEqual([...written.published].sort());
    expect(run()).toContain('already lists every URL');
  });
});

describe('a vault brought to a site whose lock is another vault’s', () => {
  it('fails with one message that says how to start the vault’s own lock', async () => {
    const build = await buildVault({
      contentDir: 'tests/fixtures/vault-links',
      outDir: join(TMP, 'lock-foreign'),
      env: { GARDEN_URL_LOCK: 'url-lock.json' },
    });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('The vault has 1 problem:');
    expect(build.output).toMatch(/url-lock\.json: url-lock\.json locks \d+ URL\(s\) of another vault and none of this vault's/);
    expect(build.output).toContain('npm run urls -- --reset');
    expect(build.output).not.toContain('is locked in');
  });

  it('npm run urls -- --reset starts a new lock with the vault’s URLs only', async () => {
    const { execFileSync } = await import('node:child_process');
    const lockPath = lockFile('reset.json', lock);
    const output = execFileSync(process.execPath, ['src/cli/lock-urls.ts', '--reset'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, GARDEN_CONTENT_DIR: 'tests/fixtures/vault-links', GARDEN_URL_LOCK: lockPath },
      encoding: 'utf8',
    });
    const written = JSON.parse(readFileSync(join(PROJECT_ROOT, lockPath), 'utf8')) as { published: string[] };
    expect(output).toContain(`Started a new ${lockPath} with the ${written.published.length} URL(s) this vault serves.`);
    expect(written.published).toContain('/notes/alpha/');
    expect(written.published.some((url) => url.startsWith('/network-school/'))).toBe(false);
  });
});
