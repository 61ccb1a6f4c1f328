import { OVERVIEW_SLUG, type Camera, type Place, type Route, type Step, type Waypoint } from '../types.ts';
import { describe } from './fields.ts';
import type { Report } from './problems.ts';

/**
 * `story.steps`: the overview, then the places in the order listed; places the list leaves out
 * follow in file order. An id of a feature that is declared but broken is not reported again.
 */
export function readSteps(
  value: unknown,
  places: readonly Place[],
  waypoints: readonly Waypoint[],
  declared: ReadonlySet<string>,
  report: Report,
  cameraOf: (place: Place | null) => Camera,
): Step[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const ordered: Place[] = [];
  if (value !== undefined && value !== null) {
    if (!Array.isArray(value)) {
      report('story.steps', `"steps" must be a list of place ids, not ${describe(value)}.`);
    } else {
      const waypointIds = new Set(waypoints.map((w) => w.id));
      value.forEach((id: unknown, i) => {
        const path = `story.steps[${i}]`;
        if (id === OVERVIEW_SLUG) return; // always first anyway
        if (typeof id !== 'string') {
          report(path, `Each step must be a place id, not ${describe(id)}.`);
          return;
        }
        const place = byId.get(id);
        if (!place) {
          if (waypointIds.has(id)) report(path, `"${id}" is a waypoint: only places can be steps.`);
          else if (!declared.has(id)) report(path, `"${id}" names no place of this story.`);
        } else if (ordered.includes(place)) {
          report(path, `"${id}" is listed twice.`);
        } else {
          ordered.push(place);
        }
      });
    }
  }
  for (const place of places) if (!ordered.includes(place)) ordered.push(place);
  return [
    { slug: OVERVIEW_SLUG, place: null, camera: cameraOf(null) },
    ...ordered.map((place) => ({ slug: place.id, place, camera: cameraOf(place) })),
  ];
}

/** Each route's stops name a place or waypoint (which may come later in the file). */
export function checkStops(routes: ReadonlyArray<{ readonly route: Route; readonly index: number }>, stopIds: ReadonlySet<string>, declared: ReadonlySet<string>, report: (index: number, routeId: string, path: string, message: string) => void): void {
  for (const { route, index } of routes) {
    route.stops.forEach((stop, i) => {
      if (!stopIds.has(stop) && !declared.has(stop)) report(index, route.id, `properties.stops[${i}]`, `"${stop}" names no place or waypoint of this story.`);
    });
  }
}
