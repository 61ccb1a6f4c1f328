import type { Camera, Paragraph, Place, Route, Step, Story, StoryMeta, TileSource, Waypoint } from './types.ts';

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
    Omit<Route, 'dates' | 'published'> & {
      readonly dates: ReadonlyArray<readonly [string, string]>;
      readonly published: ReadonlyArray<readonly [string, number]>;
    }
  >;
  readonly steps: ReadonlyArray<{ readonly slug: string; readonly place: string | null; readonly camera: Camera }>;
  readonly tiles: TileSource | 'none' | null;
}

/** Bumped whenever the shape above changes, so that a stale file is caught rather than misread. */
export const PREPARED_FORMAT = 'story-map/prepared-1';

/** A checked story as JSON-safe data (see `PreparedStory`). */
export function prepareStory(story: Story): PreparedStory {
  return {
    format: PREPARED_FORMAT,
    meta: story.meta,
    paragraphs: story.paragraphs,
    places: story.places.map((place) => ({ ...place, passages: place.passages.map((p) => p.id) })),
    waypoints: story.waypoints,
    routes: story.routes.map((route) => ({ ...route, dates: [...route.dates], published: [...route.published] })),
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
    routes: prepared.routes.map((route) => ({ ...route, dates: new Map(route.dates), published: new Map(route.published) })),
    steps,
    tiles: prepared.tiles,
  };
}
