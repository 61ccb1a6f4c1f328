import type { DraftPlace } from '../../model/draft.ts';
import { element } from '../element.ts';

/** The article's paragraphs, each attached to or detached from the chosen place by a click. */
export interface ParagraphList {
  /**
   * Draws the paragraphs for the chosen place (null: none chosen); `named` are the ids of the
   * paragraphs that use the chosen place's name, marked as a hint.
   */
  render(paragraphs: ReadonlyArray<{ readonly id: string; readonly text: string }>, places: readonly DraftPlace[], chosen: number | null, named: ReadonlySet<string>): void;
}

/** The id of a paragraph's toggle. */
export function paragraphToggleId(paragraphId: string): string {
  return `ed-paragraph-${paragraphId.replace(/[^\w-]/g, '_')}`;
}

export function createParagraphList(container: HTMLElement, onToggle: (paragraphId: string) => void): ParagraphList {
  const lead = element('p', { class: 'ed-paragraphs__lead', 'aria-live': 'polite' });
  const list = element('ol', { class: 'ed-paragraphs' });
  container.append(lead, list);
  return {
    render(paragraphs, places, chosen, named) {
      const place = chosen === null ? null : (places[chosen] ?? null);
      const placeName = place ? place.name || 'the unnamed place' : null;
      lead.textContent =
        paragraphs.length === 0
          ? 'Paste the article first: its paragraphs appear here.'
          : placeName
            ? `Click a paragraph to attach it to ${placeName}, or again to detach it. ${place?.passages.length ?? 0} attached.`
            : 'Choose a place above to attach paragraphs to it.';
      list.replaceChildren(
        ...paragraphs.map((paragraph, index) => {
          const attachedTo = places.filter((candidate) => candidate.passages.includes(paragraph.id)).map((candidate) => candidate.name || 'Unnamed place');
          const attached = place?.passages.includes(paragraph.id) ?? false;
          const toggle = element(
            'button',
            { type: 'button', class: 'ed-paragraph', id: paragraphToggleId(paragraph.id), 'aria-pressed': String(attached) },
            element('span', { class: 'ed-paragraph__number' }, `¶ ${index + 1}`),
            element('span', { class: 'ed-paragraph__text' }, paragraph.text),
            element(
              'span',
              { class: 'ed-paragraph__places' },
              attachedTo.length > 0 ? `On: ${attachedTo.join(', ')}` : 'On no place',
              named.has(paragraph.id) && !attached ? ` · names ${placeName ?? ''}` : '',
            ),
          );
          if (!place) toggle.setAttribute('aria-disabled', 'true');
          toggle.addEventListener('click', () => {
            if (toggle.getAttribute('aria-disabled') !== 'true') onToggle(paragraph.id);
          });
          return element('li', { class: named.has(paragraph.id) ? 'is-named' : null }, toggle);
        }),
      );
    },
  };
}
