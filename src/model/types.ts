/** A position in GeoJSON order: longitude, then latitude (degrees, WGS 84). */
export type LngLat = readonly [lng: number, lat: number];

/** One paragraph of the article, held once, in article order. */
export interface Paragraph {
  readonly id: string;
  readonly text: string;
  /** Position in the article, from 0. */
  readonly index: number;
}

/** The article's metadata, from the FeatureCollection's `story` member. */
export interface StoryMeta {
  /** The headline. */
  readonly title: string;
  readonly publisher: string;
  /** The publication date as written in the file (ISO 8601). */
  readonly published: string;
  readonly dateline: string;
  /** BCP 47 language tag of the text, such as `en`. */
  readonly language: string;
  /** The reporters, without a leading "By". Defaults to none. */
  readonly byline: string | null;
  /** A line of further credit, such as contributing writers. Defaults to none. */
  readonly credit: string | null;
  /** Credits for the story's map data (routes, drawn points), shown in the map's attribution. Defaults to none. */
  readonly mapCredits: string | null;
}

/** A place of the story: a Point feature whose marker opens its passages. */
export interface Place {
  readonly id: string;
  readonly name: string;
  readonly lngLat: LngLat;
  /** Paragraphs about this place, in article order. */
  readonly passages: readonly Paragraph[];
  readonly aliases: readonly string[];
  /** One line on the place's role in the story. Defaults to none. */
  readonly summary: string | null;
}

/** A stop on a route that is not a story place (drawn small, never a step). */
export interface Waypoint {
  readonly id: string;
  readonly name: string;
  readonly lngLat: LngLat;
  readonly summary: string | null;
}

/** A leg of the journey: a line travelled by one mode, through named stops. */
export interface Route {
  readonly id: string;
  readonly name: string;
  readonly mode: string;
  /** One or more lines of positions; a LineString has exactly one. */
  readonly lines: readonly (readonly LngLat[])[];
  /** Ids of the places or waypoints passed, in travel order. */
  readonly stops: readonly string[];
  /** Calendar dates (ISO) at stops, where known: `{ "khasan": "2019-04-24" }`. */
  readonly dates: ReadonlyMap<string, string>;
  /** Published distances (km from the journey's start) at stops, to calibrate the readout. */
  readonly published: ReadonlyMap<string, number>;
  /** The line is drawn through a few points, not surveyed (a motorcade without road data). */
  readonly approximate: boolean;
}

/** Where the map looks for a step: a centre and zoom, or a set of positions to fit. */
export type Camera =
  | { readonly center: LngLat; readonly zoom: number }
  | { readonly fit: readonly LngLat[]; readonly maxZoom: number };

/** Zoom at which a place is shown by default: the place with its surroundings (a city and its region). */
export const DEFAULT_PLACE_ZOOM = 9;

/** A step of the story: the overview (place null) or one place. */
export interface Step {
  /** The URL-safe name: `overview`, or the place's id. */
  readonly slug: string;
  readonly place: Place | null;
  /** Where the map looks at this step. */
  readonly camera: Camera;
}

/**
 * A raster tile source named by a story file. Its attribution is plain text (a story file
 * never supplies HTML), optionally linked to an http(s) URL.
 */
export interface TileSource {
  /** URL template with `{z}`, `{x}`, `{y}` and optionally `{s}`, over https or http. */
  readonly url: string;
  readonly attribution: string;
  readonly attributionUrl: string | null;
  readonly maxZoom: number | null;
  readonly subdomains: string | null;
}

/** A parsed, checked story, ready to show. */
export interface Story {
  readonly meta: StoryMeta;
  readonly paragraphs: readonly Paragraph[];
  readonly places: readonly Place[];
  readonly waypoints: readonly Waypoint[];
  readonly routes: readonly Route[];
  /** The overview first, then the places in story order. */
  readonly steps: readonly Step[];
  /** Tiles the story asks for: a source, `none` for no tiles, or null to leave it to the site. */
  readonly tiles: TileSource | 'none' | null;
}

/** One thing wrong with a story file, located as precisely as possible. */
export interface StoryProblem {
  /** Index of the feature in `features` (from 0), or null for the file or `story` member. */
  readonly featureIndex: number | null;
  /** The feature's id when it has a usable one. */
  readonly featureId: string | null;
  /** Where in the feature (or the file, when featureIndex is null), such as `geometry.coordinates[1]`. */
  readonly path: string;
  readonly message: string;
}

/** The outcome of parsing: a story, or every problem found. */
export type ParseResult =
  | { readonly ok: true; readonly story: Story }
  | { readonly ok: false; readonly problems: readonly StoryProblem[] };

/** The largest story file accepted, in bytes (10 MB): far above any article, far below what hangs a phone. */
export const MAX_STORY_BYTES = 10 * 1024 * 1024;

/**
 * Files up to this size (1 MB) get the full RFC 7946 validator besides the built-in checks; it
 * builds a syntax tree and takes seconds on a 5 MB file, so larger files rely on the built-in
 * checks of every position and line (`npm run validate` always runs it).
 */
export const FULL_VALIDATION_MAX_BYTES = 1024 * 1024;

/** The deepest nesting of lists and objects accepted; GeoJSON stories need about 6. */
export const MAX_NESTING_DEPTH = 64;

/** The slug of the first step, which shows every place. */
export const OVERVIEW_SLUG = 'overview';

/** The name of the first step, wherever it is shown or told (a heading, a button, an event). */
export const OVERVIEW_NAME = 'All places';
