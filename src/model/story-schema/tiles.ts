import type { TileSource } from '../types.ts';
import { describe, isRecord } from './fields.ts';
import type { Report } from './problems.ts';

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const TILE_PLACEHOLDERS = new Set(['z', 'x', 'y', 's', 'r', '-y']);

/** `story.tiles`: "none", or a tile source whose URLs are http(s) and whose attribution is text. */
export function readTiles(value: unknown, report: Report): TileSource | 'none' | null | undefined {
  if (value === undefined || value === null) return null;
  if (value === 'none') return 'none';
  if (!isRecord(value)) {
    report('story.tiles', `"tiles" must be "none" or an object with "url" and "attribution", not ${describe(value)}.`);
    return undefined;
  }
  let ok = true;
  const fail = (key: string, message: string): void => {
    report(`story.tiles.${key}`, message);
    ok = false;
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
  if (typeof attribution !== 'string' || attribution.trim() === '') fail('attribution', 'Tiles need their provider\'s attribution, as plain text.');
  if (attributionUrl !== undefined && attributionUrl !== null && (typeof attributionUrl !== 'string' || !HTTP_URL.test(attributionUrl))) {
    fail('attributionUrl', `The attribution link must be an http(s) URL, not ${describe(attributionUrl)}.`);
  }
  if (maxZoom !== undefined && maxZoom !== null && (typeof maxZoom !== 'number' || !Number.isInteger(maxZoom) || maxZoom < 0 || maxZoom > 24)) {
    fail('maxZoom', `"maxZoom" must be a whole number from 0 to 24, not ${describe(maxZoom)}.`);
  }
  if (subdomains !== undefined && subdomains !== null && (typeof subdomains !== 'string' || !/^[a-z0-9]+$/i.test(subdomains))) {
    fail('subdomains', `"subdomains" must be letters or digits such as "abc", not ${describe(subdomains)}.`);
  }
  if (!ok) return undefined;
  return {
    url: url as string,
    attribution: (attribution as string).trim(),
    attributionUrl: typeof attributionUrl === 'string' ? attributionUrl : null,
    maxZoom: typeof maxZoom === 'number' ? maxZoom : null,
    subdomains: typeof subdomains === 'string' ? subdomains : null,
  };
}
