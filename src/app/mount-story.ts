import type { Story } from '../model/types.ts';
import { createStoryState, type StoryState } from '../story/story-state.ts';
import { createMapView, type MapView } from '../map/create-map-view.ts';
import type { PlaceLayerFactory } from '../map/place-layer.ts';
import { OPENSTREETMAP_TILES, tileOptionsFromStory, type TileLayerOptions } from '../map/tile-layer-options.ts';
import { shortenText } from '../model/describe-url.ts';
import { createStoryPanel } from '../ui/create-story-panel.ts';
import { syncHash } from '../ui/hash-sync.ts';
import { installStepKeys } from '../ui/step-keys.ts';
import { addStepControls } from './features/step-controls.ts';
import { addTrain } from './features/train.ts';
import { layOutShell } from './shell.ts';
import type { ResolvedOptions } from './story-map-options.ts';

/** A story on screen: its state, and what takes it all down again. */
export interface MountedStory {
  readonly state: StoryState;
  destroy(): void;
}

/**
 * Shows a loaded story in `root`: the map and its markers first, painted on their own, then the
 * story's text a frame later (the title block's first date format alone takes tens of
 * milliseconds), then the features the options ask for. Resolves with null when `signal` aborts
 * meanwhile (the story map was destroyed), having taken down what it had built.
 */
export async function mountStory(
  root: HTMLElement,
  story: Story,
  placeLayer: PlaceLayerFactory | null,
  config: ResolvedOptions,
  idPrefix: string,
  signal: AbortSignal,
): Promise<MountedStory | null> {
  const disposers: Array<() => void> = [];
  const destroy = (): void => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
  try {
    const shell = layOutShell(root, story.meta.language, config.article);
    const state = createStoryState(story);
    disposers.push(() => state.destroy());
    const unknownStep = config.step !== null && !state.goTo(config.step);
    const view = createMapView(shell.map, state, {
      tiles: resolveTiles(config.tiles, story),
      reducedMotion: config.reducedMotion,
      ...(config.gestures ? { gestures: config.gestures } : {}),
      ...(placeLayer ? { placeLayer } : {}),
    });
    disposers.push(() => view.destroy());
    await afterPaint();
    if (signal.aborted) {
      destroy();
      return null;
    }
    const panel = createStoryPanel(shell.panel, state, idPrefix);
    disposers.push(() => panel.destroy());
    if (unknownStep) panel.note(`This story has no step called “${shortenText(config.step ?? '', 60)}”, so it opens with all places.`);
    (shell.panel.querySelector('.sm-title') ?? shell.panel.firstChild)?.after(shell.navSlot);
    const context = { shell, state, view, panel, idPrefix, signal, reducedMotion: config.reducedMotion };
    if (config.controls) disposers.push(addStepControls({ ...context, onEmbed: config.onEmbed }), addTrain(context));
    if (shell.article) {
      const createArticleView = config.articleView ?? (await import('./features/article.ts')).createArticleView;
      if (signal.aborted) {
        destroy();
        return null;
      }
      const article = createArticleView(shell.article, state, idPrefix, { reducedMotion: config.reducedMotion });
      disposers.push(() => article.destroy());
    }
    if (!config.embedded) disposers.push(watchPhoneLayout(shell, view, signal));
    // Printed, the map is given a size of paper's own (story-map.css): Leaflet measures it then.
    const print = typeof matchMedia === 'function' ? matchMedia('print') : null;
    const onPrint = (): void => view.resize();
    print?.addEventListener('change', onPrint);
    disposers.push(() => print?.removeEventListener('change', onPrint), installStepKeys(root, shell.map, shell.list, state));
    if (config.hash) disposers.push(syncHash(state));
    return { state, destroy };
  } catch (error) {
    destroy();
    throw error;
  }
}

/**
 * The phone layout's sheet bar is in place from the start (story-map.css shows it on phones
 * only); what it does (tap, drag) is loaded only where that layout applies, and a tap before
 * that is kept for it. Should it fail to load, the sheet still scrolls.
 */
function watchPhoneLayout(shell: ReturnType<typeof layOutShell>, view: MapView, signal: AbortSignal): () => void {
  const phone = typeof matchMedia === 'function' ? matchMedia('(max-width: 700px)') : null;
  let tappedEarly = false;
  const earlyTap = (): void => {
    tappedEarly = true;
  };
  shell.sheetBar.addEventListener('click', earlyTap);
  let removeSheet: (() => void) | null = null;
  let loading = false;
  const load = (): void => {
    if (loading || !phone?.matches) return;
    loading = true;
    void import('./features/sheet.ts').then(
      ({ addSheet }) => {
        if (signal.aborted) return;
        shell.sheetBar.removeEventListener('click', earlyTap);
        removeSheet = addSheet(shell, view, tappedEarly);
      },
      (error: unknown) => console.warn('The story sheet’s bar could not be loaded:', error),
    );
  };
  load();
  phone?.addEventListener('change', load);
  return () => {
    phone?.removeEventListener('change', load);
    removeSheet?.();
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

/** Site options win over the story file, which wins over the default. */
function resolveTiles(option: TileLayerOptions | 'none' | undefined, story: Story): TileLayerOptions | null {
  if (option === 'none') return null;
  if (option) return option;
  if (story.tiles === 'none') return null;
  if (story.tiles) return tileOptionsFromStory(story.tiles);
  return OPENSTREETMAP_TILES;
}
