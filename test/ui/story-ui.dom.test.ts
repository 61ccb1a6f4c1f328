import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStory } from '../../src/model/parse-story.ts';
import { createStoryState } from '../../src/story/story-state.ts';
import { createStepNav } from '../../src/ui/create-step-nav.ts';
import { createStoryPanel } from '../../src/ui/create-story-panel.ts';
import { installStepKeys } from '../../src/ui/step-keys.ts';

// The story panel, the step controls and the keys, in Node's DOM: what a reader sees and does,
// without a build or a browser (the e2e tests check the same in Chromium, with the map).
function story() {
  const result = parseStory(readFileSync(`${import.meta.dirname}/../fixtures/minimal-story.geojson`, 'utf8'));
  if (!result.ok) throw new Error('fixture must parse');
  return result.story;
}

afterEach(() => document.body.replaceChildren());

const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;

describe('the step controls', () => {
  it('name the neighbouring steps, count them, and move the story', () => {
    const state = createStoryState(story());
    createStepNav(document.body, state, { onListToggle: () => true });
    const [previous, next] = [...document.querySelectorAll<HTMLButtonElement>('.sm-step-button')];
    expect(previous?.textContent).toBe('← Previous');
    expect(previous?.getAttribute('aria-disabled')).toBe('true');
    expect(next?.textContent).toBe('Next step: North Harbour →');
    expect(text('.sm-progress')).toBe('1 of 3');
    next?.click();
    expect(state.step.slug).toBe('north-harbour');
    expect(text('.sm-progress')).toBe('2 of 3');
    expect(previous?.textContent).toBe('← Previous step: All places');
    expect(previous?.getAttribute('aria-disabled')).toBe('false');
    next?.click();
    expect(next?.getAttribute('aria-disabled')).toBe('true');
    next?.click(); // at the end: nothing moves
    expect(state.step.slug).toBe('south-harbour');
  });

  it('switch to the list and back, and stay as they were when the list cannot load', async () => {
    const state = createStoryState(story());
    let answer = true;
    const onListToggle = vi.fn(() => Promise.resolve(answer));
    createStepNav(document.body, state, { onListToggle });
    const toggle = document.querySelector<HTMLButtonElement>('.sm-list-toggle')!;
    toggle.click();
    await vi.waitFor(() => expect(toggle.textContent).toBe('Show the map'));
    expect(onListToggle).toHaveBeenLastCalledWith(true);
    answer = false;
    toggle.click();
    await vi.waitFor(() => expect(onListToggle).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(toggle.textContent).toBe('Show the map'));
  });
});

describe('the story panel', () => {
  it('shows the overview, then a place’s passages in article order, and goes back to all places', () => {
    const state = createStoryState(story());
    const panel = document.createElement('div');
    document.body.append(panel);
    createStoryPanel(panel, state, 'test');
    expect(text('.sm-step h2')).toBe('All places');
    state.goTo('south-harbour');
    expect(text('.sm-step h2')).toBe('South Harbour');
    expect(panel.querySelector('.sm-step')?.textContent).toContain('It reached South Harbour by noon');
    // North Harbour lists c before a; the panel shows them as the article has them.
    state.goTo('north-harbour');
    const passages = [...panel.querySelectorAll('.sm-step p')].map((p) => p.textContent ?? '');
    const first = passages.findIndex((p) => p.startsWith('The ferry left'));
    const second = passages.findIndex((p) => p.startsWith('It reached'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(second);
    const back = [...panel.querySelectorAll('button')].find((button) => button.textContent === '← All places');
    back?.click();
    expect(state.step.slug).toBe('overview');
  });

  it('renders text from the story as text, never as HTML', () => {
    const hostile = story();
    const state = createStoryState({ ...hostile, meta: { ...hostile.meta, title: '<img src=x onerror=alert(1)>' } });
    createStoryPanel(document.body, state, 'test');
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('the step keys', () => {
  it('step with the arrows, Home and End in the story, but not in a text field or the map', () => {
    const state = createStoryState(story());
    const root = document.createElement('div');
    const map = document.createElement('div');
    const list = document.createElement('div');
    const field = document.createElement('input');
    const paragraph = document.createElement('p');
    paragraph.tabIndex = 0;
    root.append(paragraph, field, map, list);
    document.body.append(root);
    installStepKeys(root, map, list, state);
    const press = (target: HTMLElement, key: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    press(paragraph, 'ArrowRight');
    expect(state.step.slug).toBe('north-harbour');
    press(paragraph, 'End');
    expect(state.step.slug).toBe('south-harbour');
    press(field, 'ArrowLeft');
    press(map, 'ArrowLeft');
    expect(state.step.slug).toBe('south-harbour');
    press(paragraph, 'Home');
    expect(state.step.slug).toBe('overview');
  });
});
