/**
 * Builds a vault as an author would, with `npm run build`'s command (src/cli/build.ts: `astro build`,
 * then the search index in a process of its own) or `astro build` alone, into its own output and
 * cache folders under tests/.tmp, so fixture builds never touch `dist/` or each other.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const TMP = join(PROJECT_ROOT, 'tests/.tmp');
export const DEFAULT_SITE = join(TMP, 'site-default');
/** The vault of Obsidian syntax as authors write it (tests/fixtures/vault-obsidian), built once per run. */
export const OBSIDIAN_SITE = join(TMP, 'site-obsidian');
export const OBSIDIAN_VAULT = 'tests/fixtures/vault-obsidian';
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD = join(PROJECT_ROOT, 'src/cli/build.ts');

/**
 * The environment for an Astro child process: ours, less what Vitest sets (NODE_ENV=test, VITEST…,
 * and its import.meta.env mirror MODE, DEV, PROD, SSR, BASE_URL), which makes Astro's dev server
 * serve no pages.
 */
const VITEST_KEYS = new Set(['TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'FORCE_TTY']);

export function astroEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || VITEST_KEYS.has(key)) delete env[key];
  return env;
}

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  env?: Record<string, string>;
  /** `astro build` alone, search index included, in one process; `npm run build`'s two otherwise. */
  astroOnly?: boolean;
}

export function buildVault(options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(PROJECT_ROOT, options.outDir);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, options.astroOnly ? [ASTRO, 'build'] : [BUILD], {
      cwd: PROJECT_ROOT,
      env: astroEnv({
        GARDEN_CONTENT_DIR: options.contentDir,
        GARDEN_OUT_DIR: outDir,
        GARDEN_CACHE_DIR: `${outDir}.cache`,
        ...options.env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output, outDir }));
  });
}

/** Keeps a build's exit code and log beside its output, for tests that read a build made once per run. */
export function recordBuild(result: BuildResult): void {
  writeFileSync(`${result.outDir}.build.json`, JSON.stringify(result));
}

/** A build made by the global setup (tests/helpers/global-setup.ts), with its exit code and log. */
export function recordedBuild(outDir: string): BuildResult {
  return JSON.parse(readFileSync(`${outDir}.build.json`, 'utf8')) as BuildResult;
}

/** Every file below a folder, as POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** A hash of every file's path and bytes: equal hashes mean byte-identical folders. */
export function hashTree(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

export function readPage(dir: string, url: string): string {
  return readFileSync(join(dir, decodeURIComponent(url), 'index.html'), 'utf8');
}
