import { formatMegabytes } from './format-size.ts';
import { isIsoDate } from './iso-date.ts';
import { canonicalLanguageTag } from './language-tag.ts';
import { formatJsonPath, type JsonPath } from './json-path.ts';
import type { scanJson } from './scan-json.ts';
import {
  DEFAULT_PLACE_ZOOM,
  MAX_NESTING_DEPTH,
  MAX_STORY_BYTES,
  OVERVIEW_SLUG,
  type Camera,
  type LngLat,
  type Paragraph,
  type ParseResult,
  type Place,
  type Route,
  type Step,
  type StoryMeta,
  type StoryProblem,
  type TileSource,
  type Waypoint,
} from './types.ts';

/** Ids of places, waypoints and routes: lowercase words joined by hyphens, as used in URLs. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Json = Record<string, unknown>;

/** An RFC 7946 validator: the issues it finds in a GeoJSON text, located by character offset. */
export type GeoJsonChecker = (text: string) => ReadonlyArray<{ readonly from: number; readonly message: string }>;

/**
 * Checks of the text beyond the built-in ones, passed in so that a page loads only the code it
 * runs: the story bundled with the app, checked in full when it was built, needs neither.
 */
export interface TextChecks {
  /** The RFC 7946 validator (@placemarkio/check-geojson's `getIssues`). */
  readonly geojson: GeoJsonChecker | null;
  /** One pass over the text for nesting depth, duplicate keys and where problems lie (`scanJson`). */
  readonly scan: typeof scanJson | null;
}

/**
 * Reads and checks a story file (a GeoJSON FeatureCollection with a `story` member) with the
 * built-in checks, which cover everything the app draws, and with `checks` for the rest of
 * RFC 7946, the file's nesting and duplicate keys (see `parseStory`, which brings them all).
 * Returns the typed story, or every problem found, each naming the feature and the field.
 */
