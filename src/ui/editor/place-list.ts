import { formatPosition, type DraftPlace } from '../../model/draft.ts';
import { element } from '../element.ts';

/** What the author does to the list of places. */
export interface PlaceListEvents {
  onChoose(index: number): void;
  onRename(index: number, name: string): void;
  /** A typed position; returns a message when it is not one, else null. */
  onPosition(index: number, text: string): string | null;
  onSummary(index: number, text: string): void;
  onAliases(index: number, aliases: string[]): void;
  onMove(index: number, by: number): void;
  onRemove(index: number): void;
}

/** The id of a place's field (`name`, `position`, `summary`, `aliases`), which problems link to. */
export function placeFieldId(index: number, part: string): string {
  return `ed-place-${index}-${part}`;
}

/** The story's places in story order (its steps), each with its fields. */
export interface PlaceList {
  render(places: readonly DraftPlace[], chosen: number | null): void;
  /** Marks the chosen place without redrawing (the fields keep the focus). */
  choose(chosen: number | null): void;
  /** Updates one place's heading and position field after a change made elsewhere. */
  update(index: number, place: DraftPlace): void;
}

export function createPlaceList(container: HTMLElement, events: PlaceListEvents): PlaceList {
  const empty = element('p', { class: 'ed-empty' }, 'No places yet: add them from the names above, or by name below.');
  const list = element('ol', { class: 'ed-places' });
  container.append(empty, list);
  let rows: HTMLLIElement[] = [];

  const row = (place: DraftPlace, index: number, count: number): HTMLLIElement => {
    const id = (part: string): string => placeFieldId(index, part);
    const heading = element('h3', { class: 'ed-place__heading', id: id('heading') });
    const chooseButton = element('button', { type: 'button', id: id('choose'), class: 'ed-place__choose', 'aria-describedby': id('heading') });
    chooseButton.addEventListener('click', () => events.onChoose(index));
    const field = (part: string, label: string, input: HTMLInputElement, hint: string | null): HTMLElement =>
      element(
        'div',
        { class: 'ed-field' },
        element('label', { for: id(part) }, label),
        input,
        hint ? element('p', { class: 'ed-hint', id: id(`${part}-hint`) }, hint) : null,
      );
    const name = element('input', { id: id('name'), type: 'text', autocomplete: 'off', required: '', 'aria-required': 'true' });
    name.value = place.name;
    name.addEventListener('input', () => events.onRename(index, name.value));
    const position = element('input', {
      id: id('position'),
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `${id('position-hint')} ${id('position-error')}`,
    });
    position.value = place.lngLat ? formatPosition(place.lngLat) : '';
    const error = element('p', { class: 'ed-error', id: id('position-error'), 'aria-live': 'polite' });
    const applyPosition = (): void => {
      if (position.value.trim() === '' && !place.lngLat) return;
      const message = events.onPosition(index, position.value);
      error.textContent = message ?? '';
      if (message) position.setAttribute('aria-invalid', 'true');
      else position.removeAttribute('aria-invalid');
    };
    position.addEventListener('change', applyPosition);
    position.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') applyPosition();
    });
    const summary = element('input', { id: id('summary'), type: 'text', autocomplete: 'off' });
    summary.value = place.summary;
    summary.addEventListener('input', () => events.onSummary(index, summary.value));
    const aliases = element('input', { id: id('aliases'), type: 'text', autocomplete: 'off' });
    aliases.value = place.aliases.join(', ');
    aliases.addEventListener('input', () =>
      events.onAliases(
        index,
        aliases.value
          .split(',')
          .map((alias) => alias.trim())
          .filter(Boolean),
      ),
    );
    const button = (part: string, text: string, keys: string | null, disabled: boolean, act: () => void): HTMLButtonElement => {
      // The name starts with what the button shows (speech users say it), then the place.
      const node = element('button', { type: 'button', id: id(part), 'aria-label': `${text}: ${label}`, 'aria-keyshortcuts': keys }, text);
      if (disabled) node.setAttribute('aria-disabled', 'true');
      node.addEventListener('click', () => {
        if (node.getAttribute('aria-disabled') !== 'true') act();
      });
      return node;
    };
    const label = place.name || 'this place';
    const item = element(
      'li',
      { class: 'ed-place', id: id('row') },
      element('div', { class: 'ed-place__head' }, heading, chooseButton),
      element(
        'div',
        { class: 'ed-place__fields' },
        field('name', 'Name', name, null),
        field('position', 'Position (latitude, longitude)', position, 'Click the map, drag the marker, or type or paste “43.1112, 131.8819”.'),
        error,
        field('summary', 'Summary (optional)', summary, 'One line on its role in the story.'),
        field('aliases', 'Other names in the text (optional)', aliases, 'Separated by commas: “Russkiy Island, Russky”.'),
      ),
      element(
        'div',
        { class: 'ed-place__actions' },
        button('up', 'Move up', 'Alt+ArrowUp', index === 0, () => events.onMove(index, -1)),
        button('down', 'Move down', 'Alt+ArrowDown', index === count - 1, () => events.onMove(index, 1)),
        button('remove', 'Remove', null, false, () => events.onRemove(index)),
      ),
    );
    // Working in a place's fields chooses it: the map's next click and the paragraphs are for it.
    item.addEventListener('focusin', () => events.onChoose(index));
    item.addEventListener('keydown', (event) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      events.onMove(index, event.key === 'ArrowUp' ? -1 : 1);
    });
    return item;
  };

  const setHeading = (item: HTMLLIElement, index: number, place: DraftPlace): void => {
    const heading = item.querySelector('.ed-place__heading');
    if (heading) heading.textContent = `${index + 1}. ${place.name || 'Unnamed place'}${place.lngLat ? '' : ' (not on the map yet)'}`;
  };
  const mark = (chosen: number | null): void => {
    rows.forEach((item, index) => {
      const isChosen = index === chosen;
      item.classList.toggle('is-chosen', isChosen);
      const button = item.querySelector('.ed-place__choose');
      if (!button) return;
      button.setAttribute('aria-pressed', String(isChosen));
      button.textContent = isChosen ? 'Chosen: the map and paragraphs are for it' : 'Choose';
    });
  };

  return {
    render(places, chosen) {
      rows = places.map((place, index) => row(place, index, places.length));
      rows.forEach((item, index) => setHeading(item, index, places[index]!));
      list.replaceChildren(...rows);
      empty.hidden = places.length > 0;
      mark(chosen);
    },
    choose: mark,
    update(index, place) {
      const item = rows[index];
      if (!item) return;
      setHeading(item, index, place);
      const position = item.querySelector<HTMLInputElement>(`#${placeFieldId(index, 'position')}`);
      if (position && document.activeElement !== position) {
        position.value = place.lngLat ? formatPosition(place.lngLat) : '';
        position.removeAttribute('aria-invalid');
        const error = item.querySelector(`#${placeFieldId(index, 'position-error')}`);
        if (error) error.textContent = '';
      }
    },
  };
}
