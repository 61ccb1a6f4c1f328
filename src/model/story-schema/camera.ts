import { DEFAULT_PLACE_ZOOM, type Camera, type LngLat } from '../types.ts';
import { describe, isRecord, zoom } from './fields.ts';
import type { Report } from './problems.ts';

/**
 * A step's camera: `{ "zoom": 10 }` (around the place), `{ "center": [lng, lat], "zoom": 10 }`,
 * or `{ "fit": ["vladivostok", "russky-island"], "maxZoom": 11 }` (ids of places or waypoints;
 * a place's own position is always included). `known` are the ids a file declares, valid or
 * not: one that names a broken feature is that feature's problem, not the camera's too.
 */
export function readCamera(
  value: unknown,
  own: LngLat | null,
  positions: ReadonlyMap<string, LngLat>,
  known: ReadonlySet<string>,
  report: Report,
): Camera | undefined {
  if (!isRecord(value)) {
    report('', `"camera" must be an object such as { "zoom": 10 } or { "fit": ["id", ...] }, not ${describe(value)}.`);
    return undefined;
  }
  if (value.fit !== undefined) {
    if (!Array.isArray(value.fit) || value.fit.length === 0) {
      report('.fit', `"fit" must be a non-empty list of place or waypoint ids, not ${describe(value.fit)}.`);
      return undefined;
    }
    const fit: LngLat[] = own ? [own] : [];
    let ok = true;
    value.fit.forEach((id: unknown, i) => {
      const position = typeof id === 'string' ? positions.get(id) : undefined;
      if (position) fit.push(position);
      else {
        if (typeof id !== 'string' || !known.has(id)) report(`.fit[${i}]`, `${typeof id === 'string' ? `"${id}"` : describe(id)} names no place or waypoint of this story.`);
        ok = false;
      }
    });
    const maxZoom = zoom(value.maxZoom === undefined ? DEFAULT_PLACE_ZOOM + 3 : value.maxZoom, report, '.maxZoom', 'maxZoom');
    return ok && maxZoom !== undefined ? { fit, maxZoom } : undefined;
  }
  const level = zoom(value.zoom, report, '.zoom', 'zoom');
  if (level === undefined) return undefined;
  if (value.center === undefined) {
    if (own) return { center: own, zoom: level };
    report('.center', 'The overview\'s camera needs a "center" or a "fit" list.');
    return undefined;
  }
  const c = value.center;
  if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
    report('.center', `"center" must be [longitude, latitude], not ${describe(c)}.`);
    return undefined;
  }
  return { center: [c[0], c[1]], zoom: level };
}