export function readStory(text: string, checks: TextChecks): ParseResult {
  const { geojson: checker, scan } = checks;
  // Editors on Windows often save JSON with a byte order mark, which JSON.parse rejects.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems = new ProblemList();

  // Length in UTF-16 units is at most the byte count, so this never refuses a file under the limit.
  if (source.length > MAX_STORY_BYTES) {
    problems.file('', `The file is ${formatMegabytes(source.length)} or more; story files are limited to ${formatMegabytes(MAX_STORY_BYTES)}.`);
    return problems.result();
  }
  const structure = scan?.(source, { maxDepth: MAX_NESTING_DEPTH }) ?? { tooDeep: false, duplicateKeys: [], endsOpen: false };
  if (structure.tooDeep) {
    problems.file('', `The file nests lists or objects more than ${MAX_NESTING_DEPTH} levels deep; a story needs fewer than 10.`);
    return problems.result();
  }

  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    problems.file('', invalidJsonMessage(source, error, checker, structure.endsOpen));
    return problems.result();
  }
  if (!isRecord(data)) {
    problems.file('', `The file holds ${describe(data)}, not a GeoJSON FeatureCollection object.`);
    return problems.result();
  }
  if (data.type !== 'FeatureCollection') {
    problems.file(
      'type',
      data.type === undefined
        ? 'The file has no "type": a story is a GeoJSON object with "type": "FeatureCollection".'
        : `The file's "type" is ${JSON.stringify(data.type)}: a story is a "FeatureCollection".`,
    );
    return problems.result();
  }

  const rawFeatures = Array.isArray(data.features) ? (data.features as unknown[]) : null;
  // JSON.parse keeps the last of two equal keys, silently dropping the first (a whole list of
  // passages, say): an author must hear of it.
  for (const { path, key } of structure.duplicateKeys) {
    problems.atPath([...path, key], `"${key}" is written twice in the same object; only the last would be read. Keep one.`, rawFeatures);
  }
  // RFC 7946 structure (positions, geometry types, feature shape) comes from a maintained validator.
  const fullValidation = checker !== null;
  if (checker) {
    const issues = checker(source);
    const paths = scan?.(source, { offsets: issues.map((issue) => issue.from) }).paths ?? [];
    issues.forEach((issue, i) => problems.atPath(paths[i] ?? [], issue.message, rawFeatures));
  } else if (!rawFeatures) {
    problems.file('features', 'A FeatureCollection needs a "features" list.');
  }

  const storyMember = isRecord(data.story) ? data.story : null;
  if (data.story === undefined) {
    problems.file(
      'story',
      'The FeatureCollection has no "story" member: add one with title, publisher, published, dateline, language and paragraphs.',
    );
  } else if (!storyMember) {
    problems.file('story', `"story" must be an object, not ${describe(data.story)}.`);
  }
  const meta = storyMember ? readMeta(storyMember, problems) : null;
  const paragraphs = storyMember ? readParagraphs(storyMember.paragraphs, problems) : [];
  const paragraphById = new Map(paragraphs.map((p) => [p.id, p]));

  const places: Place[] = [];
  const waypoints: Waypoint[] = [];
  const routes: Array<{ route: Route; index: number }> = [];
  const firstIndexOfId = new Map<string, number>();
  const cameras = new Map<string, { value: unknown; index: number }>();

  (rawFeatures ?? []).forEach((raw, index) => {
    if (!isRecord(raw) || raw.type !== 'Feature') {
      if (!fullValidation) problems.feature(index, null, '', 'Each entry of "features" must be an object with "type": "Feature".');
      return; // otherwise the validator has already said so
    }
    const feature = new FeatureReader(raw, index, problems, !fullValidation);
    const kind = feature.props.kind;
    const geometryType = isRecord(raw.geometry) ? raw.geometry.type : null;

    if (kind === undefined || kind === 'place' || kind === 'waypoint') {
      const what = kind === 'waypoint' ? 'A waypoint' : 'A place';
      if (geometryType !== 'Point') {
        if (kind === undefined && (geometryType === 'LineString' || geometryType === 'MultiLineString')) {
          feature.report('properties.kind', `A ${geometryType} is drawn only as a route: add "kind": "route".`);
        } else if (geometryType !== null) {
          feature.report('geometry.type', `${what} must be a Point, not ${JSON.stringify(geometryType)}.`);
        } else {
          feature.report('geometry', `${what} needs a Point geometry.`);
        }
        return;
      }
      const id = feature.slugId(firstIndexOfId, true);
      const name = feature.requiredText('name');
      const lngLat = feature.position();
      const summary = feature.optionalText('summary');
      if (kind === 'waypoint') {
        if (id && name && lngLat) waypoints.push({ id, name, lngLat, summary });
        return;
      }
      const passages = feature.passages(paragraphById);
      const aliases = feature.textList('aliases') ?? [];
      if (id && name && lngLat && passages) {
        places.push({ id, name, lngLat, passages, aliases, summary });
        if (feature.props.camera !== undefined && feature.props.camera !== null) {
          cameras.set(id, { value: feature.props.camera, index });
        }
      }
      return;
    }

    if (kind === 'route') {
      if (geometryType !== 'LineString' && geometryType !== 'MultiLineString') {
        feature.report('geometry.type', `A route must be a LineString or MultiLineString, not ${JSON.stringify(geometryType)}.`);
        return;
      }
      const id = feature.slugId(firstIndexOfId, false) ?? `route-${index}`;
      const name = feature.requiredText('name');
      const mode = feature.requiredText('mode');
      const lines = feature.lines(geometryType);
      const stops = feature.textList('stops', true);
      const dates = feature.stopRecord('dates', (v) => typeof v === 'string' && isIsoDate(v), 'an ISO date such as "2019-04-24"');
      const published = feature.stopRecord('published', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a distance in km');
      const approximate = feature.props.approximate === true;
      if (name && mode && lines && stops && dates && published) {
        for (const stop of [...dates.keys(), ...published.keys()]) {
          if (!stops.includes(stop)) feature.report('properties.stops', `"${stop}" has a date or distance but is not one of this route's stops.`);
        }
        routes.push({
          route: { id, name, mode, lines, stops, dates: dates as Map<string, string>, published: published as Map<string, number>, approximate },
          index,
        });
      }
      return;
    }

    feature.report(
      'properties.kind',
      `${JSON.stringify(kind)} is not a kind of feature: use "waypoint" or "route", or leave "kind" out for a place.`,
    );
  });

  // Stops may name features that come later in the file, so they are checked once all ids are known.
  const stopIds = new Set([...places.map((p) => p.id), ...waypoints.map((w) => w.id)]);
  for (const { route, index } of routes) {
    route.stops.forEach((stop, i) => {
      if (!stopIds.has(stop)) {
        problems.feature(index, route.id, `properties.stops[${i}]`, `"${stop}" names no place or waypoint of this story.`);
      }
    });
  }

  if (rawFeatures && places.length === 0 && problems.isEmpty()) {
    problems.file(
      'features',
      'The story has no places: add at least one Point feature with an "id", "properties.name" and "properties.passages".',
    );
  }
  const positions = new Map([...places, ...waypoints].map((p) => [p.id, p.lngLat] as const));
  const cameraOf = (place: Place | null): Camera => {
    if (!place) {
      const overview = storyMember?.camera;
      const fallback: Camera = { fit: places.map((p) => p.lngLat), maxZoom: DEFAULT_PLACE_ZOOM };
      return overview === undefined || overview === null
        ? fallback
        : (readCamera(overview, null, positions, (path, message) => problems.file(`story.camera${path}`, message)) ?? fallback);
    }
    const raw = cameras.get(place.id);
    const fallback: Camera = { center: place.lngLat, zoom: DEFAULT_PLACE_ZOOM };
    if (!raw) return fallback;
    return (
      readCamera(raw.value, place.lngLat, positions, (path, message) => problems.feature(raw.index, place.id, `properties.camera${path}`, message)) ??
      fallback
    );
  };
  const steps = storyMember ? readSteps(storyMember.steps, places, waypoints, problems, cameraOf) : [];
  const tiles = storyMember ? readTiles(storyMember.tiles, problems) : null;

  if (!problems.isEmpty() || !meta) return problems.result();
  return {
    ok: true,
    story: { meta, paragraphs, places, waypoints, routes: routes.map((r) => r.route), steps, tiles },
  };
}

