import { defineConfig } from 'vite';

// A relative base lets the built app run from any folder or CDN path.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    // Data and images stay files fetched when needed, never inlined into scripts.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Leaflet in a chunk of its own: cached across our releases, and measured apart
        // from our own code by the size budget.
        advancedChunks: {
          groups: [{ name: 'leaflet', test: /[\\/]node_modules[\\/]leaflet[\\/]/ }],
        },
      },
    },
  },
});
