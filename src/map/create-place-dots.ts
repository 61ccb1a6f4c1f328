import * as L from 'leaflet';
import type { Place, Waypoint } from '../model/types.ts';
import { createPlaceMarker } from './create-place-markers.ts';
import type { PlaceLayer, SelectPlace } from './place-layer.ts';
import { toLatLng } from './to-lat-lng.ts';

/**
 * Draws thousands of places as dots on one canvas, which pans and zooms smoothly where as
 * many DOM markers would not. Only the current place gets a full, labelled marker. The
 * dots are for the mouse and touch; the list of places is the keyboard path.
 */
export function createPlaceDots(
  map: L.Map,
  places: readonly Place[],
  waypoints: readonly Waypoint[],
  select: SelectPlace,
): PlaceLayer {
  const renderer = L.canvas({ padding: 0.2, tolerance: 4 });
  const dots = L.layerGroup();
  for (const place of places) {
    L.circleMarker(toLatLng(place.lngLat), {
      renderer,
      radius: 5,
      weight: 1.5,
      color: '#ffffff',
      fillColor: '#b3261e',
      fillOpacity: 1,
    })
      .on('click', () => select(place.id))
      .addTo(dots);
  }
  for (const waypoint of waypoints) {
    L.circleMarker(toLatLng(waypoint.lngLat), { renderer, radius: 3, weight: 1.5, color: '#333333', fillColor: '#ffffff', fillOpacity: 1, interactive: false }).addTo(dots);
  }
  dots.addTo(map);
  let active: L.Marker | null = null;

  return {
    setActive(id) {
      active?.remove();
      active = null;
      const place = id === null ? undefined : places.find((p) => p.id === id);
      if (!place) return;
      active = createPlaceMarker(map, place, select).setZIndexOffset(1_000_000).addTo(map);
      const element = active.getElement();
      element?.classList.add('is-active');
      element?.setAttribute('aria-current', 'location');
    },
    destroy() {
      active?.remove();
      dots.remove();
    },
  };
}
