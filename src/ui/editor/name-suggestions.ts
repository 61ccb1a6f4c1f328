import { nameKey } from '../../model/gazetteer.ts';
import type { PlaceNameFindings } from '../../model/find-place-names.ts';
import type { DraftPlace } from '../../model/draft.ts';
import type { LngLat } from '../../model/types.ts';
import { element } from '../element.ts';

/** The places the article names: suggested with a position, or listed to place by hand. */
export interface NameSuggestions {
  /** `findings` null: the gazetteer is still loading (or failed: `failed` says so). */
  render(findings: PlaceNameFindings | null, places: readonly DraftPlace[], failed?: string): void;
}

export function createNameSuggestions(container: HTMLElement, onAdd: (name: string, lngLat: LngLat | null) => void): NameSuggestions {
  const status = element('p', { class: 'ed-suggestions__status' });
  const knownHeading = element('h3', {}, 'Places named in the article');
  const known = element('ul', { class: 'ed-suggestions' });
  const unknownHeading = element('h3', {}, 'To place on the map');
  const unknownHint = element('p', { class: 'ed-hint' }, 'Names used as places that the gazetteer does not know: add one, then click the map where it is.');
  const unknown = element('ul', { class: 'ed-suggestions' });
  container.append(status, knownHeading, known, unknownHeading, unknownHint, unknown);

  const item = (name: string, detail: string, lngLat: LngLat | null, added: boolean, index: number, kind: string): HTMLLIElement => {
    const button = element('button', { type: 'button', id: `ed-suggest-${kind}-${index}`, 'aria-label': added ? `${name}: added` : `Add ${name}` }, added ? 'Added' : 'Add');
    if (added) button.setAttribute('aria-disabled', 'true');
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') onAdd(name, lngLat);
    });
    return element('li', { class: added ? 'is-added' : null }, element('span', { class: 'ed-suggestion__name' }, name), element('span', { class: 'ed-hint' }, ` ${detail}`), button);
  };
  return {
    render(findings, places, failed) {
      const have = new Set(places.map((place) => nameKey(place.name)));
      if (!findings) {
        status.textContent = failed ?? 'Looking for place names…';
        known.replaceChildren();
        unknown.replaceChildren();
        knownHeading.hidden = unknownHeading.hidden = unknownHint.hidden = true;
        return;
      }
      status.textContent =
        findings.known.length + findings.unknown.length === 0
          ? 'No place names found in the article yet. Add places by name below.'
          : 'From the article, people’s names left out. Positions come from Natural Earth’s populated places: check each one.';
      const paragraphsText = (count: number): string => `in ${count} paragraph${count === 1 ? '' : 's'}`;
      known.replaceChildren(
        ...findings.known.map((found, index) =>
          item(found.name, `${found.place.country ? `(${found.place.country}) ` : ''}${paragraphsText(found.paragraphIds.length)}`, found.place.lngLat, have.has(nameKey(found.name)), index, 'known'),
        ),
      );
      unknown.replaceChildren(
        ...findings.unknown.map((found, index) => item(found.name, paragraphsText(found.paragraphIds.length), null, have.has(nameKey(found.name)), index, 'unknown')),
      );
      knownHeading.hidden = findings.known.length === 0;
      unknownHeading.hidden = unknownHint.hidden = findings.unknown.length === 0;
    },
  };
}
