import * as L from 'leaflet';
import type { TileLayerOptions } from './tile-layer-options.ts';

/** What the tile layer tells the page about its health. */
export interface TileLayerEvents {
  /** Tiles failed; the layer has stopped requesting them. */
  onUnavailable(): void;
  /** Tiles answer again after a failure; the layer is back. */
  onAvailable(): void;
}

/** A tile layer that gives up quickly and quietly when its server cannot be reached. */
export interface ResilientTileLayer {
  destroy(): void;
}

/** Errors, with no tile loaded, after which tiles count as unavailable. */
const ERRORS_BEFORE_GIVING_UP = 3;
/** Time after the first request within which one tile must arrive. */
const FIRST_TILE_TIMEOUT_MS = 6000;
/** Waits between probes for the server's return: 30 s, doubling, at most 5 probes. */
const FIRST_PROBE_DELAY_MS = 30_000;
const MAX_PROBES = 5;

/**
 * Adds `options`' tiles to the map. When they fail (network error, HTTP error, blocked), the
 * layer is removed within seconds, so the browser stops asking for them and the vector
 * basemap carries the map; one probe tile is tried later, with exponential back-off.
 */
export function createTileLayer(map: L.Map, options: TileLayerOptions, events: TileLayerEvents): ResilientTileLayer {
  let layer: L.TileLayer | null = null;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let probes = 0;
  let destroyed = false;

  const later = (fn: () => void, ms: number): void => {
    timers.push(setTimeout(fn, ms));
  };

  const add = (): void => {
    let loadedTiles = 0;
    let errors = 0;
    let watching = false;
    const tiles = L.tileLayer(options.url, {
      attribution: options.attribution,
      maxZoom: options.maxZoom ?? 19,
      subdomains: options.subdomains ?? 'abc',
      crossOrigin: true,
    });
    tiles.on('tileload', () => {
      loadedTiles += 1;
    });
    tiles.on('tileerror', () => {
      errors += 1;
      if (loadedTiles === 0 && errors >= ERRORS_BEFORE_GIVING_UP) giveUp();
    });
    tiles.on('tileloadstart', () => {
      if (watching) return;
      watching = true;
      // A blocked or black-holed server may never answer at all.
      later(() => {
        if (layer === tiles && loadedTiles === 0) giveUp();
      }, FIRST_TILE_TIMEOUT_MS);
    });
    layer = tiles.addTo(map);
  };

  const giveUp = (): void => {
    if (!layer || destroyed) return;
    layer.remove(); // cancels the tiles still pending
    layer = null;
    events.onUnavailable();
    scheduleProbe();
  };

  const scheduleProbe = (): void => {
    if (probes >= MAX_PROBES) return;
    const delay = FIRST_PROBE_DELAY_MS * 2 ** probes;
    probes += 1;
    later(() => {
      if (destroyed) return;
      const probe = new Image();
      probe.onload = () => {
        if (destroyed || layer) return;
        add();
        events.onAvailable();
      };
      probe.onerror = scheduleProbe;
      probe.src = tileUrlAt(options, map);
    }, delay);
  };

  add();
  return {
    destroy() {
      destroyed = true;
      for (const timer of timers) clearTimeout(timer);
      timers = [];
      layer?.remove();
      layer = null;
    },
  };
}

/** The URL of the tile under the centre of the view, for a single probe request. */
function tileUrlAt(options: TileLayerOptions, map: L.Map): string {
  const z = Math.round(map.getZoom());
  const point = map.project(map.getCenter(), z).divideBy(256).floor();
  const n = 2 ** z;
  const subdomains = options.subdomains ?? 'abc';
  return L.Util.template(options.url, {
    z,
    x: ((point.x % n) + n) % n,
    y: Math.min(Math.max(point.y, 0), n - 1),
    s: subdomains[0] ?? '',
    r: '',
  });
}
