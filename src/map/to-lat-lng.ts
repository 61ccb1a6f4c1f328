import * as L from 'leaflet';
import type { LngLat } from '../model/types.ts';

/** The one place where GeoJSON's [lng, lat] becomes Leaflet's LatLng. */
export function toLatLng(lngLat: LngLat): L.LatLng {
  return L.latLng(lngLat[1], lngLat[0]);
}
