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

/** Colours of the offline basemap (the sea is the map's background colour, in map.css). */
const BASEMAP_STYLE = {
  land: '#f3efe6',
  border: '#8c8177',
} as const;

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
  const loaded = new Map<string, Promise<L.Layer | null>>();
  let shown: { id: string; layer: L.Layer } | null = null;
  let wanted: string | null = null;
  let destroyed = false;
  map.attributionControl?.addAttribution(ATTRIBUTION);

  const load = (info: BasemapLayerInfo): Promise<L.Layer | null> => {
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
      shown?.layer.remove();
      map.attributionControl?.removeAttribution(ATTRIBUTION);
    },
  };
}

async function fetchLayer(info: BasemapLayerInfo, renderer: L.Renderer): Promise<L.Layer> {
  const url = Object.entries(fileUrls).find(([path]) => path.endsWith(`/${info.file}`))?.[1];
  if (!url) throw new Error(`${info.file} is not in the build`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const topo = (await response.json()) as Topology<{ land: GeometryCollection; borders: GeometryCollection }>;
  const land = feature(topo, topo.objects.land) as Feature<Geometry> | FeatureCollection<Geometry>;
  const borders = feature(topo, topo.objects.borders) as Feature<Geometry> | FeatureCollection<Geometry>;
  // L.GeoJSON hands its options to the paths it creates; the typings omit `renderer`.
  const rendererOption = { renderer } as L.GeoJSONOptions;
  return L.layerGroup([
    L.geoJSON(land, {
      ...rendererOption,
      interactive: false,
      style: { stroke: false, fill: true, fillColor: BASEMAP_STYLE.land, fillOpacity: 1 },
    }),
    L.geoJSON(borders, {
      ...rendererOption,
      interactive: false,
      style: { color: BASEMAP_STYLE.border, weight: 1, opacity: 0.9, dashArray: '4 3', fill: false },
    }),
  ]);
}

function viewBounds(map: L.Map): Bounds {
  const b = map.getBounds();
  // Mercator never shows the poles; clamp so that a world view still fits a world layer.
  return [b.getWest(), Math.max(b.getSouth(), -85), b.getEast(), Math.min(b.getNorth(), 85)];
}
