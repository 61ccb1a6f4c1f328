import { afterEach, describe, expect, it, vi } from 'vitest';
import { addPlace, emptyDraft, setArticle, togglePassage } from '../../../src/model/draft.ts';
import { editorProblems } from '../../../src/ui/editor/editor-problems.ts';
import { createParagraphList } from '../../../src/ui/editor/paragraph-list.ts';
import { createPlaceList, type PlaceListEvents } from '../../../src/ui/editor/place-list.ts';
import { createProblemList } from '../../../src/ui/editor/problem-list.ts';

// The editor's form parts in Node's DOM; the whole editor, with its map, runs in Chromium (test/e2e/editor.test.ts).
afterEach(() => document.body.replaceChildren());

function events(overrides: Partial<PlaceListEvents> = {}): PlaceListEvents {
  return {
    onChoose: vi.fn(),
    onRename: vi.fn(),
    onPosition: vi.fn(() => null),
    onSummary: vi.fn(),
    onAliases: vi.fn(),
    onMove: vi.fn(),
    onRemove: vi.fn(),
    ...overrides,
  };
}

describe('the place list', () => {
  it('shows each place with its step number, and says which are not on the map yet', () => {
    let draft = addPlace(emptyDraft(), 'Khasan', null).draft;
    draft = addPlace(draft, 'Vladivostok', [131.88191, 43.11124]).draft;
    const list = createPlaceList(document.body, events());
    list.render(draft.places, 1);
    expect([...document.querySelectorAll('.ed-place__heading')].map((h) => h.textContent)).toEqual(['1. Khasan (not on the map yet)', '2. Vladivostok']);
    expect(document.querySelector<HTMLInputElement>('#ed-place-1-position')?.value).toBe('43.11124, 131.88191');
    expect(document.querySelector('#ed-place-1-choose')?.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('#ed-place-0-up')?.getAttribute('aria-disabled')).toBe('true');
    expect(document.querySelector('#ed-place-1-down')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('explains a position it cannot take, marks the field invalid, and clears that once fixed', () => {
    const draft = addPlace(emptyDraft(), 'Khasan', null).draft;
    let answer: string | null = 'did you put the longitude first?';
    const list = createPlaceList(document.body, events({ onPosition: () => answer }));
    list.render(draft.places, 0);
    const field = document.querySelector<HTMLInputElement>('#ed-place-0-position')!;
    field.value = '130.6, 42.4';
    field.dispatchEvent(new Event('change'));
    expect(document.querySelector('#ed-place-0-position-error')?.textContent).toBe('did you put the longitude first?');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    answer = null;
    field.value = '42.4, 130.6';
    field.dispatchEvent(new Event('change'));
    expect(field.hasAttribute('aria-invalid')).toBe(false);
  });

  it('moves a place with Alt+Up and Alt+Down from any of its fields, and chooses it when one takes the focus', () => {
    let draft = addPlace(emptyDraft(), 'A', null).draft;
    draft = addPlace(draft, 'B', null).draft;
    const handlers = events();
    createPlaceList(document.body, handlers).render(draft.places, null);
    const name = document.querySelector<HTMLInputElement>('#ed-place-1-name')!;
    name.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(handlers.onChoose).toHaveBeenCalledWith(1);
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    expect(handlers.onMove).toHaveBeenCalledWith(1, -1);
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })); // no Alt: the field's own
    expect(handlers.onMove).toHaveBeenCalledTimes(1);
  });
});

describe('the paragraph toggles', () => {
  it('are pressed for the chosen place’s paragraphs, say where each paragraph is, and wait for a place to be chosen', () => {
    let draft = setArticle(emptyDraft(), 'At Khasan.\n\nIn Vladivostok.');
    draft = addPlace(draft, 'Khasan', null).draft;
    draft = togglePassage(draft, 'khasan', 'p1');
    const onToggle = vi.fn();
    const list = createParagraphList(document.body, onToggle);
    list.render(draft.paragraphs, draft.places, null, new Set());
    expect(document.querySelector('.ed-paragraphs__lead')?.textContent).toBe('Choose a place above to attach paragraphs to it.');
    document.querySelector<HTMLButtonElement>('#ed-paragraph-p2')!.click();
    expect(onToggle).not.toHaveBeenCalled();
    list.render(draft.paragraphs, draft.places, 0, new Set(['p1']));
    expect(document.querySelector('#ed-paragraph-p1')?.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('#ed-paragraph-p1 .ed-paragraph__places')?.textContent).toBe('On: Khasan');
    expect(document.querySelector('#ed-paragraph-p2')?.getAttribute('aria-pressed')).toBe('false');
    document.querySelector<HTMLButtonElement>('#ed-paragraph-p2')!.click();
    expect(onToggle).toHaveBeenCalledWith('p2');
  });
});

describe('the problems', () => {
  it('are said in the editor’s words and linked to the field that fixes each', () => {
    const draft = addPlace(setArticle(emptyDraft(), 'Text.'), 'Khasan', null).draft;
    const problems = editorProblems(draft, [
      { featureIndex: null, featureId: null, path: 'story.publisher', message: 'The story\'s "publisher" must be a non-empty text, not the text "".' },
      { featureIndex: 0, featureId: 'khasan', path: 'geometry', message: 'A place needs a Point geometry.' },
    ]);
    // The place's missing position is said once, in the editor's words.
    expect(problems).toEqual([
      { text: 'Khasan is not on the map yet: choose it and click the map, or type its position.', fieldId: 'ed-place-0-position' },
      { text: 'Details: the publisher is required.', fieldId: 'ed-detail-publisher' },
    ]);
    const container = document.createElement('div');
    document.body.append(container);
    const field = document.createElement('input');
    field.id = 'ed-detail-publisher';
    document.body.append(field);
    createProblemList(container).render(problems);
    expect(container.querySelector('.ed-problems__summary')?.textContent).toBe('2 problems keep the story from being shown:');
    container.querySelectorAll('a')[1]!.click();
    expect(document.activeElement).toBe(field);
  });
});
