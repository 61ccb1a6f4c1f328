/** Heights an embed accepts, in CSS pixels: the story needs 200; past 4,000 is a mistake or an attack. */
export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 4000;

/**
 * The fixed height an author asked for (`height="600"`, `?height=600`), held within 200-4,000 px,
 * or null when none was given or it is not a number. `height="1e9"` would otherwise make an
 * element 33 million pixels tall that asks for thousands of tiles.
 */
export function fixedHeight(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const height = Number(value);
  if (!Number.isFinite(height)) return null;
  return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
}
