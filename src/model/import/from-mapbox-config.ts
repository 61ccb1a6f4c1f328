import JSON5 from 'json5';
import { buildStory, lost, toLngLat, toZoom, type ImportDetails, type ImportEntry, type ImportResult } from './build-story.ts';
import { htmlToParagraphs, htmlToText } from './html-to-paragraphs.ts';

interface Chapter {
  id?: unknown;
  title?: unknown;
  description?: unknown;
  image?: unknown;
  hidden?: unknown;
  location?: { center?: unknown; zoom?: unknown; pitch?: unknown; bearing?: unknown };
  onChapterEnter?: unknown;
  onChapterExit?: unknown;
  callback?: unknown;
}

/**
 * The object literal a Mapbox (or MapLibre) storytelling `config.js` assigns to `config`, read
 * as data with JSON5: never evaluated. A file whose literal holds code (functions) is refused.
 */
export function readConfigLiteral(source: string): Record<string, unknown> {
  const start = /\bconfig\s*=\s*\{/.exec(source);
  if (!start) throw new Error('This is not a storytelling config.js: no "config = { … }" in it.');
  const open = start.index + start[0].length - 1;
  // The matching brace, skipping strings and comments.
  let depth = 0;
  let end = -1;
  for (let i = open; i < source.length && end < 0; i += 1) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === '`') {
      for (i += 1; i < source.length && source[i] !== c; i += source[i] === '\\' ? 2 : 1);
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) end = i;
  }
  if (end < 0) throw new Error('The config object in this config.js never closes.');
  try {
    return JSON5.parse(source.slice(open, end + 1)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`The config object in this config.js is not plain data (${error instanceof Error ? error.message : String(error)}): callbacks and other code are not imported.`, {
      cause: error,
    });
  }
}

/**
 * A story from a Mapbox storytelling `config.js` (or a MapLibre fork's): each chapter's title
 * and description become paragraphs and its `location.center` ([lng, lat]) a place. The
 * access token and any style or layer settings are never copied; pitch, bearing, images and
 * layer changes are reported as lost (one warning each).
 */
export function importMapboxConfig(source: string, details: Omit<ImportDetails, 'title' | 'byline'> & { title?: string | null; byline?: string | null }): ImportResult {
  const config = readConfigLiteral(source);
  const chapters = Array.isArray(config.chapters) ? (config.chapters as Chapter[]) : null;
  if (!chapters) throw new Error('This config.js has no "chapters" list.');
  let images = 0;
  let angled = 0;
  let layers = 0;
  let hidden = 0;
  let unplaced = 0;
  const entries: ImportEntry[] = chapters.map((chapter, index) => {
    const title = typeof chapter.title === 'string' ? htmlToText(chapter.title) : '';
    const body = typeof chapter.description === 'string' ? htmlToParagraphs(chapter.description) : [];
    if (typeof chapter.image === 'string' && chapter.image) images += 1;
    if (chapter.hidden === true) hidden += 1;
    const location = chapter.location;
    if (location && ((typeof location.pitch === 'number' && location.pitch !== 0) || (typeof location.bearing === 'number' && location.bearing !== 0))) angled += 1;
    const changes = [chapter.onChapterEnter, chapter.onChapterExit].some((list) => Array.isArray(list) && list.length > 0);
    if (changes || chapter.callback) layers += 1;
    const center = Array.isArray(location?.center) ? (location.center as unknown[]) : null;
    const lngLat = center ? toLngLat(center[0], center[1]) : null;
    if (!lngLat) unplaced += 1;
    const name = title || (typeof chapter.id === 'string' ? chapter.id : `Chapter ${index + 1}`);
    return { name, paragraphs: title ? [title, ...body] : body, lngLat, zoom: location ? toZoom(location.zoom) : null };
  });
  const token = typeof config.accessToken === 'string' && config.accessToken !== '';
  const warnings = [
    token ? 'The access token was not copied: secrets never go into a story file.' : null,
    typeof config.style === 'string' ? `The map style (${String(config.style).replace(/\?.*$/, '')}) was not imported: the story map draws its own basemap; tiles can be set with "tiles" (docs/story-format.md).` : null,
    lost(images, ['chapter has', 'chapters have'], 'an image: not imported, the story format has no media.'),
    lost(angled, ['chapter is', 'chapters are'], 'seen at a pitch or bearing: imported flat, north up.'),
    lost(layers, ['chapter changes map layers or runs', 'chapters change map layers or run'], 'callbacks on entering or leaving: not imported.'),
    lost(hidden, ['chapter is', 'chapters are'], 'hidden in the original: imported as places like the others.'),
    lost(unplaced, ['chapter has', 'chapters have'], 'no valid location.center: its text is in the article, on no place.'),
  ].filter((line): line is string => line !== null);
  const title = details.title ?? (typeof config.title === 'string' && config.title.trim() ? htmlToText(config.title) : null);
  if (!title) throw new Error('This config.js has no title: give one with --title.');
  const byline = details.byline ?? (typeof config.byline === 'string' && config.byline.trim() ? htmlToText(config.byline).replace(/^by\s+/i, '') : null);
  return buildStory(entries, { ...details, title, byline }, warnings);
}
