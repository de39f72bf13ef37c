/**
 * `npm run dev -- --port N` and `npm start -- --port N` serve on port N (4321 when none is given):
 * the scripts themselves, through npm, as an author types them. Each runs on its own copy of a
 * fixture vault, never on content/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PROJECT_ROOT, TMP, astroEnv } from '../helpers/build.ts';

let running: ChildProcess | undefined;
let output = '';

/** A loopback port that nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Runs `npm run <script> -- <args>` in its own process group, so the whole tree can be stopped. */
function npmRun(script: string, args: string[], name: string): void {
  const vault = join(TMP, `${name}-vault`);
  for (const dir of [vault, join(TMP, `${name}-site`), join(TMP, `${name}-site.cache`)])
    rmSync(dir, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/vault-good'), vault, { recursive: true });
  output = '';
  running = spawn('npm', ['run', script, '--', ...args], {
    cwd: PROJECT_ROOT,
    detached: true,
    env: astroEnv({
      GARDEN_URL_LOCK: '',
      GARDEN_CONTENT_DIR: vault,
      GARDEN_OUT_DIR: join(TMP, `${name}-site`),
      GARDEN_CACHE_DIR: join(TMP, `${name}-site.cache`),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
}

/** The home page's status on the port, once something answers there (or the script has ended). */
async function statusOn(port: number, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline && running?.exitCode === null) {
    const status = await fetch(`http://127.0.0.1:${port}/`).then(
      (response) => response.status,
      () => undefined,
    );
    if (status !== undefined) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Nothing answered on port ${port}. Output:\n${output}`);
}

afterEach(() => {
  if (running?.pid && running.exitCode === null) process.kill(-running.pid, 'SIGTERM');
  running = undefined;
});

it('npm run dev -- --port N serves on port N', async () => {
  const port = await freePort();
  npmRun('dev', ['--port', String(port), '--host', '127.0.0.1'], 'port-dev');
  expect(await statusOn(port, 60)).toBe(200);
  expect(output).toContain(`http://127.0.0.1:${port}/`);
  expect(output).not.toContain(':4321');
});

it('npm start -- --port N builds the site and serves it on port N', async () => {
  const port = await freePort();
  npmRun('start', ['--port', String(port), '--host', '127.0.0.1'], 'port-start');
  expect(await statusOn(port, 150)).toBe(200);
  expect(output).toContain(`http://127.0.0.1:${port}/`);
  expect(output).not.toContain(':4321');
}, 180_000);
