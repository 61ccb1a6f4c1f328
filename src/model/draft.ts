import { toLngLat } from './import/build-story.ts';
import { slugify, uniqueSlugs } from './import/slug.ts';
import type { LngLat } from './types.ts';

/**
 * A story being written in the editor: what an author fills in, kept as plain data (it is saved
 * as is in the browser's storage) and turned into a story file by `storyFileFromDraft`.
 */
export interface Draft {
  readonly details: DraftDetails;
  /** The article, in order. Ids stay with their paragraph while the text around it changes. */
  readonly paragraphs: Array<{ readonly id: string; readonly text: string }>;
  /** The places, in the order the story visits them (its steps). */
  readonly places: DraftPlace[];
  /**
   * What the editor does not edit, kept as it was in an opened file and written back unchanged:
   * the `story` member's other fields (camera, tiles, mapCredits...) and the other features
   * (routes, waypoints).
   */
  readonly kept: { readonly story: Record<string, unknown>; readonly features: unknown[] };
}

/** The story's details, as typed (empty: not given). */
export interface DraftDetails {
  title: string;
  byline: string;
  credit: string;
  publisher: string;
  /** ISO 8601 date, as a date field gives it. */
  published: string;
  dateline: string;
  language: string;
}

/** A place being written. */
export interface DraftPlace {
  id: string;
  name: string;
  /** Null until placed on the map. */
  lngLat: LngLat | null;
  /** Ids of the paragraphs about it (any order: written in article order). */
  passages: string[];
  summary: string;
  aliases: string[];
  /** The id follows the name until the place comes from a file (whose links use its id). */
  idFromName: boolean;
  /** The feature's other properties in an opened file (camera...), written back unchanged. */
  kept: Record<string, unknown>;
}

/** A story file's JSON, as the editor writes it (docs/story-format.md). */
export type StoryFileJson = {
  type: 'FeatureCollection';
  story: Record<string, unknown>;
  features: unknown[];
};

export function emptyDraft(): Draft {
  return {
    details: { title: '', byline: '', credit: '', publisher: '', published: '', dateline: '', language: 'en' },
    paragraphs: [],
    places: [],
    kept: { story: {}, features: [] },
  };
}