class ProblemList {
  private readonly list: StoryProblem[] = [];

  file(path: string, message: string): void {
    this.list.push({ featureIndex: null, featureId: null, path, message });
  }

  feature(featureIndex: number, featureId: string | null, path: string, message: string): void {
    this.list.push({ featureIndex, featureId, path, message });
  }

  /** Places a problem found at a JSON path, naming the feature it lies in. */
  atPath(path: JsonPath, message: string, features: unknown[] | null): void {
    const [first, second] = path;
    if (first === 'features' && typeof second === 'number') {
      const raw = features?.[second];
      const id = isRecord(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : null;
      this.feature(second, id, formatJsonPath(path.slice(2)), message);
    } else {
      this.file(formatJsonPath(path), message);
    }
  }

  isEmpty(): boolean {
    return this.list.length === 0;
  }

  result(): ParseResult {
    // File-level problems first, then features in file order; stable within each.
    const problems = [...this.list].sort((a, b) => (a.featureIndex ?? -1) - (b.featureIndex ?? -1));
    return { ok: false, problems: groupRepeats(problems) };
  }
}

/**
 * Folds a run of the same problem at neighbouring list entries (3,000 GPS positions with a
 * fourth number) into its first, which says how many more there are and where they end: one
 * line an author can act on instead of a wall of copies.
 */
function groupRepeats(problems: readonly StoryProblem[]): StoryProblem[] {
  const out: StoryProblem[] = [];
  let i = 0;
  while (i < problems.length) {
    const first = problems[i]!;
    const parent = first.path.replace(/\[\d+\]$/, '');
    let j = i + 1;
    if (parent !== first.path) {
      while (j < problems.length) {
        const next = problems[j]!;
        if (next.featureIndex !== first.featureIndex || next.message !== first.message || next.path.replace(/\[\d+\]$/, '') !== parent || next.path === parent) break;
        j += 1;
      }
    }
    const more = j - i - 1;
    out.push(more < 2 ? first : { ...first, message: `${first.message} (${more.toLocaleString('en')} more like it, through ${problems[j - 1]!.path})` });
    if (more < 2) j = i + 1;
    i = j;
  }
  return out;
}

/** Reads one feature's fields, reporting each problem against the feature. */
class FeatureReader {
  readonly props: Json;
  private readonly rawId: string | null;

  constructor(
    private readonly raw: Json,
    private readonly index: number,
    private readonly problems: ProblemList,
    /** Report shape errors of geometry here, because the full validator did not run. */
    private readonly checkShapes: boolean,
  ) {
    this.props = isRecord(raw.properties) ? raw.properties : {};
    this.rawId = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : null;
  }

  report(path: string, message: string): void {
    this.problems.feature(this.index, this.rawId, path, message);
  }

