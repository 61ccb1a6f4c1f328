import { describe, expect, it, vi } from 'vitest';
import type { StoryMap, StoryMapEvents } from '../../src/app/create-story-map.ts';
import { createEmitter } from '../../src/story/emitter.ts';
import { forwardEvents } from '../../src/embed/forward-events.ts';
import { embeddedOptions, readSettings, type SettingName } from '../../src/embed/settings.ts';

describe('readSettings (the full page, the iframe and the element alike)', () => {
  const from = (values: Partial<Record<SettingName, string>>) => readSettings((name) => values[name] ?? null);

  it('gives every setting its default when none is given', () => {
    expect(from({})).toEqual({ story: null, step: null, controls: true, article: false, tilesOff: false, theme: 'auto', height: null });
  });

  it('reads each setting as documented, and nothing else as it', () => {
    expect(from({ story: 's.geojson', step: 'khasan', controls: 'off', article: 'beside', tiles: 'none', theme: 'dark', height: '600' })).toEqual({
      story: 's.geojson',
      step: 'khasan',
      controls: false,
      article: true,
      tilesOff: true,
      theme: 'dark',
      height: 600,
    });
    expect(from({ controls: 'no', article: 'yes', tiles: 'osm', theme: 'purple', height: '1e9' })).toMatchObject({
      controls: true,
      article: false,
      tilesOff: false,
      theme: 'auto',
      height: 4000,
    });
  });

  it('turns settings into an embed’s options', () => {
    const options = embeddedOptions(from({ step: 'seoul', tiles: 'none', controls: 'off' }));
    expect(options).toMatchObject({ embedded: true, step: 'seoul', tiles: 'none', controls: false, article: false, theme: 'auto' });
    expect(typeof options.gestures).toBe('function');
  });
});

describe('forwardEvents (one bridge from the map to either embed)', () => {
  it('passes each event on once, with its type, until stopped', () => {
    const emitter = createEmitter<StoryMapEvents>();
    const map = { on: emitter.on } as unknown as StoryMap;
    const send = vi.fn();
    const stop = forwardEvents(map, send);
    emitter.emit('ready', { places: [{ id: 'khasan', name: 'Khasan' }], steps: ['overview', 'khasan'] });
    emitter.emit('placechange', { id: null, name: 'All places' });
    emitter.emit('error', { message: 'Nope.' });
    expect(send.mock.calls.map(([message]) => message)).toEqual([
      { type: 'ready', places: [{ id: 'khasan', name: 'Khasan' }], steps: ['overview', 'khasan'] },
      { type: 'placechange', id: null, name: 'All places' },
      { type: 'error', message: 'Nope.' },
    ]);
    stop();
    emitter.emit('error', { message: 'Again.' });
    expect(send).toHaveBeenCalledTimes(3);
  });
});
