import { defineConfig } from 'vite';

// The host page's script, in two forms from one source: dist/embed.js (a classic script that
// defines window.StoryMapEmbed) and dist/embed.mjs (an ES module). No dependencies.
export default defineConfig({
  build: {
    target: 'es2019',
    emptyOutDir: false,
    outDir: 'dist',
    lib: {
      entry: 'src/embed/host.ts',
      name: 'StoryMapEmbed',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'es' ? 'embed.mjs' : 'embed.js'),
    },
  },
});
