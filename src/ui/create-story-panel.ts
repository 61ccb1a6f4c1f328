import { calendarDatePart, formatCalendarDate } from '../model/format-date.ts';
import { OVERVIEW_NAME, type Paragraph, type Place, type Step, type Story } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { element, focusedElement } from './element.ts';
import { showInChunks } from './show-in-chunks.ts';
import { longText } from './text-parts.ts';
import './ui.css';

/** The story panel: title block, then the current place's passages or the overview's list of places. */
export interface StoryPanel {
  /** Shows a gentle, dismissible note above the step (for example, an unknown link). */
  note(text: string): void;
  destroy(): void;
}

/** Renders the panel for `state` into `container` and keeps it current. */
export function createStoryPanel(container: HTMLElement, state: StoryState, idPrefix: string): StoryPanel {
  const { story } = state;
  const headingId = `${idPrefix}-step-heading`;
  const stepRegion = element('section', { class: 'sm-step', 'aria-labelledby': headingId });
  const announcer = element('p', { class: 'sm-visually-hidden', role: 'status', 'aria-live': 'polite' });
  const noteText = element('span', {});
  const noteClose = element('button', { type: 'button', class: 'sm-note__close', 'aria-label': 'Dismiss this note' }, '×');
  const note = element('p', { class: 'sm-note', role: 'status' }, noteText, noteClose);
  note.hidden = true;
  noteClose.addEventListener('click', () => {
    note.hidden = true;
    // The button is gone: focus goes on to the step below, not back to the top of the page.
    stepRegion.querySelector<HTMLElement>(`#${headingId}`)?.focus();
  });

  container.append(renderTitleBlock(story), note, stepRegion, announcer);

  const render = (step: Step, moveFocus: boolean): void => {
    stepRegion.replaceChildren(
      ...(step.place ? renderPlace(step.place, headingId, state) : renderOverview(story, headingId, state)),
    );
    stepRegion.classList.toggle('is-place', step.place !== null);
    if (moveFocus) stepRegion.querySelector<HTMLElement>(`#${headingId}`)?.focus();
  };

  render(state.step, false);
  const unsubscribe = state.on('stepchange', ({ step, index }) => {
    // When the reader acted inside the step (its list, its back button), that control is about
    // to disappear: move focus to the new heading so they do not lose their place. Anything
    // else (a marker, the Next button, the article) keeps its focus.
    render(step, stepRegion.contains(focusedElement(stepRegion)));
    const name = step.place ? step.place.name : OVERVIEW_NAME;
    announcer.textContent = `Step ${index + 1} of ${story.steps.length}: ${name}`;
  });

  return {
    note(text) {
      noteText.textContent = text;
      note.hidden = false;
    },
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
  const back = element('button', { type: 'button', class: 'sm-back' }, `← ${OVERVIEW_NAME}`);
  back.addEventListener('click', () => state.selectPlace(null));
  const nodes: Node[] = [back, element('h2', { id: headingId, tabindex: '-1' }, place.name)];
  if (place.summary) nodes.push(element('p', { class: 'sm-summary' }, place.summary));
  if (place.passages.length === 0) {
    nodes.push(element('p', { class: 'sm-empty' }, 'No paragraph of the article is about this place.'));
  } else {
    const passages = element('div', { class: 'sm-passages' });
    const render = (p: Paragraph): Node => element('p', { class: 'sm-passage', 'data-paragraph': p.id }, ...longText(p.text));
    nodes.push(passages, showInChunks(passages, place.passages, render, 'passages', state.story.meta.language));
  }
  return nodes;
}

function renderOverview(story: Story, headingId: string, state: StoryState): Node[] {
  const places = story.steps.flatMap((step) => (step.place ? [step.place] : []));
  const list = element('ol', { class: 'sm-place-list' });
  const render = (place: Place): Node => {
    const button = element(
      'button',
      { type: 'button', class: 'sm-place-link' },
      element('span', { class: 'sm-place-link__name' }, place.name),
      place.summary ? element('span', { class: 'sm-place-link__summary' }, place.summary) : null,
    );
    button.addEventListener('click', () => state.selectPlace(place.id));
    return element('li', {}, button);
  };
  return [
    element('h2', { id: headingId, tabindex: '-1' }, OVERVIEW_NAME),
    element('p', { class: 'sm-hint' }, 'Choose a place on the map or in this list to read what the story says about it.'),
    list,
    showInChunks(list, places, render, 'places', story.meta.language),
  ];
}
