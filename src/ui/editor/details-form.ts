import type { DraftDetails } from '../../model/draft.ts';
import { element } from '../element.ts';

type DetailName = keyof DraftDetails;

interface Field {
  readonly name: DetailName;
  readonly label: string;
  readonly hint: string;
  readonly required: boolean;
  readonly type?: string;
}

const FIELDS: readonly Field[] = [
  { name: 'title', label: 'Headline', hint: 'As published.', required: true },
  { name: 'byline', label: 'Byline', hint: 'The reporters, without “By”.', required: false },
  { name: 'publisher', label: 'Publisher', hint: 'Such as “Associated Press”.', required: true },
  { name: 'published', label: 'Date published', hint: 'The day the article is dated.', required: true, type: 'date' },
  { name: 'dateline', label: 'Dateline', hint: 'Where it was filed, as printed: “VLADIVOSTOK, Russia”.', required: true },
  { name: 'language', label: 'Language', hint: 'A language tag: “en”, “fr”, “pt-BR”.', required: true },
  { name: 'credit', label: 'Further credit', hint: 'Such as contributing writers.', required: false },
];

/** A detail's name as its field is labelled: "Headline". */
export function detailLabel(name: DetailName): string {
  return FIELDS.find((field) => field.name === name)?.label ?? name;
}

/** The id of a detail's field, which problems link to. */
export function detailFieldId(name: string): string {
  return `ed-detail-${name}`;
}

/** The story's details form: what a story file needs and no article carries. */
export interface DetailsForm {
  set(details: DraftDetails): void;
}

export function createDetailsForm(container: HTMLElement, onChange: (name: DetailName, value: string) => void): DetailsForm {
  const inputs = new Map<DetailName, HTMLInputElement>();
  const list = element('div', { class: 'ed-fields' });
  for (const field of FIELDS) {
    const id = detailFieldId(field.name);
    const input = element('input', {
      id,
      type: field.type ?? 'text',
      'aria-describedby': `${id}-hint`,
      autocomplete: 'off',
      ...(field.required ? { required: '', 'aria-required': 'true' } : {}),
      ...(field.name === 'language' ? { spellcheck: 'false' } : {}),
    });
    input.addEventListener('input', () => onChange(field.name, input.value));
    inputs.set(field.name, input);
    list.append(
      element(
        'div',
        { class: 'ed-field' },
        element('label', { for: id }, field.label, field.required ? element('span', { class: 'ed-required' }, ' (required)') : null),
        input,
        element('p', { class: 'ed-hint', id: `${id}-hint` }, field.hint),
      ),
    );
  }
  container.append(list);
  return {
    set(details) {
      for (const [name, input] of inputs) if (input.value !== details[name]) input.value = details[name];
    },
  };
}
