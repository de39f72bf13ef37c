/**
 * Pages Astro generates at once (its `build.concurrency`). A note page waits on the disk for its
 * rendered body (src/loaders/rendered-bodies.ts) and Astro waits on it again to write the page and its
 * incremental-build copy; with a few pages in flight one page renders while another waits. Measured at
 * 5000 notes on 2 cores: page generation 35 s at 1, 23 s at 4, no better at 8 or 16. Generation order
 * does not show in the output: pages and the search index come out byte for byte as at 1
 * (tests/build/reproducible.test.ts, tests/build/incremental.test.ts). The bench floor uses the same.
 */
export const PAGES_GENERATED_AT_ONCE = 4;
