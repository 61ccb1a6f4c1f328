import * as L from 'leaflet';
import { toLngLat } from '../model/import/build-story.ts';
import type { LngLat } from '../model/types.ts';

/** The one place where GeoJSON's [lng, lat] becomes Leaflet's LatLng, and back. */
export function toLatLng(lngLat: LngLat): L.LatLng {
  return L.latLng(lngLat[1], lngLat[0]);
}

/** And back: a point of the map (wrapped into -180..180) as [lng, lat], to the story format's 6 decimals. */
export function fromLatLng(latLng: L.LatLng): LngLat {
  const { lat, lng } = latLng.wrap();
  return toLngLat(lng, lat) ?? [lng, lat];
}
