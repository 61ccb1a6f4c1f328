import * as L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import manifestJson from '../../data/basemap/manifest.json';
import { chooseBasemapLayer, type BasemapLayerInfo, type BasemapManifest, type Bounds } from '../model/basemap.ts';

// The basemap files are fetched when a view needs them, never bundled into the script.
const fileUrls = import.meta.glob('../../data/basemap/*.topo.json', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;
const manifest = manifestJson as BasemapManifest;

/**
 * Colours of the offline basemap where the stylesheet gives none. The stylesheet's (map.css, on
 * the basemap's pane, light or dark) win; the sea is the map's background colour.
 */
const BASEMAP_STYLE = {
  land: '#f3efe6',
  border: '#8c8177',
} as const;

/** A level of the basemap: its land and its borders, restyled when the colour scheme changes. */
type BasemapLayer = L.LayerGroup & { readonly land: L.GeoJSON; readonly borders: L.GeoJSON };

const ATTRIBUTION = 'Made with <a href="https://www.naturalearthdata.com/">Natural Earth</a>';

/** The bundled vector basemap: land and borders, as detailed as the view needs. */
export interface Basemap {
  destroy(): void;
}

/** Told when the basemap cannot be drawn (its file failed to load) and when it is drawn again. */
export interface BasemapStatus {
  onUnavailable(): void;
  onAvailable(): void;
}

/**
 * Draws the offline basemap under everything else (tiles included) and swaps its detail
 * level as the reader pans and zooms. It always draws, so a map without tiles still shows
 * coasts and borders.
 */
export function createBasemap(map: L.Map, status: BasemapStatus): Basemap {
  const pane = map.createPane('sm-basemap');
  pane.style.zIndex = '150'; // under Leaflet's tile pane (200)
  const renderer = L.canvas({ pane: 'sm-basemap', padding: 0.3 });
  const loaded = new Map<string, Promise<BasemapLayer | null>>();
  let shown: { id: string; layer: BasemapLayer } | null = null;
  // A canvas takes no CSS: its colours are read from the pane's style (map.css gives it the
  // palette's land as its colour, the borders' as its border colour).
  const paint = (layer: BasemapLayer): void => {
    const style = getComputedStyle(pane);
    layer.land.setStyle({ fillColor: style.color || BASEMAP_STYLE.land });
    layer.borders.setStyle({ color: style.borderTopColor || BASEMAP_STYLE.border });
  };
  const scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const repaint = (): void => {
    if (shown) paint(shown.layer);
  };
  scheme?.addEventListener('change', repaint);
  let wanted: string | null = null;
  let destroyed = false;
  map.attributionControl?.addAttribution(ATTRIBUTION);

  const load = (info: BasemapLayerInfo): Promise<BasemapLayer | null> => {
    let promise = loaded.get(info.id);
    if (!promise) {
      promise = fetchLayer(info, renderer).catch((error: unknown) => {
        console.error(`The basemap layer ${info.file} could not be loaded:`, error);
        loaded.delete(info.id); // try again on a later move
        return null;
      });
      loaded.set(info.id, promise);
    }
    return promise;
  };

  const update = (): void => {
    const info = chooseBasemapLayer(manifest.layers, viewBounds(map), map.getZoom());
    if (!info || info.id === wanted) return;
    wanted = info.id;
    void load(info).then((layer) => {
      // The reader may have moved on while this loaded: draw only what is still wanted,
      // and keep the previous layer until its replacement is ready (no blank flash).
      if (destroyed) return;
      // Without a layer to show, the map would be a plain blue field with no word of why.
      if (!layer && !shown) status.onUnavailable();
      if (!layer || wanted !== info.id || shown?.id === info.id) {
        // Asked for again on the reader's next move (a failed file is tried again then).
        if (!layer && wanted === info.id) wanted = null;
        return;
      }
      if (!shown) status.onAvailable();
      paint(layer);
      layer.addTo(map);
      shown?.layer.remove();
      shown = { id: info.id, layer };
      map.getContainer().dataset.basemap = info.id;
    });
  };

  map.on('moveend', update);
  map.whenReady(update);

  return {
    destroy() {
      destroyed = true;
      map.off('moveend', update);
      scheme?.removeEventListener('change', repaint);
      shown?.layer.remove();
      map.attributionControl?.removeAttribution(ATTRIBUTION);
    },
  };
}

async function fetchLayer(info: BasemapLayerInfo, renderer: L.Renderer): Promise<BasemapLayer> {
  const url = Object.entries(fileUrls).find(([path]) => path.endsWith(`/${info.file}`))?.[1];
  if (!url) throw new Error(`${info.file} is not in the build`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const topo = (await response.json()) as Topology<{ land: GeometryCollection; borders: GeometryCollection }>;
  const land = feature(topo, topo.objects.land) as Feature<Geometry> | FeatureCollection<Geometry>;
  const borders = feature(topo, topo.objects.borders) as Feature<Geometry> | FeatureCollection<Geometry>;
  // L.GeoJSON hands its options to the paths it creates; the typings omit `renderer`.
  const rendererOption = { renderer } as L.GeoJSONOptions;
  const landLayer = L.geoJSON(land, {
    ...rendererOption,
    interactive: false,
    style: { stroke: false, fill: true, fillColor: BASEMAP_STYLE.land, fillOpacity: 1 },
  });
  const borderLayer = L.geoJSON(borders, {
    ...rendererOption,
    interactive: false,
    style: { color: BASEMAP_STYLE.border, weight: 1, opacity: 0.9, dashArray: '4 3', fill: false },
  });
  return Object.assign(L.layerGroup([landLayer, borderLayer]), { land: landLayer, borders: borderLayer });
}

function viewBounds(map: L.Map): Bounds {
  const b = map.getBounds();
  // Mercator never shows the poles; clamp so that a world view still fits a world layer.
  return [b.getWest(), Math.max(b.getSouth(), -85), b.getEast(), Math.min(b.getNorth(), 85)];
}
