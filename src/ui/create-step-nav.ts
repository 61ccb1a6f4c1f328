import { OVERVIEW_NAME } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { element } from './element.ts';

/** Previous and Next buttons naming their steps, the progress ("3 of 7"), and the list toggle. */
export interface StepNav {
  destroy(): void;
}

/** Options of the step navigation. */
export interface StepNavOptions {
  /**
   * Called when the reader switches between the map and the list of places; answers false when
   * it could not switch (the list's code failed to load), and the toggle stays as it was.
   */
  readonly onListToggle: (showList: boolean) => boolean | Promise<boolean>;
  /** When given, an "Embed" button calls it (the full page's embed code generator). */
  readonly onEmbed?: (button: HTMLButtonElement) => void;
}

export function createStepNav(container: HTMLElement, state: StoryState, options: StepNavOptions): StepNav {
  const { steps } = state.story;
  const previous = element('button', { type: 'button', class: 'sm-step-button sm-step-button--previous' });
  const next = element('button', { type: 'button', class: 'sm-step-button sm-step-button--next' });
  const progress = element('p', { class: 'sm-progress' });
  // Its label says what it does next ("List of places", "Show the map"); it is not also a
  // pressed toggle, which a screen reader would read as "Show the map, pressed".
  const list = element('button', { type: 'button', class: 'sm-list-toggle' }, 'List of places');
  let listShown = false;
  const embed = options.onEmbed ? element('button', { type: 'button', class: 'sm-list-toggle' }, 'Embed') : null;
  embed?.addEventListener('click', () => options.onEmbed?.(embed));
  const nav = element('nav', { class: 'sm-step-nav', 'aria-label': 'Steps of the story' }, previous, progress, next, list, embed);
  container.append(nav);

  // aria-disabled rather than disabled: a disabled button would drop the keyboard focus
  // of a reader who just pressed it to reach the first or last step.
  previous.addEventListener('click', () => state.previous());
  next.addEventListener('click', () => state.next());
  const setList = (shown: boolean): void => {
    listShown = shown;
    list.textContent = shown ? 'Show the map' : 'List of places';
  };
  list.addEventListener('click', async () => {
    const showList = !listShown;
    setList(showList);
    if (!(await options.onListToggle(showList))) setList(!showList);
  });

  const nameOf = (i: number): string => {
    const step = steps[i];
    return step?.place?.name ?? OVERVIEW_NAME;
  };
  // The visible text names the neighbouring step; screen readers hear which way it goes.
  const label = (button: HTMLButtonElement, direction: string, target: number, arrow: string): void => {
    const exists = target >= 0 && target < steps.length;
    const name = element('span', {}, exists ? nameOf(target) : direction);
    const hint = exists ? element('span', { class: 'sm-visually-hidden' }, `${direction} step: `) : null;
    const icon = element('span', { 'aria-hidden': 'true' }, arrow);
    button.replaceChildren(...(arrow === '←' ? [icon, ' ', hint ?? '', name] : [hint ?? '', name, ' ', icon]));
    button.setAttribute('aria-disabled', String(!exists));
  };
  const render = (): void => {
    const i = state.index;
    label(previous, 'Previous', i - 1, '←');
    label(next, 'Next', i + 1, '→');
    progress.textContent = `${i + 1} of ${steps.length}`;
  };
  render();
  const unsubscribe = state.on('stepchange', render);
  return {
    destroy() {
      unsubscribe();
      nav.remove();
    },
  };
}
