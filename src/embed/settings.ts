import { parseTheme, type StoryMapOptions, type StoryMapTheme } from '../app/create-story-map.ts';
import { installEmbeddedGestures } from '../map/embedded-gestures.ts';
import { fixedHeight } from './fixed-height.ts';

/**
 * What a page's address (`?story=…&controls=off`) or an element's attributes
 * (`<story-map src=… controls="off">`) can ask of a story map: one reader for the full page, the
 * iframe's page and the element, so that each name means the same everywhere.
 */
export interface Settings {
  /** The story file's URL, as written (`story=` in an address, `src` on the element). */
  readonly story: string | null;
  /** The step to open (the address's hash, the element's `place`). */
  readonly step: string | null;
  /** `controls=off`: no step controls, no train. */
  readonly controls: boolean;
  /** `article=beside`: the whole article beside the map (embeds hide it by default). */
  readonly article: boolean;
  /** `tiles=none`: no tile layer, no third-party requests. */
  readonly tilesOff: boolean;
  readonly theme: StoryMapTheme;
  /** `height=600`: a fixed height, held within 200-4,000 px; null to follow the content. */
  readonly height: number | null;
}

/** The setting names, as an address and an element spell them. */
export type SettingName = 'story' | 'step' | 'controls' | 'article' | 'tiles' | 'theme' | 'height';

/** Reads the settings through `get`, which maps each name to where the front door keeps it. */
export function readSettings(get: (name: SettingName) => string | null): Settings {
  return {
    story: get('story') || null,
    step: get('step') || null,
    controls: get('controls') !== 'off',
    article: get('article') === 'beside',
    tilesOff: get('tiles') === 'none',
    theme: parseTheme(get('theme')),
    height: fixedHeight(get('height')),
  };
}

/** The options of an embedded story map (iframe or element) for its settings, story aside. */
export function embeddedOptions(settings: Settings): StoryMapOptions {
  return {
    embedded: true,
    gestures: installEmbeddedGestures,
    theme: settings.theme,
    controls: settings.controls,
    article: settings.article,
    ...(settings.step ? { step: settings.step } : {}),
    ...(settings.tilesOff ? { tiles: 'none' as const } : {}),
  };
}
