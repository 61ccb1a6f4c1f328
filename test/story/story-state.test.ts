import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseStory } from '../../src/model/parse-story.ts';
import { createStoryState } from '../../src/story/story-state.ts';

function story() {
  const result = parseStory(readFileSync(new URL('../fixtures/minimal-story.geojson', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('fixture must parse');
  return result.story;
}

describe('createStoryState', () => {
  it('createStoryState starts at the overview', () => {
    const state = createStoryState(story());
    expect(state.step.slug).toBe('overview');
    expect(state.index).toBe(0);
  });

  it('selectPlace(id) moves to that place and tells listeners once', () => {
    const state = createStoryState(story());
    const listener = vi.fn();
    state.on('stepchange', listener);
    expect(state.selectPlace('south-harbour')).toBe(true);
    expect(state.selectPlace('south-harbour')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ index: 2, step: { slug: 'south-harbour' }, previous: { slug: 'overview' } });
  });

  it('goTo(unknown slug) returns false and changes nothing', () => {
    const state = createStoryState(story());
    state.selectPlace('north-harbour');
    expect(state.goTo('atlantis')).toBe(false);
    expect(state.step.slug).toBe('north-harbour');
  });

  it('selectPlace(null) returns to the overview', () => {
    const state = createStoryState(story());
    state.selectPlace('north-harbour');
    state.selectPlace(null);
    expect(state.step.place).toBeNull();
  });

  it('an unsubscribed listener and a destroyed state hear nothing more', () => {
    const state = createStoryState(story());
    const a = vi.fn();
    const b = vi.fn();
    const off = state.on('stepchange', a);
    state.on('stepchange', b);
    off();
    state.selectPlace('north-harbour');
    state.destroy();
    state.selectPlace('south-harbour');
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
  });
});

describe('stepping through a story', () => {
  it('next() and previous() walk the steps in order and stop at the ends', () => {
    const state = createStoryState(story());
    expect(state.previous()).toBe(false);
    expect(state.next()).toBe(true);
    expect(state.step.slug).toBe('north-harbour');
    expect(state.next()).toBe(true);
    expect(state.next()).toBe(false);
    expect(state.step.slug).toBe('south-harbour');
    expect(state.previous()).toBe(true);
    expect(state.step.slug).toBe('north-harbour');
  });

  it('goToEnd(-1) and goToEnd(0) jump to the last and first steps', () => {
    const state = createStoryState(story());
    state.goToEnd(-1);
    expect(state.index).toBe(2);
    state.goToEnd(0);
    expect(state.step.slug).toBe('overview');
  });
});
