import type { MapView } from '../map/create-map-view.ts';
import { createTrainLayer } from '../map/create-train-layer.ts';
import { createJourney } from '../model/journey.ts';
import type { StoryState } from '../story/story-state.ts';
import { createTrainPlayer, type PlayerClock, type TrainPlayer } from '../story/train-player.ts';
import { createTrainControls } from '../ui/create-train-controls.ts';

// Loaded on demand, the first time a reader asks to follow the train: the first view does not
// pay for the journey's geometry code, the player or its controls.

/** What the train needs from the mounted story map. */
export interface TrainContext {
  readonly state: StoryState;
  readonly mapView: MapView;
  /** Where the controls go (the launcher's section). */
  readonly container: HTMLElement;
  readonly reducedMotion: boolean;
  readonly idPrefix: string;
}

/** A started train: the player, to be destroyed with the map. */
export interface Train {
  readonly player: TrainPlayer;
  destroy(): void;
}

const browserClock: PlayerClock = {
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Sets up the train for the story's journey and starts it; null when the story has no route. */
export function startTrain(context: TrainContext): Train | null {
  const { state, mapView, reducedMotion } = context;
  const journey = createJourney(state.story);
  if (!journey) return null;
  const player = createTrainPlayer({ stops: journey.stops, reducedMotion, clock: browserClock });
  const layer = createTrainLayer(mapView.internals, journey, { reducedMotion });
  // Arriving at a story place is the same state change as a click on its marker.
  let arriving = false;
  const arrive = (id: string): void => {
    arriving = true;
    state.selectPlace(id);
    arriving = false;
  };
  const controls = createTrainControls(context.container, player, journey, state.story, context.idPrefix, { onStopReached: arrive });
  const offMove = player.on('trainmove', ({ t }) => layer.update(t, player.playing));
  const offStop = player.on('trainstop', ({ stop }) => arrive(stop.id));
  // The reader taking over (a marker, a step, a pan) pauses the train; Play resumes it.
  const offStep = state.on('stepchange', () => {
    if (!arriving) player.pause();
  });
  const offReader = mapView.onReaderMove(() => player.pause());
  layer.update(0, true);
  player.play();

  return {
    player,
    destroy() {
      offMove();
      offStop();
      offStep();
      offReader();
      player.destroy();
      controls.destroy();
      layer.destroy();
    },
  };
}
