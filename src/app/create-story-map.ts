import defaultStoryUrl from '../../data/kim-putin-2019.story.json?url';
import { describeUrl, shortenText } from '../model/describe-url.ts';
import { formatMegabytes } from '../model/format-size.ts';
import { hydrateStory, type PreparedStory } from '../model/prepared-story.ts';
import { textDirection } from '../model/text-direction.ts';
import { FULL_VALIDATION_MAX_BYTES, type ParseResult, type Story, type StoryProblem } from '../model/types.ts';
import { createStoryState, type StoryState } from '../story/story-state.ts';
import { createMapView, type GestureInstaller, type MapView } from '../map/create-map-view.ts';
import type { PlaceLayerFactory } from '../map/place-layer.ts';
import { OPENSTREETMAP_TILES, tileOptionsFromStory, type TileLayerOptions } from '../map/tile-layer-options.ts';
import { createArticleView } from '../ui/create-article-view.ts';
import type { ListView } from '../ui/create-list-view.ts';
import { createStepNav } from '../ui/create-step-nav.ts';
import { createTrainLauncher } from '../ui/create-train-launcher.ts';
import { createStoryPanel, type StoryPanel } from '../ui/create-story-panel.ts';
import { slugFromHash, syncHash } from '../ui/hash-sync.ts';
import { installStepKeys } from '../ui/step-keys.ts';
import { element, uniqueIdPrefix } from '../ui/element.ts';
import { renderProblem } from '../ui/render-problem.ts';
import { fetchBundledStory } from './fetch-bundled-story.ts';
import { StoryLoadError } from './story-load-error.ts';
import './story-map.css';

/** Options of `createStoryMap`; every one has a default. */
export interface StoryMapOptions {
  /** URL of the story file, absolute or relative to the page. Defaults to the bundled Kim–Putin story. */
  readonly storyUrl?: string;
  /**
   * A story to show instead of loading one from `storyUrl`: the story file's text, or its parsed
   * JSON (a story kept in memory, as the editor's preview shows it). It is checked like any file.
   */
  readonly story?: string | object;
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

/** A mounted story map. */
export interface StoryMap {
  /** Resolves with the story once it is shown, or null when it could not be (the page says why). */
  readonly ready: Promise<Story | null>;
  /** Moves to a step by slug; false when there is no such step or the story is not ready. */
  goTo(slug: string): boolean;
  /** Moves to the next or previous step; false at the ends or before the story is ready. */
  next(): boolean;
  previous(): boolean;
  /** Calls `listener` with the new current place (null: the overview) at each change of step. */
  onPlaceChange(listener: (place: { readonly id: string; readonly name: string } | null) => void): () => void;
  /** Removes the map, its listeners and its DOM. */
  destroy(): void;
}

/** Above this many places, places are canvas dots rather than DOM markers (the list is the keyboard path). */
const LARGE_STORY_PLACES = 500;

/**
 * The URL of the story that ships with the app, in its prepared form (data/kim-putin-2019.story.json,
 * written and checked in full by `npm run build:story` from data/kim-putin-2019.geojson).
 */
export const DEFAULT_STORY_URL: string = defaultStoryUrl;

/** Mounts a story map in `container`: loads the story, then shows the map and the story panel. */
export function createStoryMap(container: HTMLElement, options: StoryMapOptions = {}): StoryMap {
  const storyUrl = options.storyUrl ?? DEFAULT_STORY_URL;
  const reducedMotion =
    options.reducedMotion ?? (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);
  const idPrefix = uniqueIdPrefix();
  const abort = new AbortController();
  let state: StoryState | null = null;
  let mapView: MapView | null = null;
  let panel: StoryPanel | null = null;
  let destroyed = false;

  const placeListeners = new Set<(place: { readonly id: string; readonly name: string } | null) => void>();
  const root = element('div', { class: options.embedded ? 'sm-root sm-embedded' : 'sm-root', 'aria-busy': 'true' });
  if (options.theme === 'light' || options.theme === 'dark') root.classList.add(`sm-theme-${options.theme}`);
  const status = element('p', { class: 'sm-loading', role: 'status' }, 'Loading the story…');
  root.append(status);
  container.append(root);

  const cleanups: Array<() => void> = [];
  const teardown = (): void => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    mapView?.destroy();
    panel?.destroy();
    state?.destroy();
    mapView = panel = state = null;
  };