  /** The feature's id as a slug, recording it so that a later duplicate is caught. */
  slugId(firstIndexOfId: Map<string, number>, required: boolean): string | null {
    const id = this.raw.id;
    if (id === undefined) {
      if (required) this.report('id', 'The feature has no "id": give it a short slug such as "khasan".');
      return null;
    }
    if (typeof id !== 'string') {
      // Non-string, non-number ids are already reported by the GeoJSON validator.
      if (typeof id === 'number') this.report('id', `${id} is a number: use a text slug such as "khasan".`);
      return null;
    }
    if (!SLUG.test(id)) {
      this.report('id', `${JSON.stringify(id)} is not a slug: use lowercase letters, digits and single hyphens, such as "russky-island".`);
      return null;
    }
    if (id === OVERVIEW_SLUG) {
      this.report('id', `"${OVERVIEW_SLUG}" is reserved for the first step of every story: choose another id.`);
      return null;
    }
    const first = firstIndexOfId.get(id);
    if (first !== undefined) {
      this.report('id', `The id "${id}" is already used by feature ${first}: ids must be unique.`);
      return null;
    }
    firstIndexOfId.set(id, this.index);
    return id;
  }

  requiredText(key: string): string | null {
    const value = this.props[key];
    if (value === undefined || value === null) {
      this.report(`properties.${key}`, `The "${key}" is missing.`);
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(`properties.${key}`, `The "${key}" must be a non-empty text, not ${describe(value)}.`);
      return null;
    }
    return value.trim();
  }

  optionalText(key: string): string | null {
    const value = this.props[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      this.report(`properties.${key}`, `The "${key}" must be a text, not ${describe(value)}.`);
      return null;
    }
    return value.trim() === '' ? null : value.trim();
  }

  /** A list of texts; null when absent (and not required) or wrong. */
  textList(key: string, required = false): string[] | null {
    const value = this.props[key];
    if (value === undefined || value === null) {
      if (required) this.report(`properties.${key}`, `The "${key}" list is missing.`);
      return required ? null : [];
    }
    if (!Array.isArray(value)) {
      this.report(`properties.${key}`, `The "${key}" must be a list of texts, not ${describe(value)}.`);
      return null;
    }
    let ok = true;
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        this.report(`properties.${key}[${i}]`, `Each entry must be a text, not ${describe(item)}.`);
        ok = false;
      }
    });
    return ok ? (value as string[]) : null;
  }

  /**
   * An optional object keyed by stop id, each value checked by `valid`, as a Map (so that a stop
   * called "constructor" or "__proto__" is just a name); null when wrong.
   */
  stopRecord(key: string, valid: (value: unknown) => boolean, what: string): Map<string, unknown> | null {
    const value = this.props[key];
    if (value === undefined || value === null) return new Map();
    if (!isRecord(value)) {
      this.report(`properties.${key}`, `"${key}" must be an object keyed by stop id, not ${describe(value)}.`);
      return null;
    }
    let ok = true;
    for (const [stop, entry] of Object.entries(value)) {
      if (!valid(entry)) {
        this.report(`properties.${key}.${stop}`, `Each entry must be ${what}, not ${describe(entry)}.`);
        ok = false;
      }
    }
    return ok ? new Map(Object.entries(value)) : null;
  }

  /** The place's paragraphs, in article order whatever order they are listed in. */
  passages(paragraphById: ReadonlyMap<string, Paragraph>): Paragraph[] | null {
    const ids = this.textList('passages', true);
    if (!ids) return null;
    const found = new Set<Paragraph>();
    let ok = true;
    ids.forEach((id, i) => {
      const paragraph = paragraphById.get(id);
      if (paragraph) found.add(paragraph);
      else {
        ok = false;
        this.report(`properties.passages[${i}]`, `"${id}" names no paragraph in story.paragraphs.`);
      }
    });
    return ok ? [...found].sort((a, b) => a.index - b.index) : null;
  }

  position(): LngLat | null {
    const geometry = this.raw.geometry as Json;
    return this.checkPosition(geometry.coordinates, 'geometry.coordinates');
  }

  lines(type: 'LineString' | 'MultiLineString'): LngLat[][] | null {
    const coordinates = (this.raw.geometry as Json).coordinates;
    if (!Array.isArray(coordinates)) {
      if (this.checkShapes) this.report('geometry.coordinates', `A ${type} needs a list of positions.`);
      return null;
    }
    const raw = type === 'LineString' ? [coordinates] : coordinates;
    const lines: LngLat[][] = [];
    let ok = true;
    raw.forEach((line: unknown, li) => {
      const prefix = type === 'LineString' ? 'geometry.coordinates' : `geometry.coordinates[${li}]`;
      if (!Array.isArray(line) || line.length < 2) {
        if (this.checkShapes) this.report(prefix, 'Expected to find two or more positions here.');
        ok = false;
        return;
      }
      const positions: LngLat[] = [];
      line.forEach((value: unknown, pi) => {
        const position = this.checkPosition(value, `${prefix}[${pi}]`);
        if (position) positions.push(position);
        else ok = false;
      });
      lines.push(positions);
    });
    return ok ? lines : null;
  }

  /**
   * Checks that a position is [longitude, latitude] within range. Shape errors (not an array,
   * not numbers) are the GeoJSON validator's to report, so they only make this return null.
   */
  private checkPosition(value: unknown, path: string): LngLat | null {
    if (!Array.isArray(value) || value.length < 2 || value.length > 3 || value.some((n) => typeof n !== 'number')) {
      if (this.checkShapes) this.report(path, 'A position must be [longitude, latitude] (optionally with an altitude), all numbers.');
      return null;
    }
    const [lng, lat] = value as number[];
    if (lng === undefined || lat === undefined) return null;
    let ok = true;
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
      this.report(path, 'Coordinates must be finite numbers.');
      return null;
    }
    if (lng < -180 || lng > 180) {
      this.report(`${path}[0]`, `${lng} is not a longitude (-180..180).`);
      ok = false;
    }
    if (lat < -90 || lat > 90) {
      const swapped = Math.abs(lng) <= 90 && Math.abs(lat) <= 180;
      this.report(
        `${path}[1]`,
        `${lat} is not a latitude (-90..90).` +
          (swapped ? ` The position looks like [latitude, longitude]: GeoJSON wants [longitude, latitude], so write [${lat}, ${lng}].` : ''),
      );
      ok = false;
    }
    return ok ? [lng, lat] : null;
  }
}

