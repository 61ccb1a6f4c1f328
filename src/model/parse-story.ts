import { getIssues } from '@placemarkio/check-geojson';
import { formatMegabytes } from './format-size.ts';
import { scanJson } from './scan-json.ts';
import { readCamera } from './story-schema/camera.ts';
import { describe, isRecord } from './story-schema/fields.ts';
import { readFeatures } from './story-schema/features.ts';
import { invalidJsonMessage } from './story-schema/invalid-json.ts';
import { readMeta } from './story-schema/meta.ts';
import { readParagraphs } from './story-schema/paragraphs.ts';
import { ProblemList } from './story-schema/problems.ts';
import { checkStops, readSteps } from './story-schema/steps.ts';
import { readTiles } from './story-schema/tiles.ts';
import { DEFAULT_PLACE_ZOOM, FULL_VALIDATION_MAX_BYTES, MAX_NESTING_DEPTH, MAX_STORY_BYTES, type Camera, type ParseResult, type Place } from './types.ts';

export { formatProblem } from './format-problem.ts';

/** An RFC 7946 validator: the issues it finds in a GeoJSON text, located by character offset. */
export type GeoJsonChecker = (text: string) => ReadonlyArray<{ readonly from: number; readonly message: string }>;

/** Options of `parseStory`. */
export interface ParseStoryOptions {
  /**
   * Run the full RFC 7946 validator (@placemarkio/check-geojson) besides the story's own checks.
   * It only adds what they do not say (they check every position and line whatever the size), so
   * a file's problems read the same above and below the limit. Defaults to true for files up to
   * `FULL_VALIDATION_MAX_BYTES` (1 MB): it builds a syntax tree, which takes seconds on 5 MB.
   */
  readonly fullValidation?: boolean;
}

/**
 * Parses and checks a story file (a GeoJSON FeatureCollection with a `story` member): the file's
 * size, nesting and duplicate keys, then one schema per concern (meta, paragraphs, features by
 * kind, steps, cameras, tiles), references between them once every id is known, and the RFC 7946
 * validator. Returns the typed story, or every problem found, each naming the feature and field.
 */
export function parseStory(text: string, options: ParseStoryOptions = {}): ParseResult {
  // Editors on Windows often save JSON with a byte order mark, which JSON.parse rejects.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const checker: GeoJsonChecker | null = (options.fullValidation ?? source.length <= FULL_VALIDATION_MAX_BYTES) ? getIssues : null;
  const problems = new ProblemList();

  // Length in UTF-16 units is at most the byte count, so this never refuses a file under the limit.
  if (source.length > MAX_STORY_BYTES) {
    problems.file('', `The file is ${formatMegabytes(source.length)} or more; story files are limited to ${formatMegabytes(MAX_STORY_BYTES)}.`);
    return problems.result();
  }
  const structure = scanJson(source, { maxDepth: MAX_NESTING_DEPTH });
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
  if (!rawFeatures) problems.file('features', 'A FeatureCollection needs a "features" list.');
  // JSON.parse keeps the last of two equal keys, silently dropping the first (a whole list of
  // passages, say): an author must hear of it.
  for (const { path, key } of structure.duplicateKeys) {
    problems.atPath([...path, key], `"${key}" is written twice in the same object; only the last would be read. Keep one.`, rawFeatures);
  }

  const reportFile = problems.atFile('');
  const storyMember = isRecord(data.story) ? data.story : null;
  if (data.story === undefined) {
    reportFile('story', 'The FeatureCollection has no "story" member: add one with title, publisher, published, dateline, language and paragraphs.');
  } else if (!storyMember) {
    reportFile('story', `"story" must be an object, not ${describe(data.story)}.`);
  }
  const meta = storyMember ? readMeta(storyMember, reportFile) : undefined;
  const paragraphs = storyMember ? readParagraphs(storyMember.paragraphs, reportFile) : [];
  const { places, waypoints, routes, cameras, declared } = readFeatures(rawFeatures ?? [], new Map(paragraphs.map((p) => [p.id, p])), problems);

  // References, once every id is known: stops, steps and cameras may name features further down.
  const stopIds = new Set([...places.map((p) => p.id), ...waypoints.map((w) => w.id)]);
  checkStops(routes, stopIds, declared, (index, id, path, message) => problems.feature(index, id, path, message));
  if (rawFeatures && places.length === 0 && problems.isEmpty()) {
    reportFile('features', 'The story has no places: add at least one Point feature with an "id", "properties.name" and "properties.passages".');
  }
  const positions = new Map([...places, ...waypoints].map((p) => [p.id, p.lngLat] as const));
  const cameraOf = (place: Place | null): Camera => {
    if (!place) {
      const fallback: Camera = { fit: places.map((p) => p.lngLat), maxZoom: DEFAULT_PLACE_ZOOM };
      const overview = storyMember?.camera;
      if (overview === undefined || overview === null) return fallback;
      return readCamera(overview, null, positions, declared, problems.atFile('story.camera')) ?? fallback;
    }
    const fallback: Camera = { center: place.lngLat, zoom: DEFAULT_PLACE_ZOOM };
    const raw = cameras.get(place.id);
    if (!raw) return fallback;
    const report = (path: string, message: string): void => problems.feature(raw.index, place.id, `properties.camera${path}`, message);
    return readCamera(raw.value, place.lngLat, positions, declared, report) ?? fallback;
  };
  const steps = storyMember ? readSteps(storyMember.steps, places, waypoints, declared, reportFile, cameraOf) : [];
  const tiles = storyMember ? readTiles(storyMember.tiles, reportFile) : null;

  // RFC 7946 (geometry types, feature shape, what the story's checks do not read) last: it adds
  // only problems at paths the story's own checks have not reported, in their words.
  if (checker) {
    const issues = checker(source);
    const paths = scanJson(source, { offsets: issues.map((issue) => issue.from) }).paths ?? [];
    issues.forEach((issue, i) => problems.atPath(paths[i] ?? [], issue.message, rawFeatures));
  }

  if (!problems.isEmpty() || !meta || tiles === undefined) return problems.result();
  return { ok: true, story: { meta, paragraphs, places, waypoints, routes: routes.map((r) => r.route), steps, tiles } };
}