  const mount = async (story: Story, placeLayer: PlaceLayerFactory | null): Promise<void> => {
    root.lang = story.meta.language;
    // Its own direction, never the page's: an English story in an Arabic page stays left to right.
    root.dir = textDirection(story.meta.language);
    const controls = options.controls !== false;
    const withArticle = options.article ?? !options.embedded;
    const panelElement = element('div', { class: 'sm-panel' });
    const articleElement = element('div', { class: 'sm-article-box' });
    const sheetBar = element('button', { type: 'button', class: 'sm-sheet-toggle', 'aria-expanded': 'false' }, 'Expand the story');
    const sidebar = element('div', { class: 'sm-sidebar' }, sheetBar, panelElement, withArticle ? articleElement : null);
    const mapElement = element('div', {
      class: 'sm-map',
      role: 'region',
      'aria-label': 'Map of the places in the story. Tab reaches the places; arrow keys pan the map.',
    });

    const listElement = element('div', { class: 'sm-list-box' });
    listElement.hidden = true;
    // On phones and in embeds the map is what a reader sees first, yet it comes after the whole
    // story panel in Tab order: the first Tab offers to go straight to it.
    const skip = element('button', { type: 'button', class: 'sm-skip' }, 'Skip to the map');
    skip.addEventListener('click', () => mapElement.focus());
    root.replaceChildren(skip, sidebar, mapElement, listElement);

    const current = createStoryState(story);
    state = current;
    const offPlace = current.on('stepchange', ({ step }) => {
      const place = step.place ? { id: step.place.id, name: step.place.name } : null;
      for (const listener of [...placeListeners]) listener(place);
    });
    cleanups.push(offPlace);
    const requested = options.step ?? (options.hash ? slugFromHash(location.hash) : null);
    const unknownStep = requested !== null && !current.goTo(requested);
    // The map and its markers first, painted on their own; the story's text follows a frame later
    // (the title block's first date format alone takes tens of milliseconds).
    const view = createMapView(mapElement, current, {
      tiles: resolveTiles(options.tiles, story),
      reducedMotion,
      ...(options.gestures ? { gestures: options.gestures } : {}),
      ...(placeLayer ? { placeLayer } : {}),
    });
    mapView = view;
    await afterPaint();
    if (destroyed) return;
    panel = createStoryPanel(panelElement, current, idPrefix);
    if (unknownStep) panel.note(`This story has no step called “${shortenText(requested, 60)}”, so it opens with all places.`);
    let list: ListView | null = null;
    // The step controls sit between the title block and the step, in reading order.
    const navSlot = element('div', { class: 'sm-nav-slot' });
    (panelElement.querySelector('.sm-title') ?? panelElement.firstChild)?.after(navSlot);
    const nav = controls ? createStepNav(navSlot, current, {
      onListToggle: async (showList) => {
        // The list is a second way to read the story, loaded the first time it is asked for.
        if (showList && !list) {
          const module = await import('../ui/create-list-view.ts').catch(() => null);
          if (destroyed) return false;
          if (!module) {
            panel?.note('The list of places could not be loaded: check the connection and try again. The map and its places still work.');
            return false;
          }
          list = module.createListView(listElement, current, idPrefix);
        }
        listElement.hidden = !showList;
        root.classList.toggle('is-list', showList);
        if (showList) list?.follow();
        if (!showList) view.resize();
        return true;
      },
      ...(options.onEmbed
        ? {
            onEmbed: (button: HTMLElement) =>
              void Promise.resolve(options.onEmbed?.(current.step.place?.id ?? null, button)).catch(() =>
                panel?.note('The embed code could not be loaded: check the connection and try again.'),
              ),
          }
        : {}),
    }) : null;
    const article = withArticle ? createArticleView(articleElement, current, idPrefix, { reducedMotion }) : null;
    if (controls && story.routes.length > 0) {
      const trainBox = element('section', { class: 'sm-train-box', 'aria-label': 'Follow the journey' });
      navSlot.after(trainBox);
      let train: { destroy(): void } | null = null;
      createTrainLauncher(trainBox, story.routes[0]?.mode === 'train' ? 'Follow the train' : 'Follow the journey', async () => {
        const { startTrain } = await import('./start-train.ts');
        if (destroyed) return;
        train = startTrain({ state: current, mapView: view, container: trainBox, reducedMotion, idPrefix });
      });
      cleanups.push(() => train?.destroy());
    }
    // The phone layout's sheet bar: the button is in place from the start (story-map.css shows
    // it on phones only), and what it does (tap, drag) is loaded only where that layout applies;
    // a tap before that is kept for it. Should it fail to load, the sheet still scrolls.
    const phone = !options.embedded && typeof matchMedia === 'function' ? matchMedia('(max-width: 700px)') : null;
    let sheetToggle: { destroy(): void } | null = null;
    let tappedEarly = false;
    const earlyTap = (): void => {
      tappedEarly = true;
    };
    sheetBar.addEventListener('click', earlyTap);
    const addSheetToggle = (): void => {
      if (sheetToggle || !phone?.matches) return;
      void import('../ui/create-sheet-toggle.ts').then(
        ({ createSheetToggle }) => {
          if (destroyed || sheetToggle) return;
          sheetBar.removeEventListener('click', earlyTap);
          sheetToggle = createSheetToggle({
            button: sheetBar,
            root,
            sheet: sidebar,
            map: mapElement,
            current: () => panelElement.querySelector<HTMLElement>('.sm-step'),
            onResized: () => view.resize(),
          });
          if (tappedEarly) sheetBar.click();
        },
        (error: unknown) => console.warn('The story sheet’s bar could not be loaded:', error),
      );
    };
    addSheetToggle();
    phone?.addEventListener('change', addSheetToggle);
    // Printed, the map is given a size of paper's own (story-map.css): Leaflet measures it then.
    const print = typeof matchMedia === 'function' ? matchMedia('print') : null;
    const onPrint = (): void => view.resize();
    print?.addEventListener('change', onPrint);
    cleanups.push(() => print?.removeEventListener('change', onPrint));
    const removeKeys = installStepKeys(root, mapElement, listElement, current);
    const stopHash = options.hash ? syncHash(current) : null;
    cleanups.push(
      () => stopHash?.(),
      removeKeys,
      () => phone?.removeEventListener('change', addSheetToggle),
      () => sheetToggle?.destroy(),
      () => article?.destroy(),
      () => nav?.destroy(),
      () => list?.destroy(),
    );
  };