function readMeta(story: Json, problems: ProblemList): StoryMeta | null {
  const text = (key: string, required: boolean): string | null => {
    const value = story[key];
    if (value === undefined || value === null) {
      if (required) problems.file(`story.${key}`, `The story's "${key}" is missing.`);
      return null;
    }
    if (typeof value !== 'string' || (required && value.trim() === '')) {
      problems.file(`story.${key}`, `The story's "${key}" must be a non-empty text, not ${describe(value)}.`);
      return null;
    }
    return value.trim() === '' ? null : value.trim();
  };
  const title = text('title', true);
  const publisher = text('publisher', true);
  const published = text('published', true);
  const dateline = text('dateline', true);
  const language = text('language', true);
  const byline = text('byline', false);
  const credit = text('credit', false);
  const mapCredits = text('mapCredits', false);
  if (published !== null && !isIsoDate(published)) {
    problems.file('story.published', `"${published}" is not an ISO 8601 date such as "2019-04-24".`);
    return null;
  }
  // The tag feeds every date and number the reader sees (Intl), so it must be one Intl accepts;
  // it is kept in canonical form ("pt-br" becomes "pt-BR").
  const canonicalLanguage = language === null ? null : canonicalLanguageTag(language);
  if (language !== null && canonicalLanguage === null) {
    problems.file(
      'story.language',
      `${describe(language)} is not a language tag that browsers understand: use one such as "en", "en-GB", "pt-BR" or "nan" (Min Nan Chinese).`,
    );
    return null;
  }
  if (title === null || publisher === null || published === null || dateline === null || canonicalLanguage === null) return null;
  return { title, publisher, published, dateline, language: canonicalLanguage, byline, credit, mapCredits };
}

