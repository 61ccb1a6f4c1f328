import type { LngLat } from './types.ts';

/**
 * Shifts longitudes by whole turns so that consecutive positions never jump by more than
 * 180°. A line from 179°E to 179°W then runs 2° east across the antimeridian instead of
 * 358° west across the whole world. Latitude and the first position are unchanged.
 */
export function unwrapLongitudes(line: readonly LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  let offset = 0;
  let previous: number | null = null;
  for (const [lng, lat] of line) {
    if (previous !== null) {
      const delta = lng + offset - previous;
      if (delta > 180) offset -= 360 * Math.ceil((delta - 180) / 360);
      else if (delta < -180) offset += 360 * Math.ceil((-delta - 180) / 360);
    }
    const shifted = lng + offset;
    out.push([shifted, lat]);
    previous = shifted;
  }
  return out;
}
