import { describe, expect, it } from 'vitest';
import { stepAfter } from '../../src/embed/coalesce-commands.ts';
import type { EmbedCommand } from '../../src/embed/protocol.ts';

const slugs = ['overview', 'khasan', 'vladivostok', 'russky-island'];
const cmd = (type: 'next' | 'previous' | 'goto', slug = ''): EmbedCommand =>
  (type === 'goto' ? { protocol: 'story-map', version: 1, type, slug } : { protocol: 'story-map', version: 1, type }) as EmbedCommand;

describe('stepAfter', () => {
  it('ends where the commands one by one would, stopping at the ends', () => {
    expect(stepAfter(slugs, 0, [cmd('next'), cmd('next'), cmd('previous')])).toBe(1);
    expect(stepAfter(slugs, 3, [cmd('next'), cmd('next'), cmd('previous')])).toBe(2);
    expect(stepAfter(slugs, 0, [cmd('previous'), cmd('next')])).toBe(1);
  });

  it('moves to the step a goto names, and ignores one that names no step', () => {
    expect(stepAfter(slugs, 0, [cmd('goto', 'vladivostok'), cmd('next')])).toBe(3);
    expect(stepAfter(slugs, 1, [cmd('goto', 'nowhere'), cmd('next')])).toBe(2);
  });

  it('works through 20,000 commands at once', () => {
    const nexts = Array.from({ length: 19_999 }, () => cmd('next'));
    expect(stepAfter(slugs, 0, nexts)).toBe(3);
    expect(stepAfter(slugs, 0, [...nexts, cmd('goto', 'khasan')])).toBe(1);
    expect(stepAfter(slugs, 0, [cmd('goto', 'vladivostok'), ...Array.from({ length: 10_000 }, () => cmd('previous')), cmd('next')])).toBe(1);
  });
});
