import { defineConfig } from 'vite';
import { trimLeaflet } from './scripts/lib/trim-leaflet.ts';

// dist/lib/story-map.js: the <story-map> element as an ES module. Built as an application with
// a script entry rather than in Vite's library mode, which would inline the story and basemap
// into the script as data URLs: here they stay files next to it, fetched at run time and
// resolved relative to the script (new URL(..., import.meta.url)).
export default defineConfig({
  base: './',
  plugins: [trimLeaflet()],
  // Leaflet's ES module build, so that the parts of Leaflet the map never uses are left out.
  resolve: { alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }] },
  // The story reader's worker is an ES module like the app (story-reader.worker.ts).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    emptyOutDir: true,
    outDir: 'dist/lib',
    assetsInlineLimit: 0,
    copyPublicDir: false,
    cssCodeSplit: false,
    rolldownOptions: {
      input: { 'story-map': 'src/embed/story-map-element.ts' },
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        codeSplitting: { groups: [{ name: 'leaflet', test: /[\\/]node_modules[\\/]leaflet[\\/]/ }] },
      },
    },
  },
});
