import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * Starts fetching the default story with the HTML, instead of after the scripts have run:
 * the app's fetch (same URL, same credentials mode) picks up the preloaded response.
 */
/**
 * Writes oembed.json next to the page: what an oEmbed provider answers for the default story
 * (docs/embedding.md), so that a CMS that discovers oEmbed can embed it. The HTML's URLs are
 * relative to where the site is deployed, filled in by the CMS-facing provider.
 */
function oembedFile(): Plugin {
  return {
    name: 'oembed-file',
    apply: 'build',
    generateBundle() {
      const story = JSON.parse(readFileSync(new URL('./data/kim-putin-2019.geojson', import.meta.url), 'utf8')) as {
        story: { title: string; publisher: string; byline?: string };
      };
      const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      const oembed = {
        version: '1.0',
        type: 'rich',
        title: story.story.title,
        author_name: story.story.byline ?? story.story.publisher,
        provider_name: story.story.publisher,
        width: 720,
        height: 900,
        html: `<iframe data-story-map title="Story map: ${escape(story.story.title)}" src="embed.html" style="width:100%;aspect-ratio:4/5;min-height:1380px;border:0" loading="lazy"></iframe><script src="embed.js" async></script>`,
      };
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: `${JSON.stringify(oembed, null, 2)}\n` });
    },
  };
}

/**
 * With VITE_TRUSTED_TYPES=on, loads public/trusted-types.js first in every page: the default
 * policy a site needs to serve the app with `require-trusted-types-for 'script'` (docs/hosting.md).
 * Off by default: a render-blocking script that only such sites need.
 */
function trustedTypesPolicy(): Plugin {
  return {
    name: 'trusted-types-policy',
    apply: 'build',
    transformIndexHtml() {
      if (process.env.VITE_TRUSTED_TYPES !== 'on') return [];
      return [{ tag: 'script', attrs: { src: './trusted-types.js' }, injectTo: 'head-prepend' }];
    },
  };
}

function preloadDefaultStory(): Plugin {
  return {
    name: 'preload-default-story',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        // Only the pages at the site's root, which load the default story from ./assets/.
        if (!['/index.html', '/embed.html'].includes(context.path)) return [];
        const story = Object.keys(context.bundle ?? {}).find((file) => /kim-putin-2019\.story-[\w-]+\.json$/.test(file));
        if (!story) return [];
        return [{ tag: 'link', attrs: { rel: 'preload', href: `./${story}`, as: 'fetch', crossorigin: '' }, injectTo: 'head' }];
      },
    },
  };
}

// A relative base lets the built app run from any folder or CDN path.
export default defineConfig({
  base: './',
  // Leaflet's ES module build, so that the parts of Leaflet the map never uses are left out.
  resolve: { alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }] },
  plugins: [trustedTypesPolicy(), preloadDefaultStory(), oembedFile()],
  // The story reader's worker is an ES module like the app (story-reader.worker.ts).
  worker: { format: 'es' },
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
