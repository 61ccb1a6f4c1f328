import Papa from 'papaparse';
import { buildStory, lost, toLngLat, toZoom, type ImportDetails, type ImportEntry, type ImportResult } from './build-story.ts';
import { htmlToParagraphs, htmlToText } from './html-to-paragraphs.ts';

/** The template's zoom for a chapter that names none (CHAPTER_ZOOM in its scripts/storymap.js). */
const TEMPLATE_ZOOM = 15;
/** The template's placeholder author, which is no byline. */
const PLACEHOLDER_AUTHOR = 'Insert Your Name';

function rows(csv: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw new Error(`The CSV is malformed at row ${fatal.row ?? '?'}: ${fatal.message}.`);
  return parsed.data;
}

/**
 * A story from the Leaflet StoryMaps with Google Sheets template (HandsOnDataViz): its
 * "Chapters" tab as CSV, and optionally its "Options" tab. Each chapter's title (its HTML, such
 * as icons, dropped) and description become paragraphs, and its Latitude and Longitude a place,
 * at its Zoom (the template's 15 when blank). Media, overlays, marker styles and the basemap's
 * provider name are reported as lost (one warning each).
 */
export function importSheets(
  chaptersCsv: string,
  optionsCsv: string | null,
  details: Omit<ImportDetails, 'title' | 'byline'> & { title?: string | null; byline?: string | null },
): ImportResult {
  const chapters = rows(chaptersCsv);
  if (chapters.length === 0 || !('Chapter' in (chapters[0] ?? {})) || !('Latitude' in (chapters[0] ?? {}))) {
    throw new Error('This is not the template\'s Chapters tab: it needs the columns "Chapter", "Latitude" and "Longitude".');
  }
  const options = new Map<string, string>();
  if (optionsCsv !== null) for (const row of rows(optionsCsv)) if (row.Setting) options.set(row.Setting.trim(), (row.Customize ?? '').trim());
  let media = 0;
  let overlays = 0;
  let styled = 0;
  let unplaced = 0;
  const entries: ImportEntry[] = chapters.map((row, index) => {
    const title = htmlToText(row.Chapter ?? '');
    const body = htmlToParagraphs(row.Description ?? '');
    if ((row['Media Link'] ?? '').trim()) media += 1;
    if ((row.Overlay ?? '').trim() || (row['GeoJSON Overlay'] ?? '').trim()) overlays += 1;
    const marker = (row.Marker ?? '').trim();
    if ((marker && marker !== 'Plain') || ((row['Marker Color'] ?? '').trim() && row['Marker Color']!.trim() !== 'blue')) styled += 1;
    const lngLat = toLngLat(row.Longitude, row.Latitude);
    if (!lngLat) unplaced += 1;
    return {
      name: title || `Chapter ${index + 1}`,
      paragraphs: title ? [title, ...body] : body,
      lngLat,
      zoom: lngLat ? (toZoom(row.Zoom) ?? TEMPLATE_ZOOM) : null,
    };
  });
  const basemap = options.get('Basemap Tiles');
  const warnings = [
    lost(media, ['chapter has', 'chapters have'], 'media (an image, audio or video): not imported, the story format has no media.'),
    lost(overlays, ['chapter has', 'chapters have'], 'a tile or GeoJSON overlay: not imported.'),
    lost(styled, ['chapter has', 'chapters have'], 'a numbered, hidden or coloured marker: places are drawn alike.'),
    lost(unplaced, ['chapter has', 'chapters have'], 'no valid Latitude and Longitude: its text is in the article, on no place.'),
    basemap ? `The basemap "${basemap}" (a leaflet-providers name) was not imported: set tiles with "tiles" (docs/story-format.md).` : null,
  ].filter((line): line is string => line !== null);
  const title = details.title ?? (options.get('Storymap Title') ? htmlToText(options.get('Storymap Title')!) : null);
  if (!title) throw new Error('No title: give one with --title, or the Options tab ("Storymap Title").');
  const author = options.get('Author Name');
  const byline = details.byline ?? (author && author !== PLACEHOLDER_AUTHOR ? htmlToText(author) : null);
  return buildStory(entries, { ...details, title, byline }, warnings);
}
