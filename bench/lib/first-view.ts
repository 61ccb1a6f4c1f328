import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** What kind of file a first-view request fetched, for the weight table and the budgets. */
export type AssetKind = 'html' | 'leaflet-js' | 'app-js' | 'css' | 'story' | 'basemap' | 'image' | 'other';

/** One file the first view loaded, with its gzip size (level 9, as `gzip -9`). */
export interface LoadedAsset {
  readonly url: string;
  readonly kind: AssetKind;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export function classify(url: string, contentType: string): AssetKind {
  const path = new URL(url).pathname;
  if (path.endsWith('.html') || path.endsWith('/') || contentType.includes('text/html')) return 'html';
  if (/\/leaflet-[\w-]+\.js$/.test(path)) return 'leaflet-js';
  if (path.endsWith('.js')) return 'app-js';
  if (path.endsWith('.css')) return 'css';
  if (/\.story(?:-[\w-]+)?\.json$/.test(path)) return 'story';
  if (path.endsWith('.topo.json') || /\.topo-[\w-]+\.json$/.test(path)) return 'basemap';
  if (path.endsWith('.geojson')) return 'story';
  if (/\.(png|svg|jpe?g|webp|gif)$/.test(path)) return 'image';
  return 'other';
}

/**
 * Records every same-origin response a page loads from `goto` until `ready` resolves and the
 * network is idle, and returns each with its gzip size. Tiles (other origins) are left out:
 * they are blocked here and excluded from the budget.
 */
export async function recordFirstView(page: Page, url: string, ready: (page: Page) => Promise<unknown>): Promise<LoadedAsset[]> {
  const origin = new URL(url).origin;
  const pending: Promise<LoadedAsset | null>[] = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(origin) || response.status() !== 200) return;
    pending.push(
      response
        .body()
        .then((body) => ({
          url: response.url(),
          kind: classify(response.url(), response.headers()['content-type'] ?? ''),
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
        }))
        .catch(() => null),
    );
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  return (await Promise.all(pending)).filter((asset): asset is LoadedAsset => asset !== null);
}

/** Gzip bytes per kind, and in total. */
export function sumByKind(assets: readonly LoadedAsset[]): Record<AssetKind | 'total', number> {
  const sums = { html: 0, 'leaflet-js': 0, 'app-js': 0, css: 0, story: 0, basemap: 0, image: 0, other: 0, total: 0 };
  for (const asset of assets) {
    sums[asset.kind] += asset.gzipBytes;
    sums.total += asset.gzipBytes;
  }
  return sums;
}

/** The story map's first view is ready when passages can be opened and the basemap is drawn. */
export async function storyMapReady(page: Page): Promise<void> {
  await page.locator('.sm-step').waitFor();
  await page.waitForFunction(() => document.querySelector('.sm-map')?.getAttribute('data-basemap'));
}
