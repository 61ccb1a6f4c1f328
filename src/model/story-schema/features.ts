import { isIsoDate } from '../iso-date.ts';
import type { LngLat, Paragraph, Place, Route, Waypoint } from '../types.ts';
import { flag, isRecord, lngLat, optionalText, requiredText, slug, stopRecord, textList, type Json } from './fields.ts';
import type { ProblemList, Report } from './problems.ts';

/** What the features of a file hold, once read. */
export interface ReadFeatures {
  readonly places: Place[];
  readonly waypoints: Waypoint[];
  readonly routes: Array<{ readonly route: Route; readonly index: number }>;
  /** Places' cameras, read once every id is known (a camera may fit a place further down). */
  readonly cameras: Map<string, { readonly value: unknown; readonly index: number }>;
  /**
   * Every id the file declares for a place or waypoint, valid feature or not: a reference to a
   * broken one is that feature's problem, already reported, and not the reference's too.
   */
  readonly declared: Set<string>;
}

/**
 * The features, each read by the schema of its kind (a Point without `kind` is a place, with
 * `"kind": "waypoint"` a waypoint; a line with `"kind": "route"` a route). References between
 * them (stops, steps, cameras) are the caller's to check, once every id is known.
 */
export function readFeatures(rawFeatures: readonly unknown[], paragraphById: ReadonlyMap<string, Paragraph>, problems: ProblemList): ReadFeatures {
  const read: ReadFeatures = { places: [], waypoints: [], routes: [], cameras: new Map(), declared: new Set() };
  const firstIndexOfId = new Map<string, number>();
  rawFeatures.forEach((raw, index) => {
    if (!isRecord(raw) || raw.type !== 'Feature') {
      problems.feature(index, null, '', 'Each entry of "features" must be an object with "type": "Feature".');
      return;
    }
    const rawId = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : null;
    const report: Report = (path, message) => problems.feature(index, rawId, path, message);
    const props = isRecord(raw.properties) ? raw.properties : {};
    const kind = props.kind;
    const geometry = isRecord(raw.geometry) ? raw.geometry : null;
    const geometryType = geometry?.type ?? null;
    // The id is unique among all features; recorded so that a later duplicate is caught.
    const uniqueId = (required: boolean): string | null | undefined => {
      const id = slug(raw.id, report, 'id', required);
      if (!id) return id;
      if (kind !== 'route') read.declared.add(id);
      const first = firstIndexOfId.get(id);
      if (first !== undefined) {
        report('id', `The id "${id}" is already used by feature ${first}: ids must be unique.`);
        return undefined;
      }
      firstIndexOfId.set(id, index);
      return id;
    };

    if (kind === undefined || kind === 'place' || kind === 'waypoint') {
      const what = kind === 'waypoint' ? 'A waypoint' : 'A place';
      if (geometryType !== 'Point') {
        if (typeof raw.id === 'string') read.declared.add(raw.id);
        if (kind === undefined && (geometryType === 'LineString' || geometryType === 'MultiLineString')) {
          report('properties.kind', `A ${geometryType} is drawn only as a route: add "kind": "route".`);
        } else if (geometryType !== null) {
          report('geometry.type', `${what} must be a Point, not ${JSON.stringify(geometryType)}.`);
        } else {
          report('geometry', `${what} needs a Point geometry.`);
        }
        return;
      }
      // Every field is read, so that each problem is reported at once, before any is combined.
      const point = readPoint(uniqueId(true), props, geometry!, report);
      if (kind === 'waypoint') {
        if (point) read.waypoints.push(point);
        return;
      }
      const place = readPlace(props, paragraphById, report);
      if (!point || !place) return;
      read.places.push({ ...point, ...place });
      if (props.camera !== undefined && props.camera !== null) read.cameras.set(point.id, { value: props.camera, index });
      return;
    }
    if (kind === 'route') {
      if (geometryType !== 'LineString' && geometryType !== 'MultiLineString') {
        report('geometry.type', `A route must be a LineString or MultiLineString, not ${JSON.stringify(geometryType)}.`);
        return;
      }
      const route = readRoute(uniqueId(false) ?? `route-${index}`, props, geometry!, geometryType, report);
      if (route) read.routes.push({ route, index });
      return;
    }
    report('properties.kind', `${JSON.stringify(kind)} is not a kind of feature: use "waypoint" or "route", or leave "kind" out for a place.`);
  });
  return read;
}

