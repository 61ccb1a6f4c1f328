import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Both cores of these machines (Vitest would keep one free).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/**/*.dom.test.ts'],
          environment: 'node',
          // One module graph per worker rather than per file: the files share no state (none
          // changes a global for good), and a fresh graph for each file was half the run's time.
          isolate: false,
        },
      },
      {
        // The fast layer for src/ui, src/app and src/embed: their DOM in Node (happy-dom), no
        // build and no browser; layout, Leaflet and real events stay with the e2e tests.
        test: {
          name: 'dom',
          include: ['test/**/*.dom.test.ts'],
          environment: 'happy-dom',
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two files at a time, each with its Chromium: one alone leaves a quarter of the two
          // cores idle (waiting on frames, the network stack, the test's own round trips).
          // Playwright and the support code are imported once per worker, not once per file.
          fileParallelism: true,
          isolate: false,
        },
      },
    ],
  },
});
