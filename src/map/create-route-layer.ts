import * as L from 'leaflet';
import { unwrapLongitudes } from '../model/route-geometry.ts';
import type { Route } from '../model/types.ts';

/** Line styles per travel mode: a railway is drawn as a cased, ticked line; a motorcade dashed. */
// A Map, not an object: a mode comes from the story file, and "constructor" must be just a name.
const STYLES = new Map<string, L.PolylineOptions[]>([
  [
    'train',
    [
      { color: '#2b2b2b', weight: 5, opacity: 0.9 },
      { color: '#ffffff', weight: 2, opacity: 1, dashArray: '6 6' },
    ],
  ],
  ['motorcade', [{ color: '#b3261e', weight: 3, opacity: 0.9, dashArray: '2 6', lineCap: 'round' }]],
]);
const DEFAULT_STYLE: L.PolylineOptions[] = [{ color: '#5b3fa0', weight: 3, opacity: 0.85 }];

/** Draws the story's routes, each in its mode's style, as one non-interactive layer. */
export function createRouteLayer(routes: readonly Route[]): L.LayerGroup {
  const group = L.layerGroup();
  for (const route of routes) {
    // Unwrapped, so that a route across the antimeridian does not cross the whole world.
    const latLngs = route.lines.map((line) => unwrapLongitudes(line).map(([lng, lat]) => L.latLng(lat, lng)));
    (STYLES.get(route.mode) ?? DEFAULT_STYLE).forEach((style, part) => {
      // Each part is named, so that a stylesheet can recolour it (a dark map's light railway).
      L.polyline(latLngs, { ...style, interactive: false, className: `sm-route sm-route--${cssSafe(route.mode)} sm-route-part-${part}` }).addTo(group);
    });
  }
  return group;
}

function cssSafe(mode: string): string {
  return mode.replace(/[^a-z0-9-]/gi, '-').toLowerCase();
}