/** The article's paragraphs: blank lines split them; line breaks inside one become spaces. */
export function splitArticle(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

/** The article as an author edits it: paragraphs separated by blank lines. */
export function articleText(draft: Draft): string {
  return draft.paragraphs.map((paragraph) => paragraph.text).join('\n\n');
}

/**
 * Replaces the article's text. A paragraph whose text is unchanged keeps its id (and so its
 * places); a paragraph edited in place keeps the id of the one it replaces when the number of
 * paragraphs is unchanged; new paragraphs get new ids. Places lose only paragraphs that are gone.
 */
export function setArticle(draft: Draft, text: string): Draft {
  const texts = splitArticle(text);
  const old = draft.paragraphs;
  const unused = new Map<string, string[]>();
  for (const paragraph of old) unused.set(paragraph.text, [...(unused.get(paragraph.text) ?? []), paragraph.id]);
  const taken = new Set<string>();
  const ids: Array<string | null> = texts.map((paragraphText) => {
    const id = unused.get(paragraphText)?.shift() ?? null;
    if (id !== null) taken.add(id);
    return id;
  });
  // Same number of paragraphs: an edited one is the one at its position.
  if (texts.length === old.length) {
    ids.forEach((id, index) => {
      const previous = old[index]?.id;
      if (id === null && previous !== undefined && !taken.has(previous)) {
        ids[index] = previous;
        taken.add(previous);
      }
    });
  }
  let next = old.reduce((highest, paragraph) => Math.max(highest, Number(/^p(\d+)$/.exec(paragraph.id)?.[1] ?? 0)), 0);
  const paragraphs = texts.map((paragraphText, index) => {
    let id = ids[index] ?? null;
    while (id === null || (ids[index] === null && taken.has(id))) {
      next += 1;
      id = `p${next}`;
    }
    taken.add(id);
    return { id, text: paragraphText };
  });
  const kept = new Set(paragraphs.map((paragraph) => paragraph.id));
  return {
    ...draft,
    paragraphs,
    places: draft.places.map((place) => ({ ...place, passages: place.passages.filter((id) => kept.has(id)) })),
  };
}

/** A new place at the end of the story, with an id from its name unique in the draft. */
export function addPlace(draft: Draft, name: string, lngLat: LngLat | null): { draft: Draft; id: string } {
  const id = uniqueId(draft, name);
  const place: DraftPlace = { id, name, lngLat, passages: [], summary: '', aliases: [], idFromName: true, kept: {} };
  return { draft: { ...draft, places: [...draft.places, place] }, id };
}

/** Renames a place; its id follows the name unless it came from a file. */
export function renamePlace(draft: Draft, id: string, name: string): { draft: Draft; id: string } {
  const place = draft.places.find((candidate) => candidate.id === id);
  if (!place) return { draft, id };
  const others = { ...draft, places: draft.places.filter((candidate) => candidate !== place) };
  const newId = place.idFromName && name.trim() !== '' ? uniqueId(others, name) : id;
  return { draft: updatePlace(draft, id, { name, id: newId }), id: newId };
}

/** The draft with one place changed. */
export function updatePlace(draft: Draft, id: string, change: Partial<DraftPlace>): Draft {
  return { ...draft, places: draft.places.map((place) => (place.id === id ? { ...place, ...change } : place)) };
}

/** Attaches a paragraph to a place, or detaches it if attached. */
export function togglePassage(draft: Draft, placeId: string, paragraphId: string): Draft {
  const place = draft.places.find((candidate) => candidate.id === placeId);
  if (!place) return draft;
  const passages = place.passages.includes(paragraphId)
    ? place.passages.filter((id) => id !== paragraphId)
    : [...place.passages, paragraphId];
  return updatePlace(draft, placeId, { passages });
}

/** Moves a place `by` steps earlier (negative) or later in the story, within its ends. */
export function movePlace(draft: Draft, id: string, by: number): Draft {
  const from = draft.places.findIndex((place) => place.id === id);
  if (from < 0) return draft;
  const to = Math.max(0, Math.min(draft.places.length - 1, from + by));
  const places = [...draft.places];
  const [place] = places.splice(from, 1);
  if (place) places.splice(to, 0, place);
  return { ...draft, places };
}

export function removePlace(draft: Draft, id: string): Draft {
  return { ...draft, places: draft.places.filter((place) => place.id !== id) };
}

function uniqueId(draft: Draft, name: string): string {
  return uniqueSlugs(draft.places.map((place) => place.id))(name);
}

/**
 * The story file for a draft. A place not yet on the map is written with a null geometry (valid
 * GeoJSON, which the validator reports as a place to put on the map), so nothing written is lost.
 */
export function storyFileFromDraft(draft: Draft): StoryFileJson {
  const { details } = draft;
  const order = new Map(draft.paragraphs.map((paragraph, index) => [paragraph.id, index]));
  const optional = (name: string, value: string): Record<string, string> => (value.trim() !== '' ? { [name]: value.trim() } : {});
  const places = draft.places.map((place) => ({
    type: 'Feature',
    id: place.id,
    geometry: place.lngLat ? { type: 'Point', coordinates: [place.lngLat[0], place.lngLat[1]] } : null,
    properties: {
      ...place.kept,
      name: place.name.trim(),
      passages: [...new Set(place.passages)].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity)),
      ...optional('summary', place.summary),
      ...(place.aliases.length > 0 ? { aliases: place.aliases } : {}),
    },
  }));
  return {
    type: 'FeatureCollection',
    story: {
      title: details.title.trim(),
      ...optional('byline', details.byline),
      ...optional('credit', details.credit),
      publisher: details.publisher.trim(),
      published: details.published.trim(),
      dateline: details.dateline.trim(),
      language: details.language.trim(),
      ...draft.kept.story,
      paragraphs: draft.paragraphs.map((paragraph) => ({ id: paragraph.id, text: paragraph.text })),
      steps: draft.places.map((place) => place.id),
    },
    features: [...places, ...draft.kept.features],
  };
}

const DETAIL_NAMES = ['title', 'byline', 'credit', 'publisher', 'published', 'dateline', 'language'] as const;

/**
 * A draft from a story file's JSON, read leniently: whatever can be edited is taken, even from a
 * file with problems (the editor shows them); what cannot be edited is kept as it is. Throws an
 * Error saying why when the JSON is not a story file at all.
 */
