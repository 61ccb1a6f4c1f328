import type { LngLat } from '../types.ts';
import { uniqueSlugs } from './slug.ts';

/** One entry of a peer tool's story (a slide, a chapter), in its order, as plain text. */
export interface ImportEntry {
  /** The place's name as the tool shows it (a headline when it has no other). */
  readonly name: string;
  /** Its text, as plain paragraphs. */
  readonly paragraphs: readonly string[];
  /** Where it is; null for an entry with no place (an introduction, a closing slide). */
  readonly lngLat: LngLat | null;
  /** The zoom the tool shows it at, if it says. */
  readonly zoom: number | null;
}

/** What no peer tool records, and a story file must have: given by the person importing. */
export interface ImportDetails {
  readonly title: string;
  readonly byline: string | null;
  readonly publisher: string;
  readonly published: string;
  readonly dateline: string;
  readonly language: string;
}

/** The story file (GeoJSON, as written to disk) and what could not come across, one line per kind. */
export interface ImportResult {
  readonly story: StoryFile;
  readonly warnings: readonly string[];
}

/** The story file's shape, as far as importing writes it (docs/story-format.md). */
export interface StoryFile {
  readonly type: 'FeatureCollection';
  readonly story: {
    readonly title: string;
    readonly byline?: string;
    readonly publisher: string;
    readonly published: string;
    readonly dateline: string;
    readonly language: string;
    readonly paragraphs: ReadonlyArray<{ readonly id: string; readonly text: string }>;
    readonly steps: readonly string[];
  };
  readonly features: ReadonlyArray<{
    readonly type: 'Feature';
    readonly id: string;
    readonly geometry: { readonly type: 'Point'; readonly coordinates: LngLat };
    readonly properties: { readonly name: string; readonly passages: readonly string[]; readonly camera?: { readonly zoom: number } };
  }>;
}

/** Two positions closer than this (degrees, about 10 cm) are the same point. */
const SAME_POINT = 1e-6;

/**
 * The story file for a peer tool's entries: their text becomes the article's paragraphs, in
 * order; each entry with a place becomes a place whose passages are its paragraphs; entries in a
 * row at the same point become one place (a tool's way of telling more about one place); ids are
 * slugs of the names, made unique. Entries without a place keep their text in the article.
 */
export function buildStory(entries: readonly ImportEntry[], details: ImportDetails, warnings: readonly string[]): ImportResult {
  const paragraphs: Array<{ id: string; text: string }> = [];
  const places: Array<{ name: string; lngLat: LngLat; zoom: number | null; passages: string[] }> = [];
  let previous: (typeof places)[number] | null = null;
  let merged = 0;
  for (const entry of entries) {
    const ids = entry.paragraphs.map((text) => {
      const id = `p${paragraphs.length + 1}`;
      paragraphs.push({ id, text });
      return id;
    });
    if (!entry.lngLat) {
      previous = null;
      continue;
    }
    if (previous && samePoint(previous.lngLat, entry.lngLat)) {
      previous.passages.push(...ids);
      merged += 1;
      continue;
    }
    previous = { name: entry.name, lngLat: entry.lngLat, zoom: entry.zoom, passages: ids };
    places.push(previous);
  }
  const slug = uniqueSlugs();
  const features = places.map((place) => ({
    type: 'Feature' as const,
    id: slug(place.name),
    geometry: { type: 'Point' as const, coordinates: place.lngLat },
    properties: {
      name: place.name,
      passages: place.passages,
      ...(place.zoom !== null ? { camera: { zoom: place.zoom } } : {}),
    },
  }));
  return {
    story: {
      type: 'FeatureCollection',
      story: {
        title: details.title,
        ...(details.byline ? { byline: details.byline } : {}),
        publisher: details.publisher,
        published: details.published,
        dateline: details.dateline,
        language: details.language,
        paragraphs,
        steps: features.map((feature) => feature.id),
      },
      features,
    },
    warnings: merged > 0 ? [...warnings, `${merged} ${merged === 1 ? 'entry' : 'entries'} at the same point as the one before ${merged === 1 ? 'was' : 'were'} merged into one place.`] : warnings,
  };
}

function samePoint(a: LngLat, b: LngLat): boolean {
  return Math.abs(a[0] - b[0]) < SAME_POINT && Math.abs(a[1] - b[1]) < SAME_POINT;
}

/** A position from a tool's numbers, or null when they are not a place on Earth. */
export function toLngLat(lng: unknown, lat: unknown): LngLat | null {
  const x = typeof lng === 'string' ? Number(lng.trim()) : lng;
  const y = typeof lat === 'string' ? Number(lat.trim()) : lat;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (x < -180 || x > 180 || y < -90 || y > 90) return null;
  // Coordinates are kept to 6 decimals (about 10 cm): the format's precision, and the tools'.
  return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
}

/** A zoom from a tool's number, within the map's range, or null. */
export function toZoom(value: unknown): number | null {
  const zoom = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof zoom === 'number' && Number.isFinite(zoom) && zoom >= 0 && zoom <= 22 ? zoom : null;
}

/** "3 slides have media (…)": one line per kind of thing that could not come across. */
export function lost(count: number, unit: [string, string], what: string): string | null {
  return count > 0 ? `${count} ${count === 1 ? unit[0] : unit[1]} ${what}` : null;
}
