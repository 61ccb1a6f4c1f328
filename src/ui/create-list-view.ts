import type { StoryState } from '../story/story-state.ts';
import { element } from './element.ts';

/** Every place with its passages, as plain ordered text: the story without the map. */
export interface ListView {
  destroy(): void;
}

export function createListView(container: HTMLElement, state: StoryState, idPrefix: string): ListView {
  const { story } = state;
  const headingId = `${idPrefix}-list-heading`;
  const items = story.steps.flatMap((step, index) => {
    const { place } = step;
    if (!place) return [];
    return [
      element(
        'li',
        { class: 'sm-list__place' },
        element('h3', { id: `${idPrefix}-list-${place.id}` }, place.name),
        place.summary ? element('p', { class: 'sm-summary' }, place.summary) : null,
        ...place.passages.map((p) => element('p', { class: 'sm-passage', dir: 'auto' }, p.text)),
        element('p', { class: 'sm-list__step' }, `Step ${index + 1} of ${story.steps.length}`),
      ),
    ];
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
  return {
    destroy() {
      section.remove();
    },
  };
}
