import type { MapView } from '../../map/create-map-view.ts';
import type { StoryState } from '../../story/story-state.ts';
import { createTrainLauncher } from '../../ui/create-train-launcher.ts';
import { element } from '../../ui/element.ts';
import type { Shell } from '../shell.ts';

/** What the train needs. */
export interface TrainFeatureContext {
  readonly shell: Shell;
  readonly state: StoryState;
  readonly view: MapView;
  readonly reducedMotion: boolean;
  readonly idPrefix: string;
  readonly signal: AbortSignal;
}

/**
 * "Follow the train" (or "Follow the journey"), for a story with routes: a button in the first
 * view; the journey, the player and their controls are loaded on its first press.
 */
export function addTrain(context: TrainFeatureContext): () => void {
  const { shell, state, view, reducedMotion, idPrefix, signal } = context;
  const { routes } = state.story;
  if (routes.length === 0) return () => undefined;
  const box = element('section', { class: 'sm-train-box', 'aria-label': 'Follow the journey' });
  shell.navSlot.after(box);
  let train: { destroy(): void } | null = null;
  createTrainLauncher(box, routes[0]?.mode === 'train' ? 'Follow the train' : 'Follow the journey', async () => {
    const { startTrain } = await import('../start-train.ts');
    if (signal.aborted) return;
    train = startTrain({ state, mapView: view, container: box, reducedMotion, idPrefix });
  });
  return () => train?.destroy();
}
