import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStory } from '../../src/app/load-story.ts';
import { resolveOptions } from '../../src/app/story-map-options.ts';
import { StoryLoadError } from '../../src/app/story-load-error.ts';

const options = { signal: new AbortController().signal, timeoutMs: 1000, onStatus: () => undefined };
const minimal = readFileSync(new URL('../fixtures/minimal-story.geojson', import.meta.url), 'utf8');

describe('resolveOptions (every default in one place)', () => {
  it('fills what the caller left out as documented', () => {
    expect(resolveOptions({}, () => 'khasan')).toMatchObject({
      source: { kind: 'none' },
      step: null,
      hash: false,
      embedded: false,
      controls: true,
      article: true,
      reducedMotion: false,
      timeoutMs: 15_000,
      theme: 'auto',
      gestures: null,
      onEmbed: null,
    });
    expect(resolveOptions({ embedded: true }, () => null).article).toBe(false);
    // The address's step only for a page that keeps its address (hash: true); an option wins.
    expect(resolveOptions({ hash: true }, () => 'khasan').step).toBe('khasan');
    expect(resolveOptions({ hash: true, step: 'seoul' }, () => 'khasan').step).toBe('seoul');
  });

  it('takes a story in memory over a URL, and a URL over a prepared story', () => {
    expect(resolveOptions({ story: { a: 1 }, storyUrl: 'x', preparedStoryUrl: 'y' }, () => null).source).toEqual({ kind: 'memory', text: '{"a":1}' });
    expect(resolveOptions({ storyUrl: 'x', preparedStoryUrl: 'y' }, () => null).source).toEqual({ kind: 'file', url: 'x', allowedOrigins: null });
    expect(resolveOptions({ preparedStoryUrl: 'y' }, () => null).source).toEqual({ kind: 'prepared', url: 'y' });
  });
});

describe('loadStory (no DOM)', () => {
  it('checks a story held in memory and gives it back ready to show', async () => {
    const loaded = await loadStory({ kind: 'memory', text: minimal }, options);
    expect(loaded.ok && loaded.story.places.map((place) => place.id)).toEqual(['north-harbour', 'south-harbour']);
    expect(loaded.ok && loaded.placeLayer).toBeNull();
  });

  it('gives every problem of a broken story, one line each', async () => {
    const broken = minimal.replace('[10.75, 59.9]', '[10.75, 243.1]');
    expect(broken).not.toBe(minimal);
    const loaded = await loadStory({ kind: 'memory', text: broken }, options);
    expect(loaded.ok ? [] : loaded.problems).toEqual(['feature 0 ("north-harbour"): geometry.coordinates[1]: 243.1 is not a latitude (-90..90).']);
  });

  it('says so when no story was given', async () => {
    await expect(loadStory({ kind: 'none' }, options)).rejects.toThrow(StoryLoadError);
    await expect(loadStory({ kind: 'none' }, options)).rejects.toThrow(/No story was given/);
  });
});
