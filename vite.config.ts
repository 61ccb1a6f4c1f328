import { defineConfig } from 'vite';

// A relative base lets the built app run from any folder or CDN path.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
  },
});