export function draftFromStoryFile(json: unknown): Draft {
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new Error('This is not a story file: a story is a GeoJSON FeatureCollection with a "story" member (docs/story-format.md).');
  }
  const story = isObject(json.story) ? json.story : {};
  const details = emptyDraft().details;
  const keptStory: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(story)) {
    if ((DETAIL_NAMES as readonly string[]).includes(name) && typeof value === 'string') details[name as (typeof DETAIL_NAMES)[number]] = value;
    else if (name !== 'paragraphs' && name !== 'steps') keptStory[name] = value;
  }
  const paragraphs = (Array.isArray(story.paragraphs) ? story.paragraphs : [])
    .filter(isObject)
    .map((paragraph, index) => ({
      id: typeof paragraph.id === 'string' && paragraph.id !== '' ? paragraph.id : `p${index + 1}`,
      text: typeof paragraph.text === 'string' ? paragraph.text : '',
    }));
  const places: DraftPlace[] = [];
  const keptFeatures: unknown[] = [];
  for (const feature of json.features) {
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : null;
    const geometry = isObject(feature) && isObject(feature.geometry) ? feature.geometry : null;
    const isPlace = properties && properties.kind === undefined && (geometry === null || geometry.type === 'Point');
    if (!isObject(feature) || !properties || !isPlace) {
      keptFeatures.push(feature);
      continue;
    }
    const { name, passages, summary, aliases, ...rest } = properties;
    const coordinates = geometry && Array.isArray(geometry.coordinates) ? geometry.coordinates : null;
    const lngLat: LngLat | null =
      coordinates && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number' ? [coordinates[0], coordinates[1]] : null;
    places.push({
      id: typeof feature.id === 'string' ? feature.id : slugify(typeof name === 'string' ? name : 'place'),
      name: typeof name === 'string' ? name : '',
      lngLat,
      passages: Array.isArray(passages) ? passages.filter((id): id is string => typeof id === 'string') : [],
      summary: typeof summary === 'string' ? summary : '',
      aliases: Array.isArray(aliases) ? aliases.filter((alias): alias is string => typeof alias === 'string') : [],
      idFromName: false,
      kept: rest,
    });
  }
  // The story's order: its steps first, then the places it leaves out, in file order.
  const steps = Array.isArray(story.steps) ? story.steps.filter((step): step is string => typeof step === 'string') : [];
  const rank = (place: DraftPlace): number => {
    const index = steps.indexOf(place.id);
    return index < 0 ? steps.length + places.indexOf(place) : index;
  };
  places.sort((a, b) => rank(a) - rank(b));
  return { details, paragraphs, places, kept: { story: keptStory, features: keptFeatures } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `parsePosition` makes of typed text. */
export type PositionInput = { readonly ok: true; readonly lngLat: LngLat } | { readonly ok: false; readonly message: string };

/**
 * A position typed or pasted as map sites show it, latitude first: "43.11124, 131.88191",
 * "43.11124 131.88191", "43.11124° N, 131.88191° E". Returned as [lng, lat], to 6 decimals.
 */
export function parsePosition(text: string): PositionInput {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*°?\s*([NS])?\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*°?\s*([EW])?\s*$/i.exec(text);
  if (!match) {
    return { ok: false, message: 'Type the latitude, then the longitude, in degrees: “43.1112, 131.8819”.' };
  }
  let lat = Number(match[1]);
  let lng = Number(match[3]);
  if (match[2]?.toUpperCase() === 'S') lat = -Math.abs(lat);
  if (match[4]?.toUpperCase() === 'W') lng = -Math.abs(lng);
  if (Math.abs(lat) > 90) {
    return Math.abs(lng) <= 90 && Math.abs(lat) <= 180
      ? { ok: false, message: `${lat} is not a latitude (-90 to 90): did you put the longitude first? Latitude comes first: “${lng}, ${lat}”.` }
      : { ok: false, message: `${lat} is not a latitude (-90 to 90).` };
  }
  // In range, kept to the story format's 6 decimals.
  const lngLat = toLngLat(lng, lat);
  return lngLat ? { ok: true, lngLat } : { ok: false, message: `${lng} is not a longitude (-180 to 180).` };
}

/** A position as the editor shows it: latitude first, as typed. */
export function formatPosition(lngLat: LngLat): string {
  return `${lngLat[1]}, ${lngLat[0]}`;
}
