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
