import { describe, expect, it } from 'vitest';
import { embedEvent, parseCommand, parseEvent } from '../../src/embed/protocol.ts';

describe('the embed message protocol', () => {
  it('parseCommand accepts goto, next and previous in the protocol’s envelope (and prev, the first name, as previous)', () => {
    expect(parseCommand({ protocol: 'story-map', version: 1, type: 'goto', slug: 'khasan' })).toEqual({
      protocol: 'story-map',
      version: 1,
      type: 'goto',
      slug: 'khasan',
    });
    expect(parseCommand({ protocol: 'story-map', version: 1, type: 'next', extra: 1 })?.type).toBe('next');
    expect(parseCommand({ protocol: 'story-map', version: 1, type: 'previous' })?.type).toBe('previous');
    expect(parseCommand({ protocol: 'story-map', version: 1, type: 'prev' })?.type).toBe('previous');
  });

  it('parseCommand ignores garbage, other versions, unknown types and wrong fields', () => {
    for (const garbage of [
      'x',
      {},
      null,
      [],
      42,
      'y'.repeat(1_000_000),
      { protocol: 'story-map', version: 2, type: 'next' },
      { protocol: 'other', version: 1, type: 'next' },
      { protocol: 'story-map', version: 1, type: 'explode' },
      { protocol: 'story-map', version: 1, type: 'goto', slug: 42 },
      { protocol: 'story-map', version: 1, type: 'goto', slug: 'x'.repeat(10_000) },
    ]) {
      expect(parseCommand(garbage)).toBeNull();
    }
  });

  it('parseEvent checks each event’s fields before the host trusts it', () => {
    expect(parseEvent(embedEvent({ type: 'height', height: 640 }))?.type).toBe('height');
    expect(parseEvent({ protocol: 'story-map', version: 1, type: 'height', height: 'tall' })).toBeNull();
    expect(parseEvent({ protocol: 'story-map', version: 1, type: 'height', height: -1 })).toBeNull();
    expect(parseEvent(embedEvent({ type: 'placechange', id: null, name: 'All places' }))?.type).toBe('placechange');
  });
});
