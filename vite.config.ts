import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { defineConfig, type Plugin } from 'vite';
import { formatProblem } from './src/model/format-problem.ts';
import { parseStory } from './src/model/parse-story.ts';
import type { Story } from './src/model/types.ts';
import { oembedResponse } from './scripts/lib/oembed.ts';
import { renderStaticMap } from './scripts/lib/render-static-map.ts';
import { escapeHtml } from './src/model/escape-html.ts';
import { trimLeaflet } from './scripts/lib/trim-leaflet.ts';

/**
 * Where the built site is deployed, for the absolute URLs of its oEmbed answer: set
 * STORY_MAP_SITE_URL when building for a real site. The default is where `npm run preview`
 * serves the build.
 */
const SITE_URL = (process.env.STORY_MAP_SITE_URL ?? 'http://localhost:4173/').replace(/\/?$/, '/');

/** The still image of the bundled story's overview, in the build (scripts/lib/render-static-map.ts). */
const STATIC_IMAGE = { svg: 'static/kim-putin-2019.svg', png: 'static/kim-putin-2019.png', width: 1200, height: 840 } as const;

/**
 * The fallbacks of a page without scripts, written at build time for the bundled story:
 * - a still image of its overview (SVG, and a PNG for feeds, Apple News and oEmbed thumbnails),
 *   drawn with d3-geo from the same data the app draws, and rendered with resvg;
 * - a <noscript> in embed.html with the image, the headline and a link to the full story;
 * - oembed.json: what an oEmbed provider answers for the bundled story, with absolute URLs
 *   (scripts/lib/oembed.ts, which a site's oEmbed endpoint can use per request);
 * - stories/kim-putin-2019.geojson: the story file itself, for the <story-map> element's src.
 */
function staticFallbacks(): Plugin {
  let story: Story | null = null;
  const load = (): Story => {
    if (story) return story;
    const result = parseStory(readFileSync(new URL('./data/kim-putin-2019.geojson', import.meta.url), 'utf8'));
    if (!result.ok) throw new Error(`data/kim-putin-2019.geojson: ${result.problems.map(formatProblem).join('; ')}`);
    story = result.story;
    return story;
  };
  return {
    name: 'static-fallbacks',
    apply: 'build',
    generateBundle(_options, bundle) {
      // Once, with the full page: the embed's and the example's builds write into the same dist/.
      const fullPage = Object.values(bundle).some((file) => file.type === 'chunk' && /[\\/]index\.html$/.test(file.facadeModuleId ?? ''));
      if (!fullPage) return;
      const { meta } = load();
      const svg = renderStaticMap(load(), new URL('./data/basemap/', import.meta.url), { width: 800, height: 560 });
      const png = new Resvg(svg, {
        fitTo: { mode: 'width', value: STATIC_IMAGE.width },
        font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      })
        .render()
        .asPng();
      this.emitFile({ type: 'asset', fileName: STATIC_IMAGE.svg, source: svg });
      this.emitFile({ type: 'asset', fileName: STATIC_IMAGE.png, source: png });
      const oembed = oembedResponse({
        siteUrl: SITE_URL,
        title: meta.title,
        author: meta.byline,
        provider: meta.publisher,
        story: null,
        step: null,
        thumbnail: { path: STATIC_IMAGE.png, width: STATIC_IMAGE.width, height: STATIC_IMAGE.height },
      });
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: `${JSON.stringify(oembed, null, 2)}\n` });
      // The story as a file of its own too, for <story-map src=…> (the library carries no story)
      // and for anyone who wants the data.
      this.emitFile({ type: 'asset', fileName: 'stories/kim-putin-2019.geojson', source: readFileSync(new URL('./data/kim-putin-2019.geojson', import.meta.url), 'utf8') });
    },
    transformIndexHtml(html, context) {
      if (context.path !== '/embed.html') return html;
      const { meta } = load();
      const title = escapeHtml(meta.title);
      const fallback =
        '<noscript><figure style="margin:0;font:16px/1.4 system-ui,sans-serif">' +
        `<a href="./index.html" target="_blank" rel="noopener"><img src="./${STATIC_IMAGE.png}" width="${STATIC_IMAGE.width}" height="${STATIC_IMAGE.height}" style="display:block;width:100%;height:auto" alt="${escapeHtml(`Map of the story: ${meta.title}. The places it visits, and the route of the journey.`)}"></a>` +
        `<figcaption style="padding:8px 16px"><strong>${title}</strong><br>${escapeHtml(meta.publisher)} · ` +
        '<a href="./index.html" target="_blank" rel="noopener">Open the full story ↗</a> (it needs JavaScript)</figcaption></figure></noscript>';
      return html.replace('<main id="app"></main>', `<main id="app">${fallback}</main>`);
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

/**
 * The stylesheet in the page itself rather than a file: one round trip less before the first
 * paint (Lighthouse counted the 5 KB file as render-blocking). Pages need `style-src
 * 'unsafe-inline'` for Leaflet anyway (docs/hosting.md). Each page's HTML carries it, so it is
 * not cached apart from the page: at 5 KB, a round trip costs more than that on a phone.
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\.\/(assets\/[^"]+\.css)">/, (tag, file: string) => {
          const asset = context.bundle?.[file];
          if (!asset || asset.type !== 'asset') return tag;
          // The file stays in the build for anything that links it; the pages no longer do.
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
  };
}

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
  plugins: [trimLeaflet(), trustedTypesPolicy(), preloadDefaultStory(), staticFallbacks(), inlineStylesheet()],
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