  // On a page of its own (the one that keeps its address in step), a problem is the page's main
  // heading, with a way back: to the story the site ships with, or to try this one again.
  const pageOfItsOwn = options.hash
    ? {
        pageHeading: true,
        link:
          storyUrl === DEFAULT_STORY_URL
            ? { href: location.href, text: 'Try again' }
            : { href: location.pathname, text: 'Open the story this site ships with' },
      }
    : {};

  const ready = (async (): Promise<Story | null> => {
    // The story that ships with the app was read and checked in full when it was prepared, and is
    // only linked up here; any other file is read and checked in a worker, started while the file
    // downloads.
    const inMemory = options.story === undefined ? null : typeof options.story === 'string' ? options.story : JSON.stringify(options.story);
    const reader =
      inMemory !== null || storyUrl === DEFAULT_STORY_URL ? null : import('./read-story-off-main-thread.ts').then((module) => module.startStoryReader(abort.signal));
    // Should its chunk fail to load, that is handled where the reader is used (the page reads the file).
    reader?.catch(() => undefined);
    const timeoutMs = options.timeoutMs ?? 15_000;
    // A page's Content Security Policy that refuses the story's address fails the fetch like a
    // network would: watched for, so that the reader (and the site) learn the real cause.
    let refusedByPolicy = false;
    const onViolation = (event: SecurityPolicyViolationEvent): void => {
      if (event.effectiveDirective === 'connect-src') refusedByPolicy = true;
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    try {
      const text = inMemory ?? (reader
        ? await import('./load-story-text.ts').then(
            ({ loadStoryText }) =>
              loadStoryText(storyUrl, {
                timeoutMs,
                signal: abort.signal,
                ...(options.allowedStoryOrigins ? { allowedOrigins: options.allowedStoryOrigins } : {}),
                onProgress: (bytes) => {
                  status.textContent = `Loading the story… ${formatMegabytes(bytes)}`;
                },
              }),
            (error: unknown) => {
              if (error instanceof StoryLoadError) throw error;
              throw new StoryLoadError(`The story file ${describeUrl(storyUrl)} could not be loaded: part of this page failed to load. Reloading may help.`);
            },
          )
        : await fetchBundledStory(storyUrl, timeoutMs, abort.signal));
      if (destroyed) return null;
      const fullValidation = text.length <= FULL_VALIDATION_MAX_BYTES;
      let result: ParseResult;
      if (reader) {
        status.textContent = 'Checking the story…';
        result = await reader.then((started) => started.read(text, fullValidation)).catch(async (error: unknown) => {
          if (destroyed) throw error;
          // No worker here: the page reads the file itself, with the checks' own chunk. Should
          // that fail to load too, the file is not shown unchecked: the reader is told to reload.
          console.warn(`The story file is checked on the page itself (${error instanceof Error ? error.message : String(error)}).`);
          return import('../model/parse-story.ts').then(
            (module) => module.parseStory(text, { fullValidation }),
            () => {
              throw new StoryLoadError(`The story file ${describeUrl(storyUrl)} could not be checked: part of this page failed to load. Reloading may help.`);
            },
          );
        });
        // Receiving a large story from the worker is a task of its own; the map starts in the next.
        await new Promise((resolve) => setTimeout(resolve, 0));
      } else if (inMemory !== null) {
        result = await import('../model/parse-story.ts').then(
          (module) => module.parseStory(text, { fullValidation }),
          () => {
            throw new StoryLoadError('The story could not be checked: part of this page failed to load. Reloading may help.');
          },
        );
      } else {
        result = { ok: true, story: hydrateStory(JSON.parse(text) as PreparedStory) };
      }
      if (destroyed) return null;
      if (!result.ok) {
        const count = result.problems.length;
        // The wording of problems is loaded with them; without it, each is still its own message.
        const formatProblem = await import('../model/format-problem.ts').then(
          (module) => module.formatProblem,
          () => (problem: StoryProblem) => problem.message,
        );
        if (destroyed) return null;
        renderProblem(root, {
          ...pageOfItsOwn,
          title: 'This story cannot be shown',
          summary: `${inMemory !== null ? 'This story' : `The story file ${describeUrl(storyUrl)}`} has ${count === 1 ? 'a problem' : `${count} problems`}:`,
          items: result.problems.map(formatProblem),
        });
        return null;
      }
      // Thousands of places are drawn as canvas dots, whose code only such stories load. Should
      // it fail to load, they are drawn as ordinary markers: slower, but the story is there.
      const placeLayer =
        result.story.places.length > LARGE_STORY_PLACES
          ? await import('../map/create-place-dots.ts').then((module) => module.createPlaceDots, () => null)
          : null;
      if (destroyed) return null;
      await mount(result.story, placeLayer);
      if (destroyed) return null;
      return result.story;
    } catch (error) {
      if (destroyed) return null;
      if (error instanceof StoryLoadError) {
        // The violation is reported in a task of its own, which may come after the failure.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (destroyed) return null;
        const summary = refusedByPolicy ? policyRefusal(storyUrl) : error.message;
        renderProblem(root, { ...pageOfItsOwn, title: 'The story could not be loaded', summary });
      } else {
        // Anything unexpected still ends in a readable panel, with the detail folded away.
        teardown();
        renderProblem(root, {
          ...pageOfItsOwn,
          title: 'Something went wrong',
          summary: 'The story map could not start. Reloading the page may help; if it does not, please tell us.',
          detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
      return null;
    } finally {
      document.removeEventListener('securitypolicyviolation', onViolation);
      root.removeAttribute('aria-busy');
      // Unused when the file could not be loaded; already stopped when it was read.
      reader?.then((started) => started.close(), () => undefined);
    }
  })();

  return {
    ready,
    goTo: (slug) => state?.goTo(slug) ?? false,
    next: () => state?.next() ?? false,
    previous: () => state?.previous() ?? false,
    onPlaceChange(listener) {
      placeListeners.add(listener);
      return () => placeListeners.delete(listener);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      abort.abort();
      teardown();
      placeListeners.clear();
      root.remove();
    },
  };
}

/**
 * Resolves once the browser has had the chance to paint: after the next animation frame, or after
 * 50 ms where frames are not being drawn (a hidden tab, an iframe scrolled out of view).
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 50);
  });
}

/** What to say when the page's Content Security Policy refused to fetch the story. */
function policyRefusal(storyUrl: string): string {
  const origin = new URL(storyUrl, document.baseURI).origin;
  return `This page's Content Security Policy does not allow loading the story from ${origin}. The site must add ${origin} to its connect-src directive (and serve the story with CORS headers when it is another origin).`;
}

/** Site options win over the story file, which wins over the default. */
function resolveTiles(option: TileLayerOptions | 'none' | undefined, story: Story): TileLayerOptions | null {
  if (option === 'none') return null;
  if (option) return option;
  if (story.tiles === 'none') return null;
  if (story.tiles) return tileOptionsFromStory(story.tiles);
  return OPENSTREETMAP_TILES;
}
