import { defineConfig, type Plugin } from 'vite';

/**
 * Starts fetching the default story with the HTML, instead of after the scripts have run:
 * the app's fetch (same URL, same credentials mode) picks up the preloaded response.
 */
function preloadDefaultStory(): Plugin {
  return {
    name: 'preload-default-story',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const story = Object.keys(context.bundle ?? {}).find((file) => /kim-putin-2019-[\w-]+\.geojson$/.test(file));
        if (!story) return [];
        return [{ tag: 'link', attrs: { rel: 'preload', href: `./${story}`, as: 'fetch', crossorigin: '' }, injectTo: 'head' }];
      },
    },
  };
}

// A relative base lets the built app run from any folder or CDN path.
export default defineConfig({
  base: './',
  plugins: [preloadDefaultStory()],
  build: {
    target: 'es2022',
    // Data and images stay files fetched when needed, never inlined into scripts.
    assetsInlineLimit: 0,
    // One stylesheet: a single render-blocking request instead of one per chunk.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Leaflet in a chunk of its own: cached across our releases, and measured apart
        // from our own code by the size budget.
        codeSplitting: {
          groups: [{ name: 'leaflet', test: /[\\/]node_modules[\\/]leaflet[\\/]/ }],
        },
      },
    },
  },
});
