// The public API: an explicit list, so that nothing internal leaks out by accident.
export { createStoryMap, parseTheme } from './app/create-story-map.ts';
export type { StoryMap, StoryMapEvents, StoryMapOptions, StoryMapTheme } from './app/create-story-map.ts';
export { OPENSTREETMAP_TILES, CARTO_LIGHT_TILES } from './map/tile-layer-options.ts';
export type { TileLayerOptions } from './map/tile-layer-options.ts';
export { parseStory, formatProblem } from './model/parse-story.ts';
export type { ParseStoryOptions } from './model/parse-story.ts';
export type { Story, Place, Paragraph, Route, Step, Waypoint, StoryMeta, StoryProblem, ParseResult, LngLat } from './model/types.ts';
