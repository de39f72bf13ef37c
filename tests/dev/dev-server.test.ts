/**
 * `npm run dev` while writing: an edited note shows on the next request, and a broken note is a
 * logged problem, not a dead server. Runs on a copy of a fixture vault, never on content/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT, TMP, astroEnv } from '../helpers/build.ts';

const VAULT = join(TMP, 'dev-vault');
const CACHE = join(TMP, 'dev-vault.cache');
const TERM = join(VAULT, 'World History/Cold War/Glossary/KGB.md');
const TERM_URL = '/world-history/cold-war/glossary/kgb/';
let server: ChildProcess;
let output = '';
let origin = '';

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}. Server output:\n${output}`);
}

const page = async (path: string) => {
  const response = await fetch(`${origin}${path}`);
  return response.ok ? response.text() : undefined;
};

beforeAll(async () => {
  // The dev project has no global setup to empty tests/.tmp: start from a fresh copy and no cache.
  for (const dir of [VAULT, CACHE]) rmSync(dir, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/vault-good'), VAULT, { recursive: true });
  server = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: astroEnv({
        ASTRO_DEV_BACKGROUND: '0',
        GARDEN_URL_LOCK: '',
        GARDEN_CONTENT_DIR: VAULT,
        GARDEN_CACHE_DIR: CACHE,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  origin = await until('the dev server to start', async () => /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1], 60);
  await until('the first page', () => page(TERM_URL), 60);
});

afterAll(() => {
  server?.kill('SIGTERM');
});

it('shows an edited definition and body on the next request', async () => {
  const original = readFileSync(TERM, 'utf8');
  writeFileSync(
    TERM,
    original
      .replace('definition: The Soviet', 'definition: EDITEDDEFINITION The Soviet')
      .replace('Term body text.', 'EDITEDBODY text.'),
  );
  const html = await until('the edit to show', async () => {
    const text = await page(TERM_URL);
    return text?.includes('EDITEDDEFINITION') && text.includes('EDITEDBODY') ? text : undefined;
  });
  expect(html).toMatch(/<dfn[^>]*>KGB<\/dfn>: EDITEDDEFINITION/);
});

it('logs a broken note with its file and line, keeps serving, and recovers when it is mended', async () => {
  const original = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/vault-good/World History/Cold War/Glossary/KGB.md'), 'utf8');
  writeFileSync(TERM, original.replace('dg-publish: true', 'dg-publish: "true"'));
  await until('the problem to be logged', async () =>
    output.includes('KGB.md:2: dg-publish must be the boolean') ? true : undefined,
  );
  expect(await page(TERM_URL)).toBeDefined();
  writeFileSync(TERM, original.replace('Term body text.', 'MENDEDBODY text.'));
  await until('the mended note to show', async () => ((await page(TERM_URL))?.includes('MENDEDBODY') ? true : undefined));
});
