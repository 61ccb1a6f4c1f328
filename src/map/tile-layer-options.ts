import type { TileSource } from '../model/types.ts';
import { escapeHtml } from '../model/escape-html.ts';

/** A raster tile layer drawn under the story. */
export interface TileLayerOptions {
  /** URL template with `{z}`, `{x}`, `{y}` and optionally `{s}`. */
  readonly url: string;
  /** Attribution HTML required by the provider (set by the site, never by a story file). */
  readonly attribution: string;
  /** Defaults to 19. */
  readonly maxZoom?: number;
  /** Subdomains for `{s}`. Defaults to "abc". */
  readonly subdomains?: string;
}

/** OpenStreetMap's standard tiles, with the attribution their licence requires. */
export const OPENSTREETMAP_TILES: TileLayerOptions = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  maxZoom: 19,
};

/** Tile sources that work without a key, for a newsroom to choose from (see docs/basemap.md). */
export const CARTO_LIGHT_TILES: TileLayerOptions = {
  url: 'https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png',
  attribution:
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
  maxZoom: 20,
  subdomains: 'abcd',
};

/**
 * Turns a story file's tile source into layer options. A story's attribution is untrusted
 * text: it is escaped, and only an http(s) link (checked by parseStory) is made of it.
 */
export function tileOptionsFromStory(source: TileSource): TileLayerOptions {
  const text = escapeHtml(source.attribution);
  const attribution = source.attributionUrl
    ? `<a href="${escapeHtml(source.attributionUrl)}" rel="noopener noreferrer" target="_blank">${text}</a>`
    : text;
  return {
    url: source.url,
    attribution,
    ...(source.maxZoom !== null ? { maxZoom: source.maxZoom } : {}),
    ...(source.subdomains !== null ? { subdomains: source.subdomains } : {}),
  };
}
