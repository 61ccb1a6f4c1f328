import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built in the same run as the app (npm run bench), with the same bundler and settings.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../.tmp/baseline', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
});
