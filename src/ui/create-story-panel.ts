import { calendarDatePart, formatCalendarDate } from '../model/format-date.ts';
import type { Place, Step, Story } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { element } from './element.ts';
import './ui.css';

/** The story panel: title block, the current place's passages or the list of places, the article. */
export interface StoryPanel {
  destroy(): void;
}

/** Renders the panel for `state` into `container` and keeps it current. */
export function createStoryPanel(container: HTMLElement, state: StoryState, idPrefix: string): StoryPanel {
  const { story } = state;
  const headingId = `${idPrefix}-step-heading`;
  const stepRegion = element('section', { class: 'sm-step', 'aria-labelledby': headingId });
  const announcer = element('p', { class: 'sm-visually-hidden', role: 'status', 'aria-live': 'polite' });

  container.append(renderTitleBlock(story), stepRegion, renderArticle(story), announcer);

  const render = (step: Step, moveFocus: boolean): void => {
    stepRegion.replaceChildren(
      ...(step.place ? renderPlace(step.place, headingId, state) : renderOverview(story, headingId, state)),
    );
    stepRegion.classList.toggle('is-place', step.place !== null);
    if (moveFocus) stepRegion.querySelector<HTMLElement>(`#${headingId}`)?.focus();
  };

  render(state.step, false);
  const unsubscribe = state.on('stepchange', ({ step, index }) => {
    // When the reader acted inside the panel, the control they used is about to disappear:
    // move focus to the new heading so they do not lose their place. A marker keeps its focus.
    const focusInPanel = container.contains(document.activeElement) && document.activeElement !== document.body;
    render(step, focusInPanel);
    const name = step.place ? step.place.name : 'All places';
    announcer.textContent = `Step ${index + 1} of ${story.steps.length}: ${name}`;
  });

  return {
    destroy() {
      unsubscribe();
      container.replaceChildren();
    },
  };
}

function renderTitleBlock(story: Story): HTMLElement {
  const { meta } = story;
  return element(
    'header',
    { class: 'sm-title' },
    element('h1', { class: 'sm-headline' }, meta.title),
    meta.byline ? element('p', { class: 'sm-byline' }, `By ${meta.byline}`) : null,
    element(
      'p',
      { class: 'sm-meta' },
      element('span', { class: 'sm-publisher' }, meta.publisher),
      ' · ',
      element('time', { datetime: calendarDatePart(meta.published) }, formatCalendarDate(meta.published, meta.language)),
    ),
    element('p', { class: 'sm-dateline' }, meta.dateline),
  );
}

function renderPlace(place: Place, headingId: string, state: StoryState): Node[] {
  const back = element('button', { type: 'button', class: 'sm-back' }, '← All places');
  back.addEventListener('click', () => state.selectPlace(null));
  const passages =
    place.passages.length > 0
      ? element(
          'div',
          { class: 'sm-passages' },
          ...place.passages.map((p) => element('p', { class: 'sm-passage', 'data-paragraph': p.id }, p.text)),
        )
      : element('p', { class: 'sm-empty' }, 'No paragraph of the article is about this place.');
  const nodes: Node[] = [back, element('h2', { id: headingId, tabindex: '-1' }, place.name)];
  if (place.summary) nodes.push(element('p', { class: 'sm-summary' }, place.summary));
  nodes.push(passages);
  return nodes;
}

function renderOverview(story: Story, headingId: string, state: StoryState): Node[] {
  const items = story.steps.flatMap((step) => {
    const { place } = step;
    if (!place) return [];
    const button = element(
      'button',
      { type: 'button', class: 'sm-place-link' },
      element('span', { class: 'sm-place-link__name' }, place.name),
      place.summary ? element('span', { class: 'sm-place-link__summary' }, place.summary) : null,
    );
    button.addEventListener('click', () => state.selectPlace(place.id));
    return [element('li', {}, button)];
  });
  return [
    element('h2', { id: headingId, tabindex: '-1' }, 'All places'),
    element('p', { class: 'sm-hint' }, 'Choose a place on the map or in this list to read what the story says about it.'),
    element('ol', { class: 'sm-place-list' }, ...items),
  ];
}

function renderArticle(story: Story): HTMLElement {
  return element(
    'details',
    { class: 'sm-article' },
    element('summary', {}, 'The full article'),
    ...story.paragraphs.map((p) => element('p', { 'data-paragraph': p.id }, p.text)),
    story.meta.credit ? element('p', { class: 'sm-credit' }, story.meta.credit) : null,
  );
}
