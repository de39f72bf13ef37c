import { defineConfig } from 'vitest/config';

/** Builds the default site and the Obsidian fixture once per run, for the projects that read them. */
const SITES = ['tests/helpers/global-setup.ts'];

/**
 * One project per kind of test, all in one run for `npm test`; `--project <name>` runs one
 * (`npm run test:unit` and the others). Only `build` and `browser` read the sites the global setup
 * builds, so only they pay for it; `unit` and `dev` start at once.
 */
export default defineConfig({
  test: {
    // Astro builds take seconds each on two cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: SITES } },
      { test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: SITES } },
      { test: { name: 'dev', include: ['tests/dev/**/*.test.ts'] } },
    ],
  },
});
