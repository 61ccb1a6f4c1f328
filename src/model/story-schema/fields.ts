import { isIsoDate } from '../iso-date.ts';
import { canonicalLanguageTag } from '../language-tag.ts';
import { OVERVIEW_SLUG, type LngLat } from '../types.ts';
import type { Report } from './problems.ts';

// The field kit: each check reads one value, reports what is wrong with it at `path`, and returns
// undefined when it failed (null when an optional value is absent), so that a schema reads as a
// list of its fields and a failure never lets a half-read value through.

/** Ids of places, waypoints and routes: lowercase words joined by hyphens, as used in URLs. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names a JSON value for a message, briefly and without echoing long text. */
export function describe(value: unknown): string {
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

/** A required, non-empty text, trimmed. `owner` names whose it is: `The story's "title"`, `The "name"`. */
export function requiredText(value: unknown, report: Report, path: string, owner: string): string | undefined {
  if (value === undefined || value === null) {
    report(path, `${owner} is missing.`);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    report(path, `${owner} must be a non-empty text, not ${describe(value)}.`);
    return undefined;
  }
  return value.trim();
}

/** An optional text, trimmed; null when absent or blank. */
export function optionalText(value: unknown, report: Report, path: string, owner: string): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    report(path, `${owner} must be a text, not ${describe(value)}.`);
    return undefined;
  }
  return value.trim() === '' ? null : value.trim();
}

/** A list of texts; [] when absent and optional. */
export function textList(value: unknown, report: Report, path: string, key: string, required: boolean): string[] | undefined {
  if (value === undefined || value === null) {
    if (!required) return [];
    report(path, `The "${key}" list is missing.`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    report(path, `The "${key}" must be a list of texts, not ${describe(value)}.`);
    return undefined;
  }
  let ok = true;
  value.forEach((item, i) => {
    if (typeof item !== 'string') {
      report(`${path}[${i}]`, `Each entry must be a text, not ${describe(item)}.`);
      ok = false;
    }
  });
  return ok ? (value as string[]) : undefined;
}

/** A feature's id as a slug (uniqueness is the caller's, which knows the other ids). */
export function slug(value: unknown, report: Report, path: string, required: boolean): string | null | undefined {
  if (value === undefined) {
    if (!required) return null;
    report(path, 'The feature has no "id": give it a short slug such as "khasan".');
    return undefined;
  }
  if (typeof value !== 'string') {
    report(path, typeof value === 'number' ? `${value} is a number: use a text slug such as "khasan".` : `The "id" must be a text slug such as "khasan", not ${describe(value)}.`);
    return undefined;
  }
  if (!SLUG.test(value)) {
    report(path, `${JSON.stringify(value)} is not a slug: use lowercase letters, digits and single hyphens, such as "russky-island".`);
    return undefined;
  }
  if (value === OVERVIEW_SLUG) {
    report(path, `"${OVERVIEW_SLUG}" is reserved for the first step of every story: choose another id.`);
    return undefined;
  }
  return value;
}

/** An ISO 8601 date or date-time, as written. */
export function isoDate(value: string, report: Report, path: string): string | undefined {
  if (isIsoDate(value)) return value;
  report(path, `"${value}" is not an ISO 8601 date such as "2019-04-24".`);
  return undefined;
}

/**
 * A BCP 47 language tag that browsers accept, in canonical form ("pt-br" becomes "pt-BR"): it
 * feeds every date and number the reader sees (Intl).
 */
export function languageTag(value: string, report: Report, path: string): string | undefined {
  const canonical = canonicalLanguageTag(value);
  if (canonical !== null) return canonical;
  report(path, `${describe(value)} is not a language tag that browsers understand: use one such as "en", "en-GB", "pt-BR" or "nan" (Min Nan Chinese).`);
  return undefined;
}

/**
 * A GeoJSON position: [longitude, latitude] in range, optionally with an altitude. Its shape is
 * reported in the RFC 7946 validator's words, so that a file reads the same whether or not the
 * validator runs (it does not on files over 1 MB).
 */
export function lngLat(value: unknown, report: Report, path: string): LngLat | undefined {
  if (!Array.isArray(value)) {
    report(path, 'A position must be a list of numbers: [longitude, latitude].');
    return undefined;
  }
  if (value.length < 2 || value.length > 3) {
    report(path, `A position should have 2 or 3 elements - found ${value.length}.`);
    return undefined;
  }
  const notNumbers = value.flatMap((n, i) => (typeof n === 'number' ? [] : [i]));
  if (notNumbers.length > 0) {
    for (const i of notNumbers) report(`${path}[${i}]`, 'Each element in a position must be a number.');
    return undefined;
  }
  const [lng, lat] = value as [number, number];
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
    report(path, 'Coordinates must be finite numbers.');
    return undefined;
  }
  let ok = true;
  if (lng < -180 || lng > 180) {
    report(`${path}[0]`, `${lng} is not a longitude (-180..180).`);
    ok = false;
  }
  if (lat < -90 || lat > 90) {
    const swapped = Math.abs(lng) <= 90 && Math.abs(lat) <= 180;
    report(
      `${path}[1]`,
      `${lat} is not a latitude (-90..90).` + (swapped ? ` The position looks like [latitude, longitude]: GeoJSON wants [longitude, latitude], so write [${lat}, ${lng}].` : ''),
    );
    ok = false;
  }
  return ok ? [lng, lat] : undefined;
}

/** A zoom level of the map, 0 to 22. */
export function zoom(value: unknown, report: Report, path: string, key: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 22) return value;
  report(path, `"${key}" must be a zoom level from 0 to 22, not ${describe(value)}.`);
  return undefined;
}

/**
 * An optional object keyed by stop id, each value checked by `valid`, as a Map (so that a stop
 * called "constructor" or "__proto__" is just a name); an empty Map when absent.
 */
export function stopRecord(value: unknown, report: Report, path: string, key: string, valid: (value: unknown) => boolean, what: string): Map<string, unknown> | undefined {
  if (value === undefined || value === null) return new Map();
  if (!isRecord(value)) {
    report(path, `"${key}" must be an object keyed by stop id, not ${describe(value)}.`);
    return undefined;
  }
  let ok = true;
  for (const [stop, entry] of Object.entries(value)) {
    if (!valid(entry)) {
      report(`${path}.${stop}`, `Each entry must be ${what}, not ${describe(entry)}.`);
      ok = false;
    }
  }
  return ok ? new Map(Object.entries(value)) : undefined;
}

/** An optional true or false; `fallback` when absent. */
export function flag(value: unknown, report: Report, path: string, key: string, fallback: boolean): boolean | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  report(path, `"${key}" must be true or false, not ${describe(value)}.`);
  return undefined;
}
