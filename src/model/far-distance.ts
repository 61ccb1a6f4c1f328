import type { LngLat } from './types.ts';

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres (the haversine formula on a sphere of the Earth's mean radius). */
export function distanceKm([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A distance as precise as a glance at a far place needs, in km: 87, 430, 6 500. Thousands are
 * set apart by a narrow space, as ISO 80000 does, which reads right in every language
 * (`Intl.NumberFormat` would cost the map's first view tens of milliseconds for a separator).
 */
export function formatKm(km: number): string {
  const unit = km < 100 ? 1 : km < 1000 ? 10 : 100;
  return `${String(Math.round(km / unit) * unit).replace(/\B(?=(\d{3})+$)/g, '\u202f')} km`;
}
