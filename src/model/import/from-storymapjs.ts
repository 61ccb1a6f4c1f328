import { buildStory, lost, toLngLat, toZoom, type ImportDetails, type ImportEntry, type ImportResult } from './build-story.ts';
import { htmlToParagraphs, htmlToText } from './html-to-paragraphs.ts';

/** The parts of a Knight Lab StoryMapJS file that are read; the rest is reported as lost. */
interface Slide {
  type?: unknown;
  text?: { headline?: unknown; text?: unknown };
  location?: { lat?: unknown; lon?: unknown; zoom?: unknown; name?: unknown; icon?: unknown; line?: unknown };
  media?: { url?: unknown };
  background?: unknown;
}

/** The editor's placeholder for a location's name, which is no name. */
const PLACEHOLDER_NAMES = new Set(['', 'location']);

/**
 * A story from a StoryMapJS file (`{ "storymap": { "slides": [...] } }`): each slide's headline
 * and text become paragraphs; a slide with a location becomes a place, named by its location's
 * name or else its headline. The overview slide's headline is the story's title unless one is
 * given. Media, custom icons, the lines between slides and backgrounds are not imported (one
 * warning each).
 */
export function importStoryMapJs(text: string, details: Omit<ImportDetails, 'title'> & { title?: string | null }): ImportResult {
  const data = JSON.parse(text) as { storymap?: { slides?: unknown } };
  const slides = Array.isArray(data?.storymap?.slides) ? (data.storymap.slides as Slide[]) : null;
  if (!slides) throw new Error('This is not a StoryMapJS file: it has no "storymap.slides" list.');
  let overviewTitle: string | null = null;
  let media = 0;
  let icons = 0;
  let lines = 0;
  let backgrounds = 0;
  let unplaced = 0;
  const entries: ImportEntry[] = slides.map((slide, index) => {
    const headline = typeof slide.text?.headline === 'string' ? htmlToText(slide.text.headline) : '';
    const body = typeof slide.text?.text === 'string' ? htmlToParagraphs(slide.text.text) : [];
    if (typeof slide.media?.url === 'string' && slide.media.url.trim()) media += 1;
    if (slide.background) backgrounds += 1;
    const isOverview = slide.type === 'overview';
    if (isOverview && headline && overviewTitle === null) overviewTitle = headline;
    const location = isOverview ? null : slide.location;
    const lngLat = location ? toLngLat(location.lon, location.lat) : null;
    if (!isOverview && !lngLat) unplaced += 1;
    if (lngLat && typeof location?.icon === 'string' && location.icon) icons += 1;
    if (lngLat && location?.line === true) lines += 1;
    const given = typeof location?.name === 'string' ? htmlToText(location.name) : '';
    const name = !PLACEHOLDER_NAMES.has(given.toLowerCase()) ? given : headline || `Slide ${index + 1}`;
    // The overview's headline is the story's title; other headlines open their slide's text.
    const paragraphs = isOverview || !headline || headline === name ? body : [headline, ...body];
    return { name, paragraphs, lngLat, zoom: location ? toZoom(location.zoom) : null };
  });
  const warnings = [
    lost(media, ['slide has', 'slides have'], 'media (images, video, links to posts): not imported, the story format has no media.'),
    lost(icons, ['slide has', 'slides have'], 'a custom marker icon: not imported, places are drawn alike.'),
    lost(lines, ['slide draws', 'slides draw'], 'a line to the next slide: not imported; draw the journey as a route (docs/story-format.md).'),
    lost(backgrounds, ['slide has', 'slides have'], 'a background image or colour: not imported.'),
    lost(unplaced, ['slide has', 'slides have'], 'no valid location: its text is in the article, on no place.'),
  ].filter((line): line is string => line !== null);
  const title = details.title ?? overviewTitle;
  if (!title) throw new Error('This StoryMapJS file has no overview headline to take the title from: give one with --title.');
  return buildStory(entries, { ...details, title }, warnings);
}
