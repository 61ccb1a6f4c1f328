import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/**/*.dom.test.ts'],
          environment: 'node',
        },
      },
      {
        // The fast layer for src/ui, src/app and src/embed: their DOM in Node (happy-dom), no
        // build and no browser; layout, Leaflet and real events stay with the e2e tests.
        test: {
          name: 'dom',
          include: ['test/**/*.dom.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One Chromium per file is plenty on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
