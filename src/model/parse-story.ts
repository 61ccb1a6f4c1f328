import { getIssues } from '@placemarkio/check-geojson';
import { readStory } from './read-story.ts';
import { scanJson } from './scan-json.ts';
import { FULL_VALIDATION_MAX_BYTES, type ParseResult } from './types.ts';

export { formatProblem } from './format-problem.ts';

/** Options of `parseStory`. */
export interface ParseStoryOptions {
  /**
   * Run the full RFC 7946 validator (@placemarkio/check-geojson) besides the built-in checks.
   * Defaults to true for files up to `FULL_VALIDATION_MAX_BYTES` (1 MB).
   */
  readonly fullValidation?: boolean;
}

/**
 * Parses and checks a story file (a GeoJSON FeatureCollection with a `story` member), with the
 * full RFC 7946 validator and the scan for nesting depth and duplicate keys. Returns the typed story, or every problem found, each naming the
 * feature and the field.
 */
export function parseStory(text: string, options: ParseStoryOptions = {}): ParseResult {
  const full = options.fullValidation ?? text.length <= FULL_VALIDATION_MAX_BYTES;
  return readStory(text, { geojson: full ? getIssues : null, scan: scanJson });
}
