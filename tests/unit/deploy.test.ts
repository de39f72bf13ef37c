/**
 * The one-step deploys the README's "Deploy" section walks through: the GitHub Pages workflow is valid
 * YAML of the shape GitHub runs, and it and netlify.toml run exactly the README's install and build
 * commands and publish its output folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../helpers/build.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

/** The README's "Deploy" section, to the next `## `. */
function deploySection(): string {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Deploy\n');
  expect(start, 'the README has a "## Deploy" section').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** A setting of the README's table of deploy settings: `| Build command | \`npm run build\` |`. */
function setting(name: string): string {
  const row = new RegExp(`^\\|\\s*${name}\\s*\\|\\s*\`([^\`]+)\``, 'm').exec(deploySection());
  expect(row, `the README's deploy table has a "${name}" row`).not.toBeNull();
  return (row as RegExpExecArray)[1] as string;
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; needs?: string; steps: Step[]; environment?: { name: string } }>;
}

function workflow(): Workflow {
  const document = parseDocument(read('.github/workflows/deploy.yml'), { prettyErrors: true });
  expect(document.errors.map(String)).toEqual([]);
  expect(document.warnings.map(String)).toEqual([]);
  return document.toJS() as Workflow;
}

const action = (steps: Step[], name: string) => steps.find((step) => step.uses?.split('@')[0] === name);

describe('the GitHub Pages workflow', () => {
  it('is YAML of the shape GitHub Actions runs: a build job and a deploy job with the rights Pages needs', () => {
    const flow = workflow();
    expect(flow.on.push?.branches).toEqual(['main']);
    expect(flow.on).toHaveProperty('workflow_dispatch');
    expect(flow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(Object.keys(flow.jobs)).toEqual(['build', 'deploy']);
    for (const job of Object.values(flow.jobs)) {
      expect(job['runs-on']).toBe('ubuntu-latest');
      for (const step of job.steps) {
        // Each step does one thing: runs a command or uses a pinned action.
        expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      }
    }
    expect(flow.jobs.deploy?.needs).toBe('build');
    expect(flow.jobs.deploy?.environment?.name).toBe('github-pages');
    expect(action(flow.jobs.deploy?.steps ?? [], 'actions/deploy-pages')).toBeDefined();
  });

  it('installs on Node 24, keeps Astro’s cache, builds with the README’s command and uploads its output folder', () => {
    const steps = workflow().jobs.build?.steps ?? [];
    const names = steps.map((step) => step.uses?.split('@')[0] ?? step.run);
    const install = steps.find((step) => step.run?.startsWith(setting('Install command')));
    const build = steps.find((step) => step.run === setting('Build command'));
    expect(install, `a step runs ${setting('Install command')}`).toBeDefined();
    expect(build, `a step runs exactly ${setting('Build command')}`).toBeDefined();
    expect(names).toEqual([
      'actions/checkout',
      'actions/setup-node',
      install?.run,
      'actions/cache',
      build?.run,
      'actions/upload-pages-artifact',
    ]);
    expect(action(steps, 'actions/setup-node')?.with?.['node-version']).toBe(24);
    expect(action(steps, 'actions/cache')?.with?.path).toBe(setting('Kept between runs'));
    expect(action(steps, 'actions/upload-pages-artifact')?.with?.path).toBe(setting('Output directory'));
    expect(build?.env).toEqual({ GARDEN_SITE: '${{ vars.GARDEN_SITE }}' });
  });

  it('keeps the folder the build really caches in (Astro’s default cacheDir) and the one package.json builds with', () => {
    expect(setting('Kept between runs')).toBe('node_modules/.astro');
    expect(read('README.md')).toContain('`node_modules/.astro`, or\n`GARDEN_CACHE_DIR`');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    // Astro's build (src/cli/build.ts), with no cacheDir of its own.
    expect(scripts.build).toBe('ASTRO_TELEMETRY_DISABLED=1 node src/cli/build.ts');
    expect(setting('Build command')).toBe('npm run build');
  });
});

describe('netlify.toml', () => {
  it('builds with the README’s command, publishes its output folder, on Node 24', () => {
    const toml = read('netlify.toml');
    expect(toml).toMatch(new RegExp(`^\\s*command = "${setting('Build command')}"$`, 'm'));
    expect(toml).toMatch(new RegExp(`^\\s*publish = "${setting('Output directory')}"$`, 'm'));
    expect(toml).toMatch(/^\s*NODE_VERSION = "24"$/m);
  });
});

describe('the README’s Cloudflare Pages settings', () => {
  it('are the same build command and output folder', () => {
    const section = deploySection();
    const cloudflare = section.slice(section.indexOf('**Cloudflare Pages.**')).replace(/\s+/g, ' ');
    expect(cloudflare).toContain(`Build command \`${setting('Build command')}\``);
    expect(cloudflare).toContain(`Build output directory \`${setting('Output directory')}\``);
  });
});
