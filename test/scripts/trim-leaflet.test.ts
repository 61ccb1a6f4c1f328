import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { trimLeaflet } from '../../scripts/lib/trim-leaflet.ts';

const leafletPath = createRequire(import.meta.url).resolve('leaflet/dist/leaflet-src.esm.js');
const source = readFileSync(leafletPath, 'utf8');

function trim(code: string, id = leafletPath): string | null {
  const plugin = trimLeaflet();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
  return transform.call({}, code, id)?.code ?? null;
}

describe('trimLeaflet', () => {
  it('cuts popups, tooltips, overlays, the layers and scale controls and WMS, and nothing the map uses', () => {
    const trimmed = trim(source)!;
    for (const gone of ['var Popup = ', 'var Tooltip = ', 'var DivOverlay = ', 'var ImageOverlay = ', 'var Layers = ', 'var Scale = ', 'var TileLayerWMS = ']) {
      expect(trimmed, gone).not.toContain(gone);
    }
    for (const kept of ['var Marker = ', 'var DivIcon = ', 'var Polyline = ', 'var Polygon = ', 'var GeoJSON = ', 'var TileLayer = ', 'var Canvas = ', 'var Zoom = ', 'var Attribution = ', 'var ukrainianFlag = ']) {
      expect(trimmed, kept).toContain(kept);
    }
    const exported = /export \{([^}]*)\};/.exec(trimmed)![1]!.split(',').map((name) => name.trim());
    expect(exported).not.toContain('Popup');
    expect(exported).not.toContain('tooltip');
    expect(exported).toEqual(expect.arrayContaining(['Map', 'Marker', 'divIcon', 'geoJSON', 'tileLayer', 'control', 'toLatLng as latLng']));
    // A third lighter, before minifying.
    expect(trimmed.length).toBeLessThan(source.length * 0.9);
  });

  it('leaves every other module alone', () => {
    expect(trim('export const a = 1;', '/src/app/create-story-map.ts')).toBeNull();
  });

  it('fails the build, naming the part, when a Leaflet upgrade moved it', () => {
    expect(() => trim(source.replace('@class Control.Layers\r\n', '@class Control.Layerz\r\n'))).toThrow(/Control\.Layers/);
  });
});
