import type { GestureInstaller } from '../map/create-map-view.ts';
import type { TileLayerOptions } from '../map/tile-layer-options.ts';
import type { createArticleView } from '../ui/create-article-view.ts';
import type { StorySource } from './load-story.ts';

/** Options of `createStoryMap`. Every one has a default, written once, in `resolveOptions`. */
export interface StoryMapOptions {
  /** URL of a story file, absolute or relative to the page; it is checked before it is shown. */
  readonly storyUrl?: string;
  /**
   * A story to show instead of loading one from `storyUrl`: the story file's text, or its parsed
   * JSON (a story kept in memory, as the editor's preview shows it). It is checked like any file.
   */
  readonly story?: string | object;
  /**
   * URL of a story prepared by `npm run build:story` (checked in full when it was prepared), loaded
   * without the checks: how a site shows its own story fastest. Used when neither `story` nor
   * `storyUrl` is given.
   */
  readonly preparedStoryUrl?: string;
  /** Slug of the step to start at. Defaults to the page's hash when `hash` is on, else `overview`. */
  readonly step?: string;
  /**
   * Keep the page's address in step with the story (`#vladivostok`), and start at the step it
   * names. For a page of its own; never for an embed in someone else's page. Defaults to false.
   */
  readonly hash?: boolean;
  /**
   * Lay the map out for an embed: the map at a fixed aspect ratio above the story, growing with
   * its content; the article hidden unless asked for. Defaults to false.
   */
  readonly embedded?: boolean;
  /** Gestures to use instead of Leaflet's (the embed passes `installEmbeddedGestures`). */
  readonly gestures?: GestureInstaller;
  /**
   * The article's view (`createArticleView`), for a page that shows the article from the start
   * (the full page passes it, so that it comes with the first view). Without it, its code is
   * loaded when the article is first shown: embeds, which show it only when asked, never carry it.
   */
  readonly articleView?: typeof createArticleView;
  /**
   * Offer an "Embed" button; called with the current step's slug (null: overview) and the button.
   * When the promise it returns rejects (its code failed to load), the panel says so.
   */
  readonly onEmbed?: (step: string | null, button: HTMLElement) => void | Promise<void>;
  /** Show the step controls and the train. Defaults to true. */
  readonly controls?: boolean;
  /** Show the whole article. Defaults to true (beside the map), false in embeds. */
  readonly article?: boolean;
  /**
   * The tile layer under the story, or `none` for no tiles (and no third-party requests).
   * Defaults to the story file's `tiles`, else OpenStreetMap's standard tiles.
   */
  readonly tiles?: TileLayerOptions | 'none';
  /**
   * Origins allowed to serve the story file, such as `https://example.org`. Set it whenever
   * the URL comes from the page's address, so nobody can show their own file under your name.
   * Defaults to allowing any URL (the caller chose it).
   */
  readonly allowedStoryOrigins?: readonly string[];
  /** Move the camera without animation. Defaults to the reader's `prefers-reduced-motion` setting. */
  readonly reducedMotion?: boolean;
  /** How long to wait for the story file, in milliseconds. Defaults to 15000. */
  readonly timeoutMs?: number;
  /**
   * Light or dark colours, whatever the reader's setting (a host page of its own colour); `auto`
   * follows the reader's `prefers-color-scheme`. Defaults to `auto`.
   */
  readonly theme?: StoryMapTheme;
}

/** The colour schemes a story map can be shown in. */
export type StoryMapTheme = 'auto' | 'light' | 'dark';

/** A theme named in a page's address or an element's attribute; anything else is `auto`. */
export function parseTheme(value: string | null): StoryMapTheme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** The options with every default applied: what the rest of the app reads. */
export interface ResolvedOptions {
  readonly source: StorySource;
  /** The step asked for (option or address), or null for the overview. */
  readonly step: string | null;
  readonly hash: boolean;
  readonly embedded: boolean;
  readonly controls: boolean;
  readonly article: boolean;
  /** The site's tiles: a layer, `none`, or undefined to leave it to the story file. */
  readonly tiles: TileLayerOptions | 'none' | undefined;
  readonly reducedMotion: boolean;
  readonly timeoutMs: number;
  readonly theme: StoryMapTheme;
  readonly gestures: GestureInstaller | null;
  readonly articleView: typeof createArticleView | null;
  readonly onEmbed: NonNullable<StoryMapOptions['onEmbed']> | null;
}

/** How long to wait for a story file by default. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Applies the defaults documented on `StoryMapOptions`. */
export function resolveOptions(options: StoryMapOptions, hashSlug: () => string | null): ResolvedOptions {
  const source: StorySource =
    options.story !== undefined
      ? { kind: 'memory', text: typeof options.story === 'string' ? options.story : JSON.stringify(options.story) }
      : options.storyUrl !== undefined
        ? { kind: 'file', url: options.storyUrl, allowedOrigins: options.allowedStoryOrigins ?? null }
        : options.preparedStoryUrl !== undefined
          ? { kind: 'prepared', url: options.preparedStoryUrl }
          : { kind: 'none' };
  const embedded = options.embedded ?? false;
  return {
    source,
    step: options.step ?? (options.hash ? hashSlug() : null),
    hash: options.hash ?? false,
    embedded,
    controls: options.controls ?? true,
    article: options.article ?? !embedded,
    tiles: options.tiles,
    reducedMotion: options.reducedMotion ?? (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    theme: options.theme ?? 'auto',
    gestures: options.gestures ?? null,
    articleView: options.articleView ?? null,
    onEmbed: options.onEmbed ?? null,
  };
}