/** What places and waypoints share: an id, a name, a position and a summary. */
function readPoint(id: string | null | undefined, props: Json, geometry: Json, report: Report): Waypoint | undefined {
  const name = requiredText(props.name, report, 'properties.name', 'The "name"');
  const position = lngLat(geometry.coordinates, report, 'geometry.coordinates');
  const summary = optionalText(props.summary, report, 'properties.summary', 'The "summary"');
  if (!id || name === undefined || position === undefined || summary === undefined) return undefined;
  return { id, name, lngLat: position, summary };
}

/** What a place adds to a point: its passages (in article order whatever order they are listed in) and aliases. */
function readPlace(props: Json, paragraphById: ReadonlyMap<string, Paragraph>, report: Report): Pick<Place, 'passages' | 'aliases'> | undefined {
  const ids = textList(props.passages, report, 'properties.passages', 'passages', true);
  const aliases = textList(props.aliases, report, 'properties.aliases', 'aliases', false);
  if (!ids || !aliases) return undefined;
  const found = new Set<Paragraph>();
  let ok = true;
  ids.forEach((id, i) => {
    const paragraph = paragraphById.get(id);
    if (paragraph) found.add(paragraph);
    else {
      ok = false;
      report(`properties.passages[${i}]`, `"${id}" names no paragraph in story.paragraphs.`);
    }
  });
  return ok ? { passages: [...found].sort((a, b) => a.index - b.index), aliases } : undefined;
}

/** A route: name, mode, lines, stops, and the dates and published distances at its stops. */
function readRoute(id: string, props: Json, geometry: Json, type: 'LineString' | 'MultiLineString', report: Report): Route | undefined {
  const name = requiredText(props.name, report, 'properties.name', 'The "name"');
  const mode = requiredText(props.mode, report, 'properties.mode', 'The "mode"');
  const lines = readLines(geometry.coordinates, type, report);
  const stops = textList(props.stops, report, 'properties.stops', 'stops', true);
  const dates = stopRecord(props.dates, report, 'properties.dates', 'dates', (v) => typeof v === 'string' && isIsoDate(v), 'an ISO date such as "2019-04-24"');
  const published = stopRecord(props.published, report, 'properties.published', 'published', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a distance in km');
  const approximate = flag(props.approximate, report, 'properties.approximate', 'approximate', false);
  if (name === undefined || mode === undefined || !lines || !stops || !dates || !published || approximate === undefined) return undefined;
  for (const stop of [...dates.keys(), ...published.keys()]) {
    if (!stops.includes(stop)) report('properties.stops', `"${stop}" has a date or distance but is not one of this route's stops.`);
  }
  return { id, name, mode, lines, stops, dates: dates as Map<string, string>, published: published as Map<string, number>, approximate };
}

function readLines(coordinates: unknown, type: 'LineString' | 'MultiLineString', report: Report): LngLat[][] | undefined {
  if (!Array.isArray(coordinates)) {
    report('geometry.coordinates', `A ${type} needs a list of positions.`);
    return undefined;
  }
  const raw = type === 'LineString' ? [coordinates] : coordinates;
  const lines: LngLat[][] = [];
  let ok = true;
  raw.forEach((line: unknown, li) => {
    const prefix = type === 'LineString' ? 'geometry.coordinates' : `geometry.coordinates[${li}]`;
    if (!Array.isArray(line) || line.length < 2) {
      report(prefix, 'Expected to find two or more positions here.');
      ok = false;
      return;
    }
    const positions: LngLat[] = [];
    line.forEach((value: unknown, pi) => {
      const position = lngLat(value, report, `${prefix}[${pi}]`);
      if (position) positions.push(position);
      else ok = false;
    });
    lines.push(positions);
  });
  return ok ? lines : undefined;
}
