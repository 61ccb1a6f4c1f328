/** [west, south, east, north] in degrees. */
export type Bounds = readonly [west: number, south: number, east: number, north: number];

/** One prepared layer of the bundled vector basemap. */
export interface BasemapLayerInfo {
  readonly id: string;
  /** File name in data/basemap/. */
  readonly file: string;
  /** The region the layer covers, or null for the whole world. */
  readonly bounds: Bounds | null;
  /** The layer is detailed enough from this zoom on; coarser layers serve below it. */
  readonly minZoom: number;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly source: string;
}

/** The list of basemap layers, written by scripts/build-basemap.ts. */
export interface BasemapManifest {
  readonly layers: readonly BasemapLayerInfo[];
}

/**
 * Picks the one layer to draw for a view: the most detailed layer usable at `zoom` whose
 * region contains the whole view, preferring the smallest region (the smallest file) among
 * equals. One layer at a time, so a coarse coast never shows through a fine one.
 */
export function chooseBasemapLayer(
  layers: readonly BasemapLayerInfo[],
  view: Bounds,
  zoom: number,
): BasemapLayerInfo | null {
  let best: BasemapLayerInfo | null = null;
  for (const layer of layers) {
    if (layer.minZoom > zoom) continue;
    if (layer.bounds && !contains(layer.bounds, view)) continue;
    if (!best || layer.minZoom > best.minZoom || (layer.minZoom === best.minZoom && area(layer.bounds) < area(best.bounds))) {
      best = layer;
    }
  }
  return best;
}

function contains(outer: Bounds, inner: Bounds): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function area(bounds: Bounds | null): number {
  return bounds ? (bounds[2] - bounds[0]) * (bounds[3] - bounds[1]) : Infinity;
}
