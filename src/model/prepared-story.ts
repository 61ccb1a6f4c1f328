import type { Camera, LngLat, Paragraph, Place, Route, Step, Story, StoryMeta, TileSource, Waypoint } from './types.ts';

/**
 * A story already read and checked, as JSON: what `npm run build:story` writes for the story
 * that ships with the app (data/kim-putin-2019.story.json), so that its readers' first view loads
 * neither the story checks (6 KB of code) nor the GeoJSON's documentation fields. Passages and
 * steps name paragraphs and places by id; `hydrateStory` links them again.
 */
export interface PreparedStory {
  readonly format: typeof PREPARED_FORMAT;
  readonly meta: StoryMeta;
  readonly paragraphs: readonly Paragraph[];
  readonly places: ReadonlyArray<Omit<Place, 'passages'> & { readonly passages: readonly string[] }>;
  readonly waypoints: readonly Waypoint[];
  readonly routes: ReadonlyArray<
    Omit<Route, 'lines' | 'dates' | 'published'> & {
      /** Each line as whole numbers of 1e-5 degree: the first position, then each one's difference from the last. */
      readonly lines: ReadonlyArray<readonly number[]>;
      readonly dates: ReadonlyArray<readonly [string, string]>;
      readonly published: ReadonlyArray<readonly [string, number]>;
    }
  >;
  readonly steps: ReadonlyArray<{ readonly slug: string; readonly place: string | null; readonly camera: Camera }>;
  readonly tiles: TileSource | 'none' | null;
}

/** Bumped whenever the shape above changes, so that a stale file is caught rather than misread. */
export const PREPARED_FORMAT = 'story-map/prepared-2';

/** Whole numbers of this fraction of a degree: about 1 m, the precision route files are written in. */
const STEP = 1e5;

/**
 * A line as differences of whole 1e-5 degrees, which compress to half the size of the positions
 * written out. Refuses a line written more finely, which would not come back the same.
 */
function encodeLine(line: readonly LngLat[]): number[] {
  const out: number[] = [];
  let [x0, y0] = [0, 0];
  for (const [lng, lat] of line) {
    const [x, y] = [Math.round(lng * STEP), Math.round(lat * STEP)];
    if (x / STEP !== lng || y / STEP !== lat) throw new Error(`[${lng}, ${lat}] is finer than 1e-5 degree: write it with five decimals at most.`);
    out.push(x - x0, y - y0);
    [x0, y0] = [x, y];
  }
  return out;
}

function decodeLine(deltas: readonly number[]): LngLat[] {
  const line: LngLat[] = [];
  let [x, y] = [0, 0];
  for (let i = 0; i + 1 < deltas.length; i += 2) {
    x += deltas[i]!;
    y += deltas[i + 1]!;
    line.push([x / STEP, y / STEP]);
  }
  return line;
}

/** A checked story as JSON-safe data (see `PreparedStory`). */
export function prepareStory(story: Story): PreparedStory {
  return {
    format: PREPARED_FORMAT,
    meta: story.meta,
    paragraphs: story.paragraphs,
    places: story.places.map((place) => ({ ...place, passages: place.passages.map((p) => p.id) })),
    waypoints: story.waypoints,
    routes: story.routes.map((route) => ({ ...route, lines: route.lines.map(encodeLine), dates: [...route.dates], published: [...route.published] })),
    steps: story.steps.map((step) => ({ slug: step.slug, place: step.place?.id ?? null, camera: step.camera })),
    tiles: story.tiles,
  };
}

/**
 * The story a prepared file holds. Only for files this project wrote (it trusts their content,
 * which was checked when they were written); throws on a file of another format.
 */
export function hydrateStory(prepared: PreparedStory): Story {
  if (prepared?.format !== PREPARED_FORMAT) throw new Error(`Not a prepared story of format ${PREPARED_FORMAT}.`);
  const paragraphs = new Map(prepared.paragraphs.map((p) => [p.id, p]));
  const places: Place[] = prepared.places.map((place) => ({ ...place, passages: place.passages.map((id) => paragraphs.get(id)!) }));
  const byId = new Map(places.map((place) => [place.id, place]));
  const steps: Step[] = prepared.steps.map((step) => ({ slug: step.slug, place: step.place === null ? null : byId.get(step.place)!, camera: step.camera }));
  return {
    meta: prepared.meta,
    paragraphs: prepared.paragraphs,
    places,
    waypoints: prepared.waypoints,
    routes: prepared.routes.map((route) => ({
      ...route,
      lines: route.lines.map(decodeLine),
      dates: new Map(route.dates),
      published: new Map(route.published),
    })),
    steps,
    tiles: prepared.tiles,
  };
}