function readParagraphs(value: unknown, problems: ProblemList): Paragraph[] {
  if (value === undefined) {
    problems.file('story.paragraphs', 'The story\'s "paragraphs" are missing: list the article as [{ "id": "p1", "text": "..." }, ...].');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    problems.file('story.paragraphs', `"paragraphs" must be a non-empty list of { "id", "text" } objects, not ${describe(value)}.`);
    return [];
  }
  const paragraphs: Paragraph[] = [];
  const seen = new Map<string, number>();
  value.forEach((item: unknown, index) => {
    const path = `story.paragraphs[${index}]`;
    if (!isRecord(item)) {
      problems.file(path, `Each paragraph must be an object with "id" and "text", not ${describe(item)}.`);
      return;
    }
    const { id, text } = item;
    if (typeof id !== 'string' || id.trim() === '') {
      problems.file(`${path}.id`, `The paragraph's "id" must be a non-empty text, not ${describe(id)}.`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.file(`${path}.id`, `The paragraph id "${id}" is already used by story.paragraphs[${first}]: ids must be unique.`);
      return;
    }
    seen.set(id, index);
    if (typeof text !== 'string') {
      problems.file(`${path}.text`, `The paragraph's "text" must be a text, not ${describe(text)}.`);
      return;
    }
    paragraphs.push({ id, text, index: paragraphs.length });
  });
  return paragraphs;
}

/** The overview, then the places in `story.steps` order; places the list leaves out follow in file order. */
function readSteps(
  value: unknown,
  places: readonly Place[],
  waypoints: readonly Waypoint[],
  problems: ProblemList,
  cameraOf: (place: Place | null) => Camera,
): Step[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const ordered: Place[] = [];
  if (value !== undefined && value !== null) {
    if (!Array.isArray(value)) {
      problems.file('story.steps', `"steps" must be a list of place ids, not ${describe(value)}.`);
    } else {
      const waypointIds = new Set(waypoints.map((w) => w.id));
      value.forEach((id: unknown, i) => {
        const path = `story.steps[${i}]`;
        if (id === OVERVIEW_SLUG) return; // always first anyway
        if (typeof id !== 'string') {
          problems.file(path, `Each step must be a place id, not ${describe(id)}.`);
          return;
        }
        const place = byId.get(id);
        if (!place) {
          problems.file(
            path,
            waypointIds.has(id)
              ? `"${id}" is a waypoint: only places can be steps.`
              : `"${id}" names no place of this story.`,
          );
        } else if (ordered.includes(place)) {
          problems.file(path, `"${id}" is listed twice.`);
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

/**
 * A step's camera: `{ "zoom": 10 }` (around the place), `{ "center": [lng, lat], "zoom": 10 }`,
 * or `{ "fit": ["vladivostok", "russky-island"], "maxZoom": 11 }` (ids of places or waypoints;
 * a place's own position is always included).
 */
function readCamera(
  value: unknown,
  own: LngLat | null,
  positions: ReadonlyMap<string, LngLat>,
  report: (path: string, message: string) => void,
): Camera | null {
  if (!isRecord(value)) {
    report('', `"camera" must be an object such as { "zoom": 10 } or { "fit": ["id", ...] }, not ${describe(value)}.`);
    return null;
  }
  const zoomOk = (z: unknown, key: string): z is number => {
    if (typeof z === 'number' && Number.isFinite(z) && z >= 0 && z <= 22) return true;
    report(`.${key}`, `"${key}" must be a zoom level from 0 to 22, not ${describe(z)}.`);
    return false;
  };
  if (value.fit !== undefined) {
    if (!Array.isArray(value.fit) || value.fit.length === 0) {
      report('.fit', `"fit" must be a non-empty list of place or waypoint ids, not ${describe(value.fit)}.`);
      return null;
    }
    const fit: LngLat[] = own ? [own] : [];
    let ok = true;
    value.fit.forEach((id: unknown, i) => {
      const position = typeof id === 'string' ? positions.get(id) : undefined;
      if (position) fit.push(position);
      else {
        report(`.fit[${i}]`, `${typeof id === 'string' ? `"${id}"` : describe(id)} names no place or waypoint of this story.`);
        ok = false;
      }
    });
    const maxZoom = value.maxZoom === undefined ? DEFAULT_PLACE_ZOOM + 3 : value.maxZoom;
    return ok && zoomOk(maxZoom, 'maxZoom') ? { fit, maxZoom } : null;
  }
  if (!zoomOk(value.zoom, 'zoom')) return null;
  if (value.center === undefined) {
    if (own) return { center: own, zoom: value.zoom };
    report('.center', 'The overview\'s camera needs a "center" or a "fit" list.');
    return null;
  }
  const c = value.center;
  if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
    report('.center', `"center" must be [longitude, latitude], not ${describe(c)}.`);
    return null;
  }
  return { center: [c[0], c[1]], zoom: value.zoom };
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const TILE_PLACEHOLDERS = new Set(['z', 'x', 'y', 's', 'r', '-y']);

/** `story.tiles`: "none", or a tile source whose URLs are http(s) and whose attribution is text. */
function readTiles(value: unknown, problems: ProblemList): TileSource | 'none' | null {
  if (value === undefined || value === null) return null;
  if (value === 'none') return 'none';
  if (!isRecord(value)) {
    problems.file('story.tiles', `"tiles" must be "none" or an object with "url" and "attribution", not ${describe(value)}.`);
    return null;
  }
  let ok = true;
  const fail = (key: string, message: string): null => {
    problems.file(`story.tiles.${key}`, message);
    ok = false;
    return null;
  };
  const { url, attribution, attributionUrl, maxZoom, subdomains } = value;
  if (typeof url !== 'string' || !HTTP_URL.test(url) || !url.includes('{z}') || !url.includes('{x}') || !/\{-?y\}/.test(url)) {
    fail('url', `The tile URL must be an http(s) template with {z}, {x} and {y}, not ${describe(url)}.`);
  } else {
    // Leaflet fills only these; any other {name} would throw while drawing the map.
    const unknown = [...url.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((name) => !TILE_PLACEHOLDERS.has(name));
    if (unknown.length > 0) {
      fail(
        'url',
        `The tile URL uses ${unknown.map((name) => `{${name.slice(0, 20)}}`).join(', ')}, which the map cannot fill: only {z}, {x}, {y}, {s}, {r} and {-y} are filled. Write any other value (a style or a key) into the URL itself.`,
      );
    }
  }
  if (typeof attribution !== 'string' || attribution.trim() === '') {
    fail('attribution', 'Tiles need their provider\'s attribution, as plain text.');
  }
  if (attributionUrl !== undefined && attributionUrl !== null && (typeof attributionUrl !== 'string' || !HTTP_URL.test(attributionUrl))) {
    fail('attributionUrl', `The attribution link must be an http(s) URL, not ${describe(attributionUrl)}.`);
  }
  if (maxZoom !== undefined && maxZoom !== null && (typeof maxZoom !== 'number' || !Number.isInteger(maxZoom) || maxZoom < 0 || maxZoom > 24)) {
    fail('maxZoom', `"maxZoom" must be a whole number from 0 to 24, not ${describe(maxZoom)}.`);
  }
  if (subdomains !== undefined && subdomains !== null && (typeof subdomains !== 'string' || !/^[a-z0-9]+$/i.test(subdomains))) {
    fail('subdomains', `"subdomains" must be letters or digits such as "abc", not ${describe(subdomains)}.`);
  }
  if (!ok) return null;
  return {
    url: url as string,
    attribution: (attribution as string).trim(),
    attributionUrl: typeof attributionUrl === 'string' ? attributionUrl : null,
    maxZoom: typeof maxZoom === 'number' ? maxZoom : null,
    subdomains: typeof subdomains === 'string' ? subdomains : null,
  };
}

function invalidJsonMessage(source: string, error: unknown, checker: GeoJsonChecker | null, endsOpen: boolean): string {
  if (source.trim() === '') return 'The file is empty.';
  if (/^\s*</.test(source)) {
    return `The file is HTML, not JSON (it starts with "${source.trim().slice(0, 15)}"): the URL probably points at a web page instead of a story file.`;
  }
  if (endsOpen) {
    return `The file ends in the middle of its JSON (after ${source.length.toLocaleString('en')} characters): it was cut short while it was saved, copied or downloaded. Save or download it again.`;
  }
  // The validator's parser reports line and column the same way in every browser; its own
  // crashes ("Cannot read properties of undefined") are not for authors, so only a located
  // message is used, else the browser's.
  const located = checker?.(source).find((issue) => /^Invalid JSON:.*\(\d+:\d+\)$/.test(issue.message));
  const detail =
    located?.message.replace(/^Invalid JSON:\s*/, '').replace(/\.? ?\((\d+):(\d+)\)$/, ' at line $1, column $2') ??
    (error instanceof Error ? error.message : String(error));
  return `The file is not valid JSON: ${detail}`;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names a JSON value for a message, briefly and without echoing long text. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the text "${value.slice(0, 37)}..."` : `the text "${value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
