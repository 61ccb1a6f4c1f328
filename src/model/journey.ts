import distance from '@turf/distance';
import { unwrapLongitudes } from './route-geometry.ts';
import type { LngLat, Route, Story } from './types.ts';

/** A stop of the journey, placed on the line where it is nearest to its station. */
export interface JourneyStop {
  readonly id: string;
  readonly name: string;
  /** A place of the story (it opens its passages when the train arrives), not a waypoint. */
  readonly isPlace: boolean;
  /** Progress along the whole journey, 0 to 1. */
  readonly t: number;
  /** Kilometres along the drawn line from the start. */
  readonly km: number;
  readonly legIndex: number;
  readonly date: string | null;
}

/** One leg of the journey: a route and where it lies along the whole line. */
export interface JourneyLeg {
  readonly route: Route;
  readonly startKm: number;
  readonly endKm: number;
}

/**
 * The story's routes joined end to end, with everything a frame needs computed once: the
 * positions, the cumulative distance at each, the stops' places along the line.
 */
export interface Journey {
  readonly legs: readonly JourneyLeg[];
  readonly positions: readonly LngLat[];
  /** Kilometres from the start at each position (same length as `positions`). */
  readonly cumulativeKm: Float64Array;
  /** Index of the leg each segment (positions[i] to positions[i + 1]) belongs to. */
  readonly segmentLeg: Uint16Array;
  readonly totalKm: number;
  readonly stops: readonly JourneyStop[];
  /** Published distances at stops: drawn km to published km, in travel order. */
  readonly calibration: ReadonlyArray<{ readonly km: number; readonly publishedKm: number }>;
}

/** Where the train is at progress t. */
export interface JourneyPosition {
  readonly lngLat: LngLat;
  readonly km: number;
  /** Index of the segment the position lies on (positions[segment] to positions[segment + 1]). */
  readonly segment: number;
  readonly legIndex: number;
}

/** Builds the journey from a story's routes in file order, or returns null when it has none. */
export function createJourney(story: Story): Journey | null {
  if (story.routes.length === 0) return null;
  const named = new Map<string, { name: string; lngLat: LngLat; isPlace: boolean }>([
    ...story.waypoints.map((w) => [w.id, { name: w.name, lngLat: w.lngLat, isPlace: false }] as const),
    ...story.places.map((p) => [p.id, { name: p.name, lngLat: p.lngLat, isPlace: true }] as const),
  ]);
  const positions: LngLat[] = [];
  const cumulative: number[] = [];
  const segmentLeg: number[] = [];
  const legs: JourneyLeg[] = [];
  const stops: JourneyStop[] = [];
  const calibration: Array<{ km: number; publishedKm: number }> = [];

  story.routes.forEach((route, legIndex) => {
    // A MultiLineString's parts are travelled one after the other; the journey is one line.
    const line = unwrapLongitudes(route.lines.flat());
    const startKm = cumulative[cumulative.length - 1] ?? 0;
    // The leg's segments start at the previous leg's last position (or the very first one).
    const legStart = Math.max(0, positions.length - 1);
    line.forEach((lngLat, i) => {
      const previous = positions[positions.length - 1];
      if (previous && i === 0 && previous[0] === lngLat[0] && previous[1] === lngLat[1]) return; // shared end point
      if (previous) {
        cumulative.push(cumulative[cumulative.length - 1]! + distance([...previous], [...lngLat], { units: 'kilometers' }));
        segmentLeg.push(legIndex);
      } else {
        cumulative.push(0);
      }
      positions.push(lngLat);
    });
    const endKm = cumulative[cumulative.length - 1]!;
    legs.push({ route, startKm, endKm });

    const seen = new Set(stops.map((s) => s.id));
    for (const id of route.stops) {
      const stop = named.get(id);
      if (!stop || seen.has(id)) continue; // a stop shared by two legs counts once
      seen.add(id);
      const km = Math.min(endKm, kmAlong(positions, cumulative, legStart, stop.lngLat));
      stops.push({ id, name: stop.name, isPlace: stop.isPlace, t: 0, km, legIndex, date: route.dates.get(id) ?? null });
      const publishedKm = route.published.get(id);
      if (publishedKm !== undefined) calibration.push({ km, publishedKm });
    }
  });

  const totalKm = cumulative[cumulative.length - 1] ?? 0;
  return {
    legs,
    positions,
    cumulativeKm: Float64Array.from(cumulative),
    segmentLeg: Uint16Array.from(segmentLeg),
    totalKm,
    stops: stops.map((s) => ({ ...s, t: totalKm > 0 ? s.km / totalKm : 0 })).sort((a, b) => a.t - b.t),
    calibration: calibration.sort((a, b) => a.km - b.km),
  };
}

