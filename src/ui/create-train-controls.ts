import { formatCalendarDate } from '../model/format-date.ts';
import { displayKm, nearestStop, positionAt, type Journey, type JourneyStop } from '../model/journey.ts';
import type { Story } from '../model/types.ts';
import type { TrainPlayer } from '../story/train-player.ts';
import { addStyles } from './add-styles.ts';
import { element } from './element.ts';
import styles from './train-controls.css?inline';

/** Play, pause, restart, a progress slider and a readout of where the train is. */
export interface TrainControls {
  destroy(): void;
}

const SLIDER_STEPS = 1000;

/** Options of the train controls. */
export interface TrainControlsOptions {
  /** Called with the story place the reader moved the slider onto (a key press, a release). */
  readonly onStopReached?: (stopId: string) => void;
}

export function createTrainControls(
  container: HTMLElement,
  player: TrainPlayer,
  journey: Journey,
  story: Story,
  idPrefix: string,
  options: TrainControlsOptions = {},
): TrainControls {
  const origin = journey.stops[0]?.name ?? 'the start';
  const toggle = element('button', { type: 'button', class: 'sm-train-button' });
  const restart = element('button', { type: 'button', class: 'sm-train-button' }, 'Restart');
  const sliderId = `${idPrefix}-train-progress`;
  const slider = element('input', {
    id: sliderId,
    type: 'range',
    class: 'sm-train-slider',
    min: '0',
    max: String(SLIDER_STEPS),
    step: '1',
    value: '0',
  });
  const leg = element('p', { class: 'sm-train-leg' });
  const where = element('p', { class: 'sm-train-where' });
  addStyles(container, 'train-controls', styles);
  container.replaceChildren(
    element('div', { class: 'sm-train-buttons' }, toggle, restart),
    element('label', { class: 'sm-train-label', for: sliderId }, 'Journey progress'),
    slider,
    leg,
    where,
  );

  /** The stop the train is at (within 2 km), if any. */
  const stopAt = (t: number, km = positionAt(journey, t).km): JourneyStop | null => {
    const near = nearestStop(journey, t);
    return near && Math.abs(near.km - km) < 2 ? near : null;
  };

  /** Where the train is, in words: the stop it is at or heading for, and the distance covered. */
  const describe = (t: number): { text: string; legName: string; date: string | null; atStop: boolean } => {
    const here = positionAt(journey, t);
    const km = Math.round(displayKm(journey, here.km));
    const near = nearestStop(journey, t);
    const atStop = stopAt(t, here.km);
    const ahead = journey.stops.find((s) => s.km > here.km + 1);
    const place = atStop ? atStop.name : ahead ? `On the way to ${ahead.name}` : (near?.name ?? '');
    const distance = km <= 0 ? `at ${origin}` : `${km.toLocaleString(story.meta.language)} km from ${origin}`;
    const current = journey.legs[here.legIndex];
    return {
      text: atStop && km <= 0 ? place : `${place}, ${distance}`,
      // A line drawn through a few points (no road data) says so, as the map's data does.
      legName: current ? `${current.route.name}${current.route.approximate ? ' (route approximate)' : ''}` : '',
      date: atStop?.date ?? null,
      atStop: atStop !== null,
    };
  };

  const render = (t: number): void => {
    const { text, legName, date, atStop } = describe(t);
    slider.value = String(Math.round(t * SLIDER_STEPS));
    // The track is filled up to the train (ui.css draws it; the browser's own fill is too faint).
    slider.style.setProperty('--sm-progress', `${(t * 100).toFixed(2)}%`);
    // A screen reader reads out every change of a focused slider's value text: while the train
    // plays (60 changes a second) it changes only at stops; paused or moved by hand, always.
    if (!player.playing || atStop) slider.setAttribute('aria-valuetext', text);
    leg.textContent = legName;
    where.textContent = date ? `${text} · ${formatCalendarDate(date, story.meta.language)}` : text;
  };
  const renderButton = (): void => {
    // The label says what a press does; no aria-pressed as well ("Pause, pressed").
    toggle.textContent = player.playing ? 'Pause' : player.t > 0 && player.t < 1 ? 'Resume' : 'Follow the train';
  };

  toggle.addEventListener('click', () => (player.playing ? player.pause() : player.play()));
  restart.addEventListener('click', () => player.restart());
  slider.addEventListener('input', () => player.seek(Number(slider.value) / SLIDER_STEPS));
  // Moving the slider onto a story place opens its passages, as the train arriving there does.
  slider.addEventListener('change', () => {
    const stop = stopAt(Number(slider.value) / SLIDER_STEPS);
    if (stop?.isPlace) options.onStopReached?.(stop.id);
  });
  const offMove = player.on('trainmove', ({ t }) => render(t));
  const offState = player.on('playstate', () => {
    renderButton();
    render(player.t); // paused between stops: the value text catches up
  });
  render(player.t);
  renderButton();

  return {
    destroy() {
      offMove();
      offState();
      container.replaceChildren();
    },
  };
}
