import type { StoryState } from '../story/story-state.ts';
import { element } from './element.ts';

/** Every place with its passages, as plain ordered text: the story without the map. */
export interface ListView {
  /** Brings the current place to the top of the box (call when the box is shown). */
  follow(): void;
  destroy(): void;
}

export function createListView(container: HTMLElement, state: StoryState, idPrefix: string): ListView {
  const { story } = state;
  const headingId = `${idPrefix}-list-heading`;
  const byPlace = new Map<string, HTMLElement>();
  const items = story.steps.flatMap((step, index) => {
    const { place } = step;
    if (!place) return [];
    const item = element(
        'li',
        { class: 'sm-list__place' },
        element('h3', { id: `${idPrefix}-list-${place.id}` }, place.name),
        place.summary ? element('p', { class: 'sm-summary' }, place.summary) : null,
        ...place.passages.map((p) => element('p', { class: 'sm-passage', dir: 'auto' }, p.text)),
        element('p', { class: 'sm-list__step' }, `Step ${index + 1} of ${story.steps.length}`),
      );
    byPlace.set(place.id, item);
    return [item];
  });
  const section = element(
    'div',
    { class: 'sm-list' },
    element('h2', { id: headingId }, 'List of places'),
    element('ol', { class: 'sm-list__places' }, ...items),
  );
  // The box scrolls on its own, so it must be reachable by keyboard to be scrolled.
  container.setAttribute('role', 'region');
  container.setAttribute('aria-labelledby', headingId);
  container.tabIndex = 0;
  container.append(section);
  // The list follows the story: the current place is marked and brought to the top of the box.
  const follow = (): void => {
    for (const item of byPlace.values()) item.removeAttribute('aria-current');
    const item = state.step.place ? byPlace.get(state.step.place.id) : undefined;
    if (!item) return;
    item.setAttribute('aria-current', 'step');
    if (container.hidden) return;
    container.scrollTop = item.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  };
  follow();
  const unsubscribe = state.on('stepchange', follow);
  return {
    follow,
    destroy() {
      unsubscribe();
      section.remove();
    },
  };
}