/**
 * The position at progress t (0 to 1, clamped) along the journey. The segment is found by
 * binary search over the cumulative distances, so a frame costs O(log n) whatever the route.
 */
export function positionAt(journey: Journey, t: number): JourneyPosition {
  const { positions, cumulativeKm } = journey;
  const km = clamp(t, 0, 1) * journey.totalKm;
  if (positions.length < 2) return { lngLat: positions[0] ?? [0, 0], km: 0, segment: 0, legIndex: 0 };
  let lo = 0;
  let hi = positions.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cumulativeKm[mid]! <= km) lo = mid;
    else hi = mid;
  }
  const start = positions[lo]!;
  const end = positions[hi]!;
  const span = cumulativeKm[hi]! - cumulativeKm[lo]!;
  const f = span > 0 ? (km - cumulativeKm[lo]!) / span : 0;
  return {
    lngLat: [start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f],
    km,
    segment: lo,
    legIndex: journey.segmentLeg[lo] ?? 0,
  };
}

/** The stop nearest to progress t along the line. */
export function nearestStop(journey: Journey, t: number): JourneyStop | null {
  let best: JourneyStop | null = null;
  for (const stop of journey.stops) if (!best || Math.abs(stop.t - t) < Math.abs(best.t - t)) best = stop;
  return best;
}

/**
 * The distance to show for a point `km` along the drawn line. Any drawn line is shorter than
 * the track (curves are cut), so between stops with published distances the readout is
 * interpolated linearly between them, as railways' kilometre posts are; before the first and
 * after the last such stop it runs on at the drawn line's scale.
 */
export function displayKm(journey: Journey, km: number): number {
  const anchors = journey.calibration;
  const first = anchors[0];
  if (!first) return km;
  if (km <= first.km) return first.publishedKm - (first.km - km);
  for (let i = 1; i < anchors.length; i += 1) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (km <= b.km) return a.publishedKm + ((km - a.km) / (b.km - a.km || 1)) * (b.publishedKm - a.publishedKm);
  }
  const last = anchors[anchors.length - 1]!;
  return last.publishedKm + (km - last.km);
}

/**
 * Kilometres from the journey's start to the point of the line nearest to `target`, searching
 * the segments from position `from` on. Each segment is compared in a local equirectangular
 * plane (exact enough within a leg, and allocation-free: a 30,000-point line with 30 stops
 * took seconds through a general-purpose nearest-point routine); the distance along is then
 * the measured distance to the segment's start plus the fraction of its length.
 */
function kmAlong(positions: readonly LngLat[], cumulative: readonly number[], from: number, target: LngLat): number {
  const [tx, ty] = target;
  const scale = Math.cos((ty * Math.PI) / 180);
  let bestDistance = Infinity;
  let bestKm = cumulative[from] ?? 0;
  if (positions.length - from < 2) return bestKm;
  for (let i = from; i < positions.length - 1; i += 1) {
    const [ax, ay] = positions[i]!;
    const [bx, by] = positions[i + 1]!;
    const dx = (bx - ax) * scale;
    const dy = by - ay;
    const px = (tx - ax) * scale;
    const py = ty - ay;
    const lengthSquared = dx * dx + dy * dy;
    const f = lengthSquared > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSquared)) : 0;
    const ex = px - f * dx;
    const ey = py - f * dy;
    const d = ex * ex + ey * ey;
    if (d < bestDistance) {
      bestDistance = d;
      bestKm = cumulative[i]! + f * (cumulative[i + 1]! - cumulative[i]!);
    }
  }
  return bestKm;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}
