import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The default site is built once for the whole run; build and browser tests read it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Astro builds take seconds each on two cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
